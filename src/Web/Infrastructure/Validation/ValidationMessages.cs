using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BeMore.Web.Infrastructure.Validation;

/// <summary>
/// Validation errors as a client reads them, in REST and the hub alike: fields named as they are on the wire (camelCase
/// paths such as <c>frames[3].points</c>), and messages that speak of the field and its rule, not of .NET (the
/// framework's default DataAnnotations texts name the C# property and, for some attributes, the attribute's type).
/// </summary>
public static partial class ValidationMessages
{
    private static readonly (Regex Pattern, Func<string, Match, string> Message)[] Defaults =
    [
        (Required(), (field, _) => $"{field} is required."),
        (LengthBetween(), (field, m) => $"{field} must hold {m.Groups["min"].Value} to {m.Groups["max"].Value} characters or items."),
        (MaxLength(), (field, m) => $"{field} must be at most {m.Groups["max"].Value} characters long."),
        (MinLength(), (field, m) => $"{field} must be at least {m.Groups["min"].Value} characters long."),
        (Range(), (field, m) => RangeMessage(field, m.Groups["min"].Value, m.Groups["max"].Value)),
        (NotAllowed(), (field, _) => $"{field} is not one of the accepted values."),
        (Email(), (field, _) => $"{field} must be an email address."),
        (Pattern(), (field, _) => $"{field} is not in the expected format."),
    ];

    /// <summary>The errors of one validation, keyed and worded for clients.</summary>
    public static Dictionary<string, string[]> ForClients(IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var field = FieldName(key);
            var member = LastMember(key);
            var worded = messages.Select(message => Word(message, member, LastMember(field))).ToArray();
            result[field] = result.TryGetValue(field, out var earlier) ? [.. earlier, .. worded] : worded;
        }

        return result;
    }

    /// <summary><c>Frames[3].Points</c> becomes <c>frames[3].points</c>: each member camelCase, indexes kept.</summary>
    public static string FieldName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Member().Replace(key, m => JsonNamingPolicy.CamelCase.ConvertName(m.Value));
    }

    private static string Word(string message, string member, string field)
    {
        foreach (var (pattern, wording) in Defaults)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                return wording(field, match);
            }
        }

        // Our own messages may still name the C# member (a format's {0}); the client knows the field by its wire name.
        return member.Length == 0 ? message : Regex.Replace(message, $@"\b{Regex.Escape(member)}\b", field, RegexOptions.CultureInvariant);
    }

    private static string RangeMessage(string field, string min, string max) =>
        IsUnbounded(max) ? $"{field} must be {min} or more." : $"{field} must be between {min} and {max}.";

    private static bool IsUnbounded(string max) =>
        long.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is long.MaxValue or int.MaxValue;

    private static string LastMember(string key)
    {
        var last = key.Split('.')[^1];
        var index = last.IndexOf('[', StringComparison.Ordinal);
        return index < 0 ? last : last[..index];
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Member();

    [GeneratedRegex(@"^The \S+ field is required\.$")]
    private static partial Regex Required();

    [GeneratedRegex(@"^The field \S+ must be a string or collection type with a minimum length of '(?<min>\d+)' and maximum length of '(?<max>\d+)'\.$")]
    private static partial Regex LengthBetween();

    [GeneratedRegex(@"^The field \S+ must be a string or array type with a maximum length of '(?<max>\d+)'\.$|^The field \S+ must be a string with a maximum length of (?<max>\d+)\.$")]
    private static partial Regex MaxLength();

    [GeneratedRegex(@"^The field \S+ must be a string or array type with a minimum length of '(?<min>\d+)'\.$")]
    private static partial Regex MinLength();

    [GeneratedRegex(@"^The field \S+ must be between (?<min>\S+) and (?<max>\S+)\.$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^The \S+ field (does not equal any of the values specified in AllowedValuesAttribute|equals one of the values specified in DeniedValuesAttribute)\.$")]
    private static partial Regex NotAllowed();

    [GeneratedRegex(@"^The \S+ field is not a valid e-mail address\.$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^The field \S+ must match the regular expression '.*'\.$")]
    private static partial Regex Pattern();
}
