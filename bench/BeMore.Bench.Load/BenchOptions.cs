using System.Globalization;

namespace BeMore.Bench.Load;

/// <summary>
/// The command line: a command followed by <c>--name value</c> pairs. run.sh passes the two servers' addresses and
/// process ids to every command, and <c>--quick</c> for the CI-sized run.
/// </summary>
public sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values;

    private BenchOptions(string command, Dictionary<string, string> values)
    {
        Command = command;
        _values = values;
    }

    public string Command { get; }

    public bool Quick => _values.ContainsKey("quick");

    public Uri Baseline => new(Required("baseline"));

    public Uri BeMore => new(Required("bemore"));

    public int BaselinePid => Number("baseline-pid", 0);

    public int BeMorePid => Number("bemore-pid", 0);

    /// <summary>Suffix for metric names, e.g. "[pg]" when BeMore runs the PostgreSQL profile.</summary>
    public string Label => Text("label", "");

    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("Usage: BeMore.Bench.Load <command> [--name value | --flag]...");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option name at '{args[i]}'.");
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[name] = hasValue ? args[++i] : "true";
        }

        return new BenchOptions(args[0], values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required for '{Command}'.");

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Number(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<int> Numbers(string name, string fallback) =>
        Text(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
}
