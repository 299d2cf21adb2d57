using System.Text.Json;
using BeMore.FakeLlm;

namespace BeMore.Bench.Baseline;

/// <summary>
/// The LLM BeMore's counselor talks to in scenario 8: an OpenAI-compatible chat-completions endpoint on loopback that
/// streams a three-piece reply, its first piece a whole sentence (the counselor shows a reply a sentence at a time)
/// after <see cref="FirstChunkDelay"/>. The generator also calls it directly, which is the baseline.
/// </summary>
public static class FakeChatCompletions
{
    public static readonly TimeSpan FirstChunkDelay = TimeSpan.FromMilliseconds(50);

    private static readonly StreamScript Reply = new(
        ["That sounds really hard. ", "What went through your mind ", "when it happened?"], FirstChunkDelay, TimeSpan.FromMilliseconds(10));

    private static long _count;

    public static WebApplication MapFakeChatCompletions(this WebApplication app)
    {
        app.MapPost(ChatCompletionsWire.Path, async (HttpContext context, CancellationToken cancellationToken) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            var model = body.RootElement.TryGetProperty("model", out var named) ? named.GetString() : null;
            var id = $"chatcmpl-{Interlocked.Increment(ref _count)}";
            if (body.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
            {
                await ChatCompletionsWire.StreamAsync(context, id, model, Reply, cancellationToken);
                return Results.Empty;
            }

            return Results.Json(ChatCompletionsWire.Completion(id, model, "calm"));
        });
        return app;
    }
}
