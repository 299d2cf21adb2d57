using System.Globalization;

namespace BeMore.Bench.Load;

/// <summary>What a server process costs, read from /proc: resident memory, CPU time and bytes written to storage.</summary>
public static class ProcessStats
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux

    public static long RssBytes(int pid) => StatusField(pid, "VmRSS:") * 1024;

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public static double CpuSeconds(int pid)
    {
        // Fields after the command name (which may contain spaces) start at the closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Bytes the process caused to be written to the storage layer (page-cache dirtying counts at write time).</summary>
    public static long WriteBytes(int pid) => IoField(pid == 0 ? "self" : pid.ToString(CultureInfo.InvariantCulture), "write_bytes:");

    private static long StatusField(int pid, string name)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(name, StringComparison.Ordinal));
        return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static long IoField(string pid, string name)
    {
        var line = File.ReadLines($"/proc/{pid}/io").First(l => l.StartsWith(name, StringComparison.Ordinal));
        return long.Parse(line[name.Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
