using System.Globalization;

namespace BeMore.Bench.Load;

/// <summary>
/// Result rows on standard output, one per line, tab-separated after a <c>ROW</c> marker so run.sh can collect them
/// from between the progress lines (which go to standard error).
/// </summary>
public static class ResultTable
{
    public static void Row(string scenario, string metric, double? baseline, double? bemore, string unit)
    {
        var ratio = baseline is > 0 && bemore is not null ? (bemore.Value / baseline.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
        Console.WriteLine(string.Join('\t', "ROW", scenario, metric, Format(baseline, unit), Format(bemore, unit), ratio));
    }

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    private static string Format(double? value, string unit) => value switch
    {
        null => "-",
        >= 100 => value.Value.ToString("#,0", CultureInfo.InvariantCulture) + unit,
        >= 10 => value.Value.ToString("0.0", CultureInfo.InvariantCulture) + unit,
        _ => value.Value.ToString("0.00", CultureInfo.InvariantCulture) + unit,
    };
}
