using System.Diagnostics;

namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Runs every code path the scenarios use on both servers before anything is measured: the first 25-35 s under load
/// run at half to two-thirds of warm capacity while the tiered JIT recompiles (STACK-NOTES.md).
/// </summary>
public static class Warmup
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var seconds = options.Number("seconds", options.Quick ? 2 : 20);
        var slice = TimeSpan.FromSeconds(seconds / 4.0);
        var sessions = await BeMoreSetup.SessionsAsync(options, 8, "warmup", analysis: false, cancellationToken);
        foreach (var protocol in new[] { WireProtocol.MessagePack, WireProtocol.Json })
        {
            var (baseline, bemore) = await HubRoundTrip.ConnectAsync(options, sessions, protocol, cancellationToken);
            try
            {
                foreach (var target in new[] { baseline, bemore })
                {
                    await HubRoundTrip.StepAsync(target, 1000, slice, cancellationToken);
                    await StreamBrieflyAsync(target, sessions, cancellationToken);
                }
            }
            finally
            {
                await Hubs.DisposeAllAsync(baseline.Connections.Concat(bemore.Connections));
            }
        }

        using var api = new BeMoreApi(options.BeMore);
        var deadline = Stopwatch.GetTimestamp() + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        var (token, _) = sessions[0];
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var id = await api.CreateSessionAsync(token, analysis: false, cancellationToken);
            await api.GetSessionAsync(token, id, cancellationToken);
        }
    }

    private static async Task StreamBrieflyAsync(HubTarget target, IReadOnlyList<(string Token, string SessionId)> sessions, CancellationToken cancellationToken)
    {
        var audio = SyntheticSpeech.Chunks();
        await Task.WhenAll(target.Connections.Select((connection, i) =>
            Streaming.StreamOnceAsync(connection, sessions[i % sessions.Count].SessionId, audio, 0, 8, paced: false, cancellationToken)));
    }
}
