using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BeMore.FakeLlm;

/// <summary>What goes wrong in a streamed answer.</summary>
public enum StreamFault
{
    None,

    /// <summary>The connection is dropped after <see cref="StreamScript.FaultAfterChunks"/> chunks.</summary>
    DropConnection,

    /// <summary>A chunk that is not JSON follows <see cref="StreamScript.FaultAfterChunks"/> chunks.</summary>
    Malformed,
}

/// <summary>How one streamed answer goes: its pieces, their pacing and what goes wrong part-way.</summary>
public sealed record StreamScript(
    IReadOnlyList<string> Chunks, TimeSpan FirstChunkDelay, TimeSpan ChunkDelay, StreamFault Fault = StreamFault.None, int FaultAfterChunks = 1);

/// <summary>
/// The OpenAI chat-completions wire, as a fake server on loopback answers it: a <c>chat.completion</c> object, or
/// <c>chat.completion.chunk</c> server-sent events ending in <c>[DONE]</c>. The tests' fake LLM and the benchmark's
/// speak it through this one class, so what the benchmark measures is what the tests check.
/// </summary>
public static class ChatCompletionsWire
{
    public const string Path = "/v1/chat/completions";

    private const long Created = 1_764_000_000;

    public static object Completion(string id, string? model, string content) => new
    {
        id,
        @object = "chat.completion",
        created = Created,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 20, completion_tokens = 10, total_tokens = 30 },
    };

    public static async Task StreamAsync(HttpContext context, string id, string? model, StreamScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(script);
        await Task.Delay(script.FirstChunkDelay, cancellationToken);
        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < script.Chunks.Count; i++)
        {
            if (i > 0)
            {
                await Task.Delay(script.ChunkDelay, cancellationToken);
            }

            if (i == script.FaultAfterChunks && script.Fault == StreamFault.DropConnection)
            {
                context.Abort();
                return;
            }

            if (i == script.FaultAfterChunks && script.Fault == StreamFault.Malformed)
            {
                await WriteEventAsync(context.Response, "{\"id\": \"broken", cancellationToken);
                return;
            }

            await WriteEventAsync(context.Response, JsonSerializer.Serialize(Chunk(id, model, new { content = script.Chunks[i] }, finish: null)), cancellationToken);
        }

        await WriteEventAsync(context.Response, JsonSerializer.Serialize(Chunk(id, model, new { }, finish: "stop")), cancellationToken);
        await WriteEventAsync(context.Response, "[DONE]", cancellationToken);
    }

    private static object Chunk(string id, string? model, object delta, string? finish) => new
    {
        id,
        @object = "chat.completion.chunk",
        created = Created,
        model,
        choices = new[] { new { index = 0, delta, finish_reason = finish } },
    };

    private static async Task WriteEventAsync(HttpResponse response, string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"data: {data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
