using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Scenario 2: N sessions each streaming 16 kHz PCM16 in real time (a 250 ms chunk every 250 ms, on a fixed schedule,
/// starts spread over one chunk interval) through <c>UploadAudio</c>, in streams of a few seconds back to back. The
/// processing lag of a stream is the time from its last chunk's scheduled send to the server's answer, which comes
/// once the server has handled every chunk: how far behind real time the server runs. Also server CPU (and its CPU time
/// per second of audio streamed) and RSS.
/// Sessions consent to analysis, as a counseling session does, so their voice activity becomes vad_update events.
/// </summary>
public static class Streaming
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var levels = options.Numbers("sessions", options.Quick ? "50" : "100,250,500,1000,2000");
        var duration = TimeSpan.FromSeconds(options.Number("seconds", options.Quick ? 2 : 10));
        var chunksPerStream = options.Number("chunks-per-stream", options.Quick ? 4 : 8);
        var protocol = Hubs.ParseProtocol(options.Text("protocol", "messagepack"));
        var sessions = await BeMoreSetup.SessionsAsync(options, levels.Max(), "streaming", analysis: true, cancellationToken);
        var audio = SyntheticSpeech.Chunks();

        (int Count, double BaselineRssMb, double BeMoreRssMb)? previousLevel = null;
        foreach (var count in levels)
        {
            var results = new Dictionary<string, (Latencies Lag, double CpuPercent, double CpuMsPerAudioSecond, double RssMb)>();
            foreach (var name in new[] { "baseline", "bemore" })
            {
                var isBaseline = name == "baseline";
                var connections = await ConnectAsync(options, sessions, count, isBaseline, protocol, cancellationToken);
                try
                {
                    var pid = isBaseline ? options.BaselinePid : options.BeMorePid;
                    var cpuBefore = ProcessStats.CpuSeconds(pid);
                    var wall = Stopwatch.StartNew();
                    var lag = new Latencies();
                    await Task.WhenAll(connections.Select((connection, i) => StreamForAsync(
                        connection, sessions[i].SessionId, audio, i, count, chunksPerStream, duration, lag, cancellationToken)));
                    var cpuSeconds = ProcessStats.CpuSeconds(pid) - cpuBefore;
                    var cpuPercent = 100 * cpuSeconds / wall.Elapsed.TotalSeconds;
                    // The server's CPU time per second of audio it took: the cost of the work itself, which neither a
                    // falling-behind server (a longer wall time) nor other load on the machine dilutes as CPU % does.
                    var audioSeconds = lag.Count * chunksPerStream * SyntheticSpeech.ChunkMs / 1000.0;
                    var cpuMsPerAudioSecond = audioSeconds > 0 ? 1000 * cpuSeconds / audioSeconds : double.NaN;
                    var rssMb = ProcessStats.RssBytes(pid) / (1024.0 * 1024.0);
                    results[name] = (lag, cpuPercent, cpuMsPerAudioSecond, rssMb);
                    ResultTable.Progress(string.Create(CultureInfo.InvariantCulture,
                        $"streaming {name,-8} N={count}: lag p50 {lag.Ms(50):0.0} ms, p99 {lag.Ms(99):0.0} ms, {lag.Count} streams, {lag.Errors} errors, CPU {cpuPercent:0}% ({cpuMsPerAudioSecond:0.00} ms per audio second), RSS {rssMb:0} MB"));
                }
                finally
                {
                    await Hubs.DisposeAllAsync(connections);
                }
            }

            var (baseline, bemore) = (results["baseline"], results["bemore"]);
            var scenario = "2 streaming sessions";
            ResultTable.Row(scenario, $"lag p99, N={count}{options.Label}", baseline.Lag.Ms(99), bemore.Lag.Ms(99), " ms");
            ResultTable.Row(scenario, $"errors, N={count}{options.Label}", baseline.Lag.Errors, bemore.Lag.Errors, "");
            ResultTable.Row(scenario, $"server CPU, N={count}{options.Label}", baseline.CpuPercent, bemore.CpuPercent, " %");
            ResultTable.Row(scenario, $"server CPU per audio second, N={count}{options.Label}", baseline.CpuMsPerAudioSecond, bemore.CpuMsPerAudioSecond, " ms");
            ResultTable.Row(scenario, $"server RSS, N={count}{options.Label}", baseline.RssMb, bemore.RssMb, " MB");
            // What one more session costs, without what a server holds at any load (BeMore's models, rules, cluster):
            // the RSS divided by N above counts that fixed part in every session.
            if (previousLevel is { } previous && count > previous.Count)
            {
                var added = count - previous.Count;
                ResultTable.Row(scenario, $"server RSS per added session, N={previous.Count}->{count}{options.Label}",
                    (baseline.RssMb - previous.BaselineRssMb) * 1024 / added, (bemore.RssMb - previous.BeMoreRssMb) * 1024 / added, " KB");
            }

            previousLevel = (count, baseline.RssMb, bemore.RssMb);
        }
    }

    /// <summary>
    /// <paramref name="count"/> connections: to the echo hub, or to BeMore's hub each joined to its own session (and
    /// taking its events, as a client does).
    /// </summary>
    public static Task<HubConnection[]> ConnectAsync(
        BenchOptions options, IReadOnlyList<(string Token, string SessionId)> sessions, int count, bool isBaseline, WireProtocol protocol,
        CancellationToken cancellationToken) =>
        Hubs.ConnectManyAsync(count, async (i, ct) =>
        {
            if (isBaseline)
            {
                return await Hubs.ConnectAsync(options.Baseline, Hubs.EchoPath, null, protocol, ct);
            }

            // Opened and joined through the client library; the upload below is the same call on either server.
            var connection = await Hubs.ConnectSessionAsync(options.BeMore, sessions[i].Token, protocol, ct);
            await connection.JoinAsync(sessions[i].SessionId, cancellationToken: ct);
            return connection.Hub;
        }, cancellationToken);

    /// <summary>Back-to-back real-time streams from one connection until <paramref name="duration"/> is over.</summary>
    public static async Task StreamForAsync(
        HubConnection connection, string sessionId, byte[][] audio, int index, int count, int chunksPerStream, TimeSpan duration,
        Latencies lag, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(SyntheticSpeech.ChunkMs);
        var start = OpenLoop.After(Stopwatch.GetTimestamp(), interval * index / count);
        var end = OpenLoop.After(start, duration);
        var chunk = 0;
        while (start < end && !cancellationToken.IsCancellationRequested)
        {
            var lastChunkDue = OpenLoop.After(start, interval * (chunksPerStream - 1));
            try
            {
                await StreamOnceAsync(connection, sessionId, audio, chunk, chunksPerStream, paced: true, cancellationToken, start);
                lag.RecordSince(lastChunkDue);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                lag.RecordError();
            }

            chunk += chunksPerStream;
            start = OpenLoop.After(lastChunkDue, interval);
        }
    }

    /// <summary>
    /// One <c>UploadAudio</c> stream of <paramref name="chunks"/> chunks, sent as fast as possible or on the real-time
    /// schedule that starts at <paramref name="start"/>; completes with the server's answer.
    /// </summary>
    public static async Task StreamOnceAsync(
        HubConnection connection, string sessionId, byte[][] audio, int firstChunk, int chunks, bool paced, CancellationToken cancellationToken,
        long? start = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(audio);
        var channel = Channel.CreateBounded<byte[]>(chunks);
        var upload = connection.InvokeAsync<long>("UploadAudio", sessionId, Hubs.AudioFormat, channel.Reader, cancellationToken);
        var first = start ?? Stopwatch.GetTimestamp();
        for (var k = 0; k < chunks; k++)
        {
            if (paced)
            {
                await OpenLoop.DelayUntilAsync(OpenLoop.After(first, TimeSpan.FromMilliseconds(SyntheticSpeech.ChunkMs) * k), cancellationToken);
            }

            await channel.Writer.WriteAsync(audio[(firstChunk + k) % audio.Length], cancellationToken);
        }

        channel.Writer.Complete();
        await upload;
    }
}
