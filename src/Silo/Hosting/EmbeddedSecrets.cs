using System.Security.Cryptography;

namespace BeMore.Silo.Hosting;

/// <summary>
/// The embedded profile's secrets (token signing key, event-payload encryption key): generated once, kept beside the
/// data in owner-only files, so a restart keeps tokens valid and stored events readable without anyone configuring a
/// secret. The Postgres profile never generates: its secrets come from configuration.
/// </summary>
internal static class EmbeddedSecrets
{
    public const string SigningKeyFile = "signing.key";
    public const string EncryptionKeyFile = "encryption.key";
    public const string EncryptionKeyId = "embedded-1";

    public static string LoadOrCreateSigningKey(string dataDirectory) =>
        LoadOrCreate(Path.Combine(dataDirectory, SigningKeyFile), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));

    public static string LoadOrCreateEncryptionKey(string dataDirectory) =>
        LoadOrCreate(Path.Combine(dataDirectory, EncryptionKeyFile), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    private static string LoadOrCreate(string path, Func<string> generate)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key);
        }

        return key;
    }
}
