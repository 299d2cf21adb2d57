using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Scenario 1: a small hub call at fixed rates. On BeMore it is <c>Resume</c> on an active session, which reaches the
/// session grain, checks ownership and answers with the snapshot without writing; on the baseline it is <c>Echo</c>.
/// First p50/p99 at a reference rate, then a ladder of rates to find the highest with p99 &lt; 100 ms and no errors;
/// past the listed rates the ladder goes on in steps of 1.5x until both servers have broken (or <see cref="MaxExtraSteps"/>),
/// so the baseline's ceiling is measured, not the ladder's top.
/// </summary>
public static class HubRoundTrip
{
    private const double SustainableP99Ms = 100;

    private const int MaxExtraSteps = 8;

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var connections = options.Number("connections", options.Quick ? 8 : 32);
        var reference = options.Number("reference-rate", options.Quick ? 200 : 1000);
        var ladder = options.Numbers("rates", options.Quick ? "1000" : "1000,2000,4000,6000,8000,12000,16000,24000,32000");
        var step = TimeSpan.FromSeconds(options.Number("step-seconds", options.Quick ? 1 : 4));
        var sessions = await BeMoreSetup.SessionsAsync(options, connections, "roundtrip", analysis: false, cancellationToken);

        foreach (var protocol in options.Text("protocols", options.Quick ? "messagepack" : "messagepack,json").Split(',').Select(Hubs.ParseProtocol))
        {
            var tag = protocol == WireProtocol.MessagePack ? "msgpack" : "json";
            var (baseline, bemore) = await ConnectAsync(options, sessions, protocol, cancellationToken);
            try
            {
                var atReference = new Dictionary<string, Latencies>();
                foreach (var target in new[] { baseline, bemore })
                {
                    atReference[target.Name] = await StepAsync(target, reference, step * 1.5, cancellationToken);
                }

                var label = $"[{tag}]{options.Label}";
                ResultTable.Row("1 hub round trip", $"p50 @{reference}/s {label}", atReference["baseline"].Ms(50), atReference["bemore"].Ms(50), " ms");
                ResultTable.Row("1 hub round trip", $"p99 @{reference}/s {label}", atReference["baseline"].Ms(99), atReference["bemore"].Ms(99), " ms");

                var sustained = new Dictionary<string, int> { ["baseline"] = 0, ["bemore"] = 0 };
                var stopped = new HashSet<string>();
                foreach (var rate in Extended(ladder, () => stopped.Count < 2, options.Quick ? 0 : MaxExtraSteps))
                {
                    // Alternate: each rate on the baseline, then on BeMore, so drifting machine load hits both alike.
                    foreach (var target in new[] { baseline, bemore }.Where(t => !stopped.Contains(t.Name)))
                    {
                        var result = await StepAsync(target, rate, step, cancellationToken);
                        if (result.Errors == 0 && result.Ms(99) < SustainableP99Ms)
                        {
                            sustained[target.Name] = rate;
                        }
                        else
                        {
                            stopped.Add(target.Name);
                        }
                    }
                }

                ResultTable.Row("1 hub round trip", $"max rate p99<100ms, 0 errors {label}", sustained["baseline"], sustained["bemore"], "/s");
            }
            finally
            {
                await Hubs.DisposeAllAsync(baseline.Connections.Concat(bemore.Connections));
            }
        }
    }

    /// <summary>The listed rates, then 1.5x the last while <paramref name="goOn"/> holds, at most <paramref name="extraSteps"/> more.</summary>
    private static IEnumerable<int> Extended(IReadOnlyList<int> ladder, Func<bool> goOn, int extraSteps)
    {
        foreach (var rate in ladder)
        {
            yield return rate;
        }

        var next = ladder[^1];
        for (var i = 0; i < extraSteps && goOn(); i++)
        {
            next = (int)(next * 1.5);
            yield return next;
        }
    }

    public static async Task<(HubTarget Baseline, HubTarget BeMore)> ConnectAsync(
        BenchOptions options, IReadOnlyList<(string Token, string SessionId)> sessions, WireProtocol protocol, CancellationToken cancellationToken)
    {
        var echo = await Hubs.ConnectManyAsync(sessions.Count,
            (_, ct) => Hubs.ConnectAsync(options.Baseline, Hubs.EchoPath, null, protocol, ct), cancellationToken);
        var live = await Hubs.ConnectManyAsync(sessions.Count,
            (i, ct) => Hubs.ConnectSessionAsync(options.BeMore, sessions[i].Token, protocol, ct), cancellationToken);
        var baseline = new HubTarget("baseline", echo, (c, _) => c.InvokeAsync<string>("Echo", "round-trip", cancellationToken), options.BaselinePid);
        // The same connection HubTarget picks for call i (i modulo the count), called through the client library.
        var bemore = new HubTarget("bemore", [.. live.Select(l => l.Hub)],
            (_, i) => live[i % live.Length].ResumeAsync(sessions[i % sessions.Count].SessionId, cancellationToken), options.BeMorePid);
        return (baseline, bemore);
    }

    public static async Task<Latencies> StepAsync(HubTarget target, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        await OpenLoop.RunAsync(rate, duration, target.Invoke, latencies, cancellationToken);
        ResultTable.Progress(string.Create(CultureInfo.InvariantCulture,
            $"round trip {target.Name,-8} {rate,6}/s: p50 {latencies.Ms(50):0.00} ms, p99 {latencies.Ms(99):0.00} ms, {latencies.Count} ok, {latencies.Errors} errors"));
        return latencies;
    }
}
