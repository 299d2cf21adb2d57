using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using BeMore.Client;

namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Scenario 8: the counselor's streamed replies, BeMore configured with the baseline's fake LLM (an OpenAI-compatible
/// endpoint whose first chunk, a whole sentence, comes after a fixed delay). First, replies asked at a fixed open-loop
/// rate, one per session: time from the ask to the first <c>counselor_reply_delta</c>, against the time to the LLM's
/// first chunk when the generator asks it directly; the difference is what BeMore adds. Then every session asks at
/// once: each reply must stream from the LLM and be stored complete.
/// </summary>
public static class CounselorReplies
{
    private const string Message = "I keep thinking I messed up the presentation at work and everyone noticed.";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var count = options.Number("sessions", options.Quick ? 50 : 500);
        var rate = options.Number("rate", options.Quick ? 10 : 20);
        var paced = Math.Min(count, options.Number("paced", options.Quick ? 20 : 500));
        var sessions = await BeMoreSetup.SessionsAsync(options, count, "counselor", analysis: true, cancellationToken);
        using var llm = new HttpClient { BaseAddress = options.Baseline, Timeout = ReplyTimeout };
        var viewers = await Hubs.ConnectManyAsync(count, async (i, ct) =>
        {
            var connection = await Hubs.ConnectSessionAsync(options.BeMore, sessions[i].Token, WireProtocol.MessagePack, ct, queueEvents: true);
            await connection.JoinAsync(sessions[i].SessionId, cancellationToken: ct);
            return new Viewer(connection, sessions[i].SessionId, cancellationToken);
        }, cancellationToken);
        try
        {
            // A restarted server loads the analysis models and opens its LLM connections on the first replies: not measured.
            var warmUp = Math.Min(count, 20);
            await Task.WhenAll(viewers.Take(warmUp).Select(async viewer =>
            {
                await viewer.AskAsync(cancellationToken);
                await viewer.ReplyStoredAsync();
            }).Concat(Enumerable.Range(0, warmUp).Select(_ => AskTheLlmAsync(llm, toTheEnd: true, cancellationToken))));

            var (direct, bemore) = (new Latencies(), new Latencies());
            // Both at once, so a stall of the machine lands in both p99s rather than in whichever ran at the time.
            var duration = TimeSpan.FromSeconds(paced / (double)rate);
            await Task.WhenAll(
                OpenLoop.RunAsync(rate, duration, _ => AskTheLlmAsync(llm, toTheEnd: false, cancellationToken), direct, cancellationToken),
                OpenLoop.RunAsync(rate, duration, i => viewers[i].AskAsync(cancellationToken), bemore, cancellationToken));
            await Task.WhenAll(viewers.Take(paced).Select(viewer => viewer.ReplyStoredAsync()));
            ResultTable.Progress(string.Create(CultureInfo.InvariantCulture,
                $"counselor {rate}/s x {paced}: LLM first chunk p50 {direct.Ms(50):0.0} / p99 {direct.Ms(99):0.0} ms, BeMore first delta p50 {bemore.Ms(50):0.0} / p99 {bemore.Ms(99):0.0} ms, errors {direct.Errors}/{bemore.Errors}"));

            var (directBurst, directAllMs) = await BurstAsync(count, _ => AskTheLlmAsync(llm, toTheEnd: true, cancellationToken));
            var (bemoreBurst, bemoreAllMs) = await BurstAsync(count, async i =>
            {
                var firstDelta = await viewers[i].AskAsync(cancellationToken);
                await viewers[i].ReplyStoredAsync();
                return firstDelta;
            });
            var stored = await Task.WhenAll(viewers.Select(viewer => viewer.ReplyStoredAsync()));
            var streamed = stored.Count(reply => reply is { Source: "llm", Complete: true });
            ResultTable.Progress(string.Create(CultureInfo.InvariantCulture,
                $"counselor {count} at once: direct done in {directAllMs:0} ms ({directBurst.Errors} errors); BeMore {streamed} streamed and complete, first delta p99 {bemoreBurst.Ms(99):0.0} ms, all stored in {bemoreAllMs:0} ms"));

            var scenario = "8 counselor reply (fake LLM, first sentence after 50 ms)";
            ResultTable.Row(scenario, $"first delta p50 at {rate}/s (baseline: the LLM's first chunk, asked directly){options.Label}", direct.Ms(50), bemore.Ms(50), " ms");
            ResultTable.Row(scenario, $"first delta p99 at {rate}/s (baseline: the LLM's first chunk, asked directly){options.Label}", direct.Ms(99), bemore.Ms(99), " ms");
            ResultTable.Row(scenario, $"added at p99 (target <= 5 ms){options.Label}", null, bemore.Ms(99) - direct.Ms(99), " ms");
            ResultTable.Row(scenario, $"{count} at once: streamed and stored complete{options.Label}", directBurst.Count, streamed, "");
            ResultTable.Row(scenario, $"{count} at once: errors, local fallbacks or incomplete{options.Label}", directBurst.Errors, count - streamed, "");
            ResultTable.Row(scenario, $"{count} at once: first delta p99{options.Label}", directBurst.Ms(99), bemoreBurst.Ms(99), " ms");
            ResultTable.Row(scenario, $"{count} at once: until the last reply is stored{options.Label}", directAllMs, bemoreAllMs, " ms");
        }
        finally
        {
            await Hubs.DisposeAllAsync(viewers.Select(viewer => viewer.Connection));
        }
    }

    /// <summary>
    /// Asks the fake LLM for a streamed reply as BeMore does; answers when its first chunk arrived (a Stopwatch
    /// timestamp), after reading the rest when <paramref name="toTheEnd"/>.
    /// </summary>
    private static async Task<long> AskTheLlmAsync(HttpClient llm, bool toTheEnd, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = "bench", stream = true, messages = new[] { new { role = "user", content = Message } } }),
        };
        using var response = await llm.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        long? firstAt = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            firstAt ??= Latencies.Now;
            if (!toTheEnd || line == "data: [DONE]")
            {
                return firstAt.Value;
            }
        }

        throw new InvalidOperationException("The stream ended without [DONE].");
    }

    /// <summary>Starts every operation at one instant; each answers when its first piece arrived.</summary>
    private static async Task<(Latencies FirstPiece, double AllDoneMs)> BurstAsync(int count, Func<int, Task<long>> operation)
    {
        var latencies = new Latencies();
        var start = Latencies.Now;
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            try
            {
                latencies.Record(Stopwatch.GetElapsedTime(start, await operation(i)));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                latencies.RecordError();
            }
        }));
        return (latencies, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>One session's viewer: asks the counselor and watches that session's live deltas and stored replies.</summary>
    private sealed class Viewer
    {
        private TaskCompletionSource<long> _firstDelta = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource<CounselorReplyData?> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Viewer(SessionConnection connection, string sessionId, CancellationToken cancellationToken)
        {
            Connection = connection;
            SessionId = sessionId;
            _ = WatchDeltasAsync(cancellationToken);
            _ = WatchRepliesAsync(cancellationToken);
        }

        public SessionConnection Connection { get; }

        public string SessionId { get; }

        /// <summary>Asks (one reply at a time per session); answers when the reply's first delta arrived.</summary>
        public async Task<long> AskAsync(CancellationToken cancellationToken)
        {
            _firstDelta = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);
            await Connection.AskCounselorAsync(SessionId, new CounselorMessage(Guid.NewGuid().ToString("N"), Message, "en"), cancellationToken);
            return await _firstDelta.Task.WaitAsync(ReplyTimeout, cancellationToken);
        }

        /// <summary>The last reply as stored; null when none was stored in time.</summary>
        public async Task<CounselorReplyData?> ReplyStoredAsync()
        {
            try
            {
                return await _stored.Task.WaitAsync(ReplyTimeout);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        private async Task WatchDeltasAsync(CancellationToken cancellationToken)
        {
            await foreach (var message in Connection.Live.ReadAllAsync(cancellationToken))
            {
                if (message.Type == "counselor_reply_delta")
                {
                    _firstDelta.TrySetResult(Latencies.Now);
                }
            }
        }

        private async Task WatchRepliesAsync(CancellationToken cancellationToken)
        {
            await foreach (var stored in Connection.Events.ReadAllAsync(cancellationToken))
            {
                if (stored.Payload is CounselorReplyData reply)
                {
                    _stored.TrySetResult(reply);
                }
            }
        }
    }
}
