namespace BeMore.Tests.Infrastructure;

/// <summary>A temporary folder a test owns and removes when it is done.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder(string prefix) => Path = Directory.CreateTempSubdirectory($"bemore-{prefix}-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
