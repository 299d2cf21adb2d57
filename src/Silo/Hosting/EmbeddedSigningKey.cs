using System.Security.Cryptography;

namespace BeMore.Silo.Hosting;

/// <summary>
/// The embedded profile's access-token signing key: generated once, kept beside the data (owner-only file),
/// so a restart keeps issued tokens valid without anyone configuring a secret.
/// </summary>
internal static class EmbeddedSigningKey
{
    public const string FileName = "signing.key";

    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
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
