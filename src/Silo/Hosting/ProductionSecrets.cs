using BeMore.Grains.Storage;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BeMore.Silo.Hosting;

/// <summary>
/// In Production a node refuses to start on a secret that is missing or still a placeholder (the token signing key, the
/// event-payload keys, the database password, the cluster certificate's password), because a guessable secret there would expose every session. The
/// refusal names the settings, never their values. The embedded profile's generated keys are real secrets.
/// </summary>
internal static class ProductionSecrets
{
    /// <summary>
    /// Words that only a template, a tutorial or a lazy default puts into a secret. Each is long enough (or holds a
    /// character base64 never does) that a random key contains it with negligible chance; short ones are whole values below.
    /// </summary>
    private static readonly string[] PlaceholderMarkers =
    [
        "changeme", "change-me", "change_me", "change me", "replace", "placeholder",
        "example", "insecure", "notsecret", "not-secret", "${",
    ];

    /// <summary>
    /// How a template's value begins ("your-signing-key", "&lt;your_password&gt;"). Only at the start: anywhere, "your-" or
    /// "your_" turns up by chance in about one random URL-safe key in 500,000 ("...XyouR-H00..."), which failed a test that
    /// draws 10,000.
    /// </summary>
    private static readonly string[] PlaceholderBeginnings = ["your-", "your_", "<your-", "<your_"];

    /// <summary>Whole values people type when a form insists on a password.</summary>
    private static readonly HashSet<string> WellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passw0rd", "postgres", "secret", "admin", "root", "bemore", "test", "default", "123456", "12345678",
        "qwerty", "letmein", "todo", "dummy",
    };

    /// <summary>A real secret draws on many symbols; a run like "aaaa…" or "0000…" does not.</summary>
    private const int MinimumDistinctSymbols = 8;

    public static void EnsureReal(IConfiguration configuration, StorageOptions storage)
    {
        var problems = new List<string>();

        var signingKey = configuration[$"{AuthOptions.SectionName}:SigningKey"];
        if (!string.IsNullOrEmpty(signingKey) && IsPlaceholder(signingKey))
        {
            problems.Add($"{AuthOptions.SectionName}:SigningKey is a placeholder; set a random key (e.g. `openssl rand -base64 48`).");
        }

        var keys = configuration.GetSection($"{EncryptionOptions.SectionName}:Keys").GetChildren();
        foreach (var key in keys)
        {
            if (IsPlaceholder(key.Value) || IsWeakKeyMaterial(key.Value))
            {
                problems.Add($"{EncryptionOptions.SectionName}:Keys:{key.Key} is a placeholder; set base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
            }
        }

        if (storage.Profile == StorageProfile.Postgres && !string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            var connection = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
            if (string.IsNullOrEmpty(connection.Passfile) && IsPlaceholder(connection.Password))
            {
                problems.Add($"{StorageOptions.SectionName}:ConnectionString has no real password; set Password (or Passfile) to the database role's secret.");
            }
        }

        // The cluster certificate's key is what admits a node to the cluster; a guessable .pfx password gives it away.
        var tlsPassword = configuration[$"{ClusterSettings.SectionName}:TlsCertificatePassword"];
        if (!string.IsNullOrEmpty(configuration[$"{ClusterSettings.SectionName}:TlsCertificatePath"]) && !string.IsNullOrEmpty(tlsPassword) && IsPlaceholder(tlsPassword))
        {
            problems.Add($"{ClusterSettings.SectionName}:TlsCertificatePassword is a placeholder; protect the cluster certificate with a random password.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException("BeMore secrets", typeof(ProductionSecrets), problems);
        }
    }

    public static bool IsPlaceholder(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return true;
        }

        var value = secret.Trim();
        return WellKnown.Contains(value)
            || PlaceholderMarkers.Any(marker => value.Contains(marker, StringComparison.OrdinalIgnoreCase))
            || PlaceholderBeginnings.Any(beginning => value.StartsWith(beginning, StringComparison.OrdinalIgnoreCase))
            || (value.StartsWith('<') && value.EndsWith('>'))
            || value.Distinct().Count() < MinimumDistinctSymbols;
    }

    /// <summary>Base64 of bytes that are nearly all alike (zeros, one repeated byte) decodes fine but protects nothing.</summary>
    private static bool IsWeakKeyMaterial(string? base64)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(base64 ?? "", bytes, out var length) && bytes.AsSpan(0, length).ToArray().Distinct().Count() < MinimumDistinctSymbols;
    }
}
