using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BeMore.Client;

namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Scenario 6: a session with many events whose grain is not in memory (run.sh restarts the server between the two
/// commands): the time to the first answer of <c>GET /api/session/{id}</c>, against the same GET once the grain is
/// active. One extra session is re-activated first so the code paths are compiled before anything is timed.
/// </summary>
public static class Reactivation
{
    public static async Task PrepareAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var events = options.Number("events", options.Quick ? 100 : 1000);
        var count = options.Number("measured-sessions", options.Quick ? 1 : 3) + 1;
        var sessions = await BeMoreSetup.SessionsAsync(options, count, "reactivation", analysis: false, cancellationToken);
        await Task.WhenAll(sessions.Select(async session =>
        {
            await using var hub = await Hubs.ConnectSessionAsync(options.BeMore, session.Token, WireProtocol.MessagePack, cancellationToken);
            // The session's start is event 1; every transcript segment of a session without analysis adds one.
            for (var i = 1; i < events; i++)
            {
                await hub.SendTranscriptAsync(session.SessionId, new TranscriptSegment(
                    $"segment-{i}", "Today I talked with my sister and it went better than I expected.", i * 4000L, (i * 4000L) + 3000, "en"), cancellationToken);
            }
        }));

        var state = sessions.Select(s => new[] { s.Token, s.SessionId }).ToArray();
        await File.WriteAllTextAsync(options.Required("state"), JsonSerializer.Serialize(state), cancellationToken);
        ResultTable.Progress($"reactivation: {count} sessions with {events} events each prepared");
    }

    public static async Task MeasureAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var state = JsonSerializer.Deserialize<string[][]>(await File.ReadAllTextAsync(options.Required("state"), cancellationToken))!;
        using var api = new BeMoreApi(options.BeMore);
        var cold = new Latencies();
        var warm = new Latencies();
        long events = 0;
        for (var i = 0; i < state.Length; i++)
        {
            var (token, sessionId) = (state[i][0], state[i][1]);
            var start = Stopwatch.GetTimestamp();
            events = await api.GetSessionAsync(token, sessionId, cancellationToken);
            if (i > 0)
            {
                cold.RecordSince(start);
            }

            for (var repeat = 0; repeat < 50; repeat++)
            {
                start = Stopwatch.GetTimestamp();
                await api.GetSessionAsync(token, sessionId, cancellationToken);
                if (i > 0)
                {
                    warm.RecordSince(start);
                }
            }
        }

        ResultTable.Progress(string.Create(CultureInfo.InvariantCulture,
            $"reactivation: first answer p50 {cold.Ms(50):0.0} ms, max {cold.Ms(100):0.0} ms over {cold.Count} sessions of {events} events; active p50 {warm.Ms(50):0.00} ms"));
        ResultTable.Row("6 cold re-activation", $"first answer p50, {events} events (baseline: grain active){options.Label}", warm.Ms(50), cold.Ms(50), " ms");
        ResultTable.Row("6 cold re-activation", $"first answer max, {events} events (baseline: grain active){options.Label}", warm.Ms(100), cold.Ms(100), " ms");
    }
}
