using System.Collections.Concurrent;
using System.Text.Json;
using BeMore.FakeLlm;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BeMore.Tests.Llm;

/// <summary>What the fake server saw of one chat-completions request.</summary>
/// <param name="IsCounselor">A counselor reply (streamed) rather than a refinement; <paramref name="AllText"/> is every message's text.</param>
public sealed record ChatRequest(RefinementKind Kind, string? Authorization, string? Model, string System, string User, bool IsCounselor = false, string AllText = "");

public enum ChatBehaviour
{
    /// <summary>Answers with the configured text for the request's kind.</summary>
    Answer,

    /// <summary>Answers only when the request is cancelled: slower than any timeout.</summary>
    Hang,

    /// <summary>Answers 500 with an OpenAI-style error body.</summary>
    Fail,
}

/// <summary>
/// A loopback HTTP server speaking the OpenAI chat-completions protocol (<c>POST /v1/chat/completions</c>, JSON in,
/// a <c>chat.completion</c> object out) on a free port. It tells the request's kind (emotion label, Socratic question,
/// narrative) from the system prompt and answers with text the test sets, or hangs, or fails. Counselor replies
/// (<c>"stream": true</c>) are answered as OpenAI does, with <c>chat.completion.chunk</c> server-sent events ending in
/// <c>[DONE]</c>, one per entry of <see cref="CounselorChunks"/>; knobs delay the first chunk, pace the rest, drop the
/// connection or send a malformed chunk part-way.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private LoopbackApp? _host;
    private readonly System.Threading.Channels.Channel<ChatRequest> _arrivals = System.Threading.Channels.Channel.CreateUnbounded<ChatRequest>();
    private int _count;

    public ChatBehaviour Behaviour { get; set; } = ChatBehaviour.Answer;

    public string EmotionAnswer { get; set; } = "calm";

    public string QuestionAnswer { get; set; } = "What would you say to a friend who had this thought?";

    public string NarrativeAnswer { get; set; } = "You spoke openly today and noticed some harsh thoughts about yourself.";

    public IReadOnlyList<string> CounselorChunks { get; set; } = DefaultCounselorChunks;

    /// <summary>How long the first chunk waits; <see cref="Timeout.InfiniteTimeSpan"/> waits until the client gives up.</summary>
    public TimeSpan FirstChunkDelay { get; set; }

    public TimeSpan ChunkDelay { get; set; }

    public StreamFault Fault { get; set; }

    public int FaultAfterChunks { get; set; } = 1;

    public static IReadOnlyList<string> DefaultCounselorChunks { get; } =
        ["That sounds ", "really hard. ", "What went through ", "your mind ", "when it happened?"];

    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    /// <summary>Back to answering every kind at once with the default texts.</summary>
    public void Reset()
    {
        Behaviour = ChatBehaviour.Answer;
        CounselorChunks = DefaultCounselorChunks;
        FirstChunkDelay = TimeSpan.Zero;
        ChunkDelay = TimeSpan.Zero;
        Fault = StreamFault.None;
        FaultAfterChunks = 1;
    }

    /// <summary>The API base a client is configured with (the server root plus <c>/v1</c>).</summary>
    public Uri Endpoint => new(Host.Address, "/v1");

    private LoopbackApp Host => _host ?? throw new InvalidOperationException("The server starts in StartAsync.");

    public static async Task<FakeChatServer> StartAsync()
    {
        var server = new FakeChatServer();
        server._host = await LoopbackApp.StartAsync(endpoints => endpoints.MapPost(ChatCompletionsWire.Path, server.HandleAsync));
        return server;
    }

    /// <summary>The next request to arrive (in arrival order, each returned once).</summary>
    public async Task<ChatRequest> NextRequestAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        return await _arrivals.Reader.ReadAsync(cancellation.Token);
    }

    private async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        var system = ContentOf(messages.First(m => m.GetProperty("role").GetString() == "system"));
        var user = ContentOf(messages.Last(m => m.GetProperty("role").GetString() == "user"));
        var kind = system.Contains("classify the emotion", StringComparison.Ordinal) ? RefinementKind.EmotionLabel
            : system.Contains("Socratic", StringComparison.Ordinal) ? RefinementKind.SocraticQuestion
            : RefinementKind.Narrative;
        var seen = new ChatRequest(
            kind, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            body.RootElement.TryGetProperty("model", out var model) ? model.GetString() : null, system, user,
            system.Contains("warm counselor", StringComparison.Ordinal), string.Join("\n", messages.Select(ContentOf)));
        Requests.Enqueue(seen);
        _arrivals.Writer.TryWrite(seen);
        if (seen.IsCounselor && Behaviour == ChatBehaviour.Answer)
        {
            // The knobs as they were when the request arrived, so a test may change them for the next one.
            var script = new StreamScript(CounselorChunks, FirstChunkDelay, ChunkDelay, Fault, FaultAfterChunks);
            await ChatCompletionsWire.StreamAsync(context, NextId(), seen.Model, script, cancellationToken);
            return Results.Empty;
        }

        switch (Behaviour)
        {
            case ChatBehaviour.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return Results.Empty;
            case ChatBehaviour.Fail:
                return Results.Json(new { error = new { message = "upstream overloaded", type = "server_error" } }, statusCode: StatusCodes.Status500InternalServerError);
            default:
                var answer = kind switch
                {
                    RefinementKind.EmotionLabel => EmotionAnswer,
                    RefinementKind.SocraticQuestion => QuestionAnswer,
                    _ => NarrativeAnswer,
                };
                return Results.Json(ChatCompletionsWire.Completion(NextId(), body.RootElement.GetProperty("model").GetString(), answer));
        }
    }

    private string NextId() => $"chatcmpl-{Interlocked.Increment(ref _count)}";

    /// <summary>A message's content: a string, or an array of text parts.</summary>
    private static string ContentOf(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(part => part.GetProperty("text").GetString()));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
