namespace BeMore.Silo.Hosting;

/// <summary>
/// The embedded profile's data folder holds the database and the keys that open it: the folder is owner-only (0700),
/// its files 0600. The database file is created empty with that mode before SQLite first opens it, because SQLite
/// gives a database's -wal and -shm files the database file's mode; looser modes left by an earlier version are
/// tightened at every start.
/// </summary>
internal static class EmbeddedDataFolder
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode DataFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Prepare(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
            return;
        }

        Directory.CreateDirectory(dataDirectory, FolderMode);
        File.SetUnixFileMode(dataDirectory, FolderMode);
        var database = Path.Combine(dataDirectory, StorageTarget.SqliteFileName);
        if (!File.Exists(database))
        {
            using var created = new FileStream(database, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.Write,
                UnixCreateMode = DataFileMode,
            });
        }

        foreach (var file in Directory.EnumerateFiles(dataDirectory))
        {
            File.SetUnixFileMode(file, DataFileMode);
        }
    }
}
