using System.Globalization;

namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Scenario 7: a busy node's mix at once: N sessions streaming audio in real time with analysis (scenario 2's streams),
/// dashboards polled (<c>GET /api/dashboard/summary</c>) and session reads (<c>GET /api/session/{id}</c>), each at a
/// fixed open-loop rate over the same users and sessions; the p99 of each operation. On the baseline the same mix:
/// echo-hub streams, and <c>GET /bare/{id}</c> for both reads.
/// </summary>
public static class Mixed
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var count = options.Number("mixed-sessions", options.Quick ? 20 : 200);
        var duration = TimeSpan.FromSeconds(options.Number("seconds", options.Quick ? 2 : 10));
        var dashboardRate = options.Number("dashboard-rate", options.Quick ? 10 : 50);
        var readRate = options.Number("read-rate", options.Quick ? 50 : 500);
        var chunksPerStream = options.Number("chunks-per-stream", options.Quick ? 4 : 8);
        var protocol = Hubs.ParseProtocol(options.Text("protocol", "messagepack"));
        var sessions = await BeMoreSetup.SessionsAsync(options, count, "mixed", analysis: true, cancellationToken);
        var audio = SyntheticSpeech.Chunks();

        var results = new Dictionary<string, (Latencies Lag, Latencies Dashboard, Latencies Reads)>();
        foreach (var name in new[] { "baseline", "bemore" })
        {
            var isBaseline = name == "baseline";
            var connections = await Streaming.ConnectAsync(options, sessions, count, isBaseline, protocol, cancellationToken);
            using var api = new BeMoreApi(isBaseline ? options.Baseline : options.BeMore);
            var (lag, dashboard, reads) = (new Latencies(), new Latencies(), new Latencies());
            try
            {
                var streams = connections.Select((connection, i) => Streaming.StreamForAsync(
                    connection, sessions[i].SessionId, audio, i, count, chunksPerStream, duration, lag, cancellationToken));
                var polling = OpenLoop.RunAsync(dashboardRate, duration, i => isBaseline
                    ? api.GetAsync($"/bare/dashboard-{i}", null, cancellationToken)
                    : api.GetAsync("/api/dashboard/summary", sessions[i % count].Token, cancellationToken), dashboard, cancellationToken);
                var reading = OpenLoop.RunAsync(readRate, duration, i => isBaseline
                    ? api.GetAsync($"/bare/{sessions[i % count].SessionId}", null, cancellationToken)
                    : api.GetAsync($"/api/session/{sessions[i % count].SessionId}", sessions[i % count].Token, cancellationToken), reads, cancellationToken);
                await Task.WhenAll(streams.Append(polling).Append(reading));
            }
            finally
            {
                await Hubs.DisposeAllAsync(connections);
            }

            results[name] = (lag, dashboard, reads);
            ResultTable.Progress(string.Create(CultureInfo.InvariantCulture,
                $"mixed {name,-8} N={count}: stream lag p99 {lag.Ms(99):0.0} ms, dashboard p99 {dashboard.Ms(99):0.0} ms, session read p99 {reads.Ms(99):0.0} ms, errors {lag.Errors}/{dashboard.Errors}/{reads.Errors}"));
        }

        var (baseline, bemore) = (results["baseline"], results["bemore"]);
        var scenario = $"7 mixed (N={count} streaming + dashboard {dashboardRate}/s + session GET {readRate}/s)";
        ResultTable.Row(scenario, $"streaming lag p99{options.Label}", baseline.Lag.Ms(99), bemore.Lag.Ms(99), " ms");
        ResultTable.Row(scenario, $"dashboard GET p99{options.Label}", baseline.Dashboard.Ms(99), bemore.Dashboard.Ms(99), " ms");
        ResultTable.Row(scenario, $"session GET p99{options.Label}", baseline.Reads.Ms(99), bemore.Reads.Ms(99), " ms");
        ResultTable.Row(scenario, $"errors (streams + GETs){options.Label}",
            baseline.Lag.Errors + baseline.Dashboard.Errors + baseline.Reads.Errors,
            bemore.Lag.Errors + bemore.Dashboard.Errors + bemore.Reads.Errors, "");
    }
}
