using System.Buffers;
using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// A Serilog enricher, run last, that scrubs every property of every log event (nested structures, sequences and
/// dictionaries included): properties named like a secret or like transcript text are replaced whole; any other
/// string has bearer/JWT tokens, refresh tokens, <c>access_token</c>-style query values and secret JSON members
/// masked. Rendered messages are built from the scrubbed properties, so they are clean too. Exception text is not
/// rewritten: the API's handlers never put request content into exception messages.
/// </summary>
public sealed partial class SensitiveDataRedactor : ILogEventEnricher
{
    public const string Mask = "[REDACTED]";

    /// <summary>Property names (case-insensitive, '_' and '-' ignored) whose values are never logged.</summary>
    private static readonly HashSet<string> SensitiveNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pwd", "newpassword", "currentpassword", "passwordhash",
        "token", "accesstoken", "refreshtoken", "idtoken", "bearer", "authorization", "proxyauthorization",
        "cookie", "setcookie", "secret", "clientsecret", "apikey", "signingkey", "encryptionkey",
        "text", "transcript", "transcripttext", "utterance", "comment", "evidence",
    };

    /// <summary>Every pattern below needs one of these or a white space (see <see cref="CannotHoldSecret"/>).</summary>
    private static readonly SearchValues<char> SecretMarks = SearchValues.Create(".:=");

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var scrubbed = Scrub(name, value);
            if (!ReferenceEquals(scrubbed, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, scrubbed));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>Masks secrets inside free text (exposed for tests and for callers that build strings to log).</summary>
    public static string ScrubText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (CannotHoldSecret(text))
        {
            return text;
        }

        var scrubbed = JsonSecretMember().Replace(text, match => $"{match.Groups["prefix"].Value}\"{Mask}\"");
        scrubbed = QuerySecret().Replace(scrubbed, match => $"{match.Groups["prefix"].Value}{Mask}");
        scrubbed = AuthorizationScheme().Replace(scrubbed, match => $"{match.Groups["scheme"].Value} {Mask}");
        scrubbed = JsonWebToken().Replace(scrubbed, Mask);
        return RefreshToken().Replace(scrubbed, Mask);
    }

    /// <summary>
    /// Every pattern below needs a '.', ':', '=' or a space: most logged values (paths, ids, names) have none, and skip
    /// the five scans (every request's log line carries several of them).
    /// </summary>
    private static bool CannotHoldSecret(string text)
    {
        if (text.AsSpan().IndexOfAny(SecretMarks) >= 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsSensitiveName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).TrimStart('@', '$');
        return SensitiveNames.Contains(normalized)
            || normalized.EndsWith("password", StringComparison.OrdinalIgnoreCase)
            || normalized.EndsWith("token", StringComparison.OrdinalIgnoreCase)
            || normalized.EndsWith("secret", StringComparison.OrdinalIgnoreCase);
    }

    private static LogEventPropertyValue Scrub(string? name, LogEventPropertyValue value)
    {
        if (name is not null && IsSensitiveName(name) && value is not ScalarValue { Value: null })
        {
            return new ScalarValue(Mask);
        }

        switch (value)
        {
            case ScalarValue { Value: string text }:
                var scrubbed = ScrubText(text);
                return ReferenceEquals(scrubbed, text) || scrubbed == text ? value : new ScalarValue(scrubbed);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Scrub(p.Name, p.Value))).ToList();
                return properties.Zip(structure.Properties).All(pair => ReferenceEquals(pair.First.Value, pair.Second.Value))
                    ? value
                    : new StructureValue(properties, structure.TypeTag);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(element => Scrub(null, element)).ToList();
                return elements.Zip(sequence.Elements).All(pair => ReferenceEquals(pair.First, pair.Second)) ? value : new SequenceValue(elements);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements
                    .Select(entry => new KeyValuePair<ScalarValue, LogEventPropertyValue>(entry.Key, Scrub(entry.Key.Value?.ToString(), entry.Value)))
                    .ToList();
                return entries.Zip(dictionary.Elements).All(pair => ReferenceEquals(pair.First.Value, pair.Second.Value)) ? value : new DictionaryValue(entries);
            default:
                return value;
        }
    }

    /// <summary><c>"password": "..."</c> and friends inside logged JSON.</summary>
    [GeneratedRegex(@"(?<prefix>""(?:password|newPassword|currentPassword|accessToken|refreshToken|access_token|refresh_token|id_token|token|authorization|text|transcript|comment)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretMember();

    /// <summary><c>?access_token=...</c> (SignalR's WebSocket token) and other secret query/form values.</summary>
    [GeneratedRegex(@"(?<prefix>(?:^|[?&;\s])(?:access_token|refresh_token|id_token|token|password|api_key|apikey)=)[^&\s#""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuerySecret();

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationScheme();

    /// <summary>Anything shaped like a JWS/JWE compact serialization (the header always starts <c>eyJ</c>).</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){1,3}", RegexOptions.CultureInvariant)]
    private static partial Regex JsonWebToken();

    /// <summary>BeMore refresh tokens: <c>{32 hex user id}.{family id}.{64 hex secret}</c>.</summary>
    [GeneratedRegex(@"\b[0-9a-f]{32}\.[0-9A-Za-z_-]{1,128}\.[0-9a-f]{64}\b", RegexOptions.CultureInvariant)]
    private static partial Regex RefreshToken();
}
