using BeMore.Silo.Hosting;

namespace BeMore.Tests.Hosting;

/// <summary>
/// The node raises the shared byte-array pool's limit before it starts, unless the operator set one. The limit only takes
/// effect in a process that has not used the pool yet (the silo's start; the streaming benchmark shows its effect), so
/// these tests check the setting, not the pool.
/// </summary>
public sealed class ArrayPoolCapacityTests
{
    private const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    [Fact]
    public void WithoutALimit_TheNodeSetsOne()
    {
        using var restore = new EnvironmentRestore(Variable, null);

        ArrayPoolCapacity.Raise();

        Assert.Equal("1024", Environment.GetEnvironmentVariable(Variable));
    }

    [Fact]
    public void AnOperatorsLimit_IsKept()
    {
        using var restore = new EnvironmentRestore(Variable, "64");

        ArrayPoolCapacity.Raise();

        Assert.Equal("64", Environment.GetEnvironmentVariable(Variable));
    }

    private sealed class EnvironmentRestore : IDisposable
    {
        private readonly string _name;
        private readonly string? _before;

        public EnvironmentRestore(string name, string? value)
        {
            _name = name;
            _before = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _before);
    }
}
