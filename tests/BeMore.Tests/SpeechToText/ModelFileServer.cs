using System.Collections.Concurrent;
using System.Security.Cryptography;
using BeMore.Domain.Voice.SpeechToText;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BeMore.Tests.SpeechToText;

public enum ModelServing
{
    /// <summary>The whole file, or the asked range (206 with Content-Range).</summary>
    Ranges,

    /// <summary>The whole file with 200 whatever the Range header says.</summary>
    IgnoreRanges,

    /// <summary>The first <see cref="ModelFileServer.CutAfterBytes"/> bytes, then the connection is aborted.</summary>
    CutOff,

    /// <summary>Headers never come (a stalled server).</summary>
    Hang,
}

/// <summary>A loopback stand-in for the model repository: serves one small file as <c>/models/ggml-{name}.bin</c> over real Kestrel.</summary>
public sealed class ModelFileServer : IAsyncDisposable
{
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackApp? _host;
    private long _bytesSent;

    private ModelFileServer(string name, byte[] content)
    {
        Content = content;
        Entry = new WhisperModelEntry(name, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public byte[] Content { get; }

    /// <summary>The catalog entry of the served file (its true size and SHA-256).</summary>
    public WhisperModelEntry Entry { get; }

    public ModelServing Serving { get; set; } = ModelServing.Ranges;

    public int CutAfterBytes { get; set; }

    /// <summary>The Range header of each request ("" without one).</summary>
    public ConcurrentQueue<string> Ranges { get; } = new();

    /// <summary>Completes when the first request for the model arrives.</summary>
    public Task Requested => _requested.Task;

    /// <summary>Bytes of the file the server has sent or is sending.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>The value for <c>BeMore:Stt:Whisper:ModelBaseUrl</c>.</summary>
    public Uri BaseUrl => new(Host.Address, "/models/");

    private LoopbackApp Host => _host ?? throw new InvalidOperationException("The server starts in StartAsync.");

    /// <summary>Serves <paramref name="size"/> random bytes as the model <paramref name="name"/>.</summary>
    public static async Task<ModelFileServer> StartAsync(string name = "base", int size = 1_000_000)
    {
        var server = new ModelFileServer(name, RandomNumberGenerator.GetBytes(size));
        server._host = await LoopbackApp.StartAsync(endpoints => endpoints.MapGet($"/models/{server.Entry.FileName}", server.ServeAsync));
        return server;
    }

    private async Task ServeAsync(HttpContext context)
    {
        Ranges.Enqueue(context.Request.Headers.Range.ToString());
        _requested.TrySetResult();
        switch (Serving)
        {
            case ModelServing.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            case ModelServing.CutOff:
                context.Response.ContentLength = Content.Length;
                Interlocked.Add(ref _bytesSent, CutAfterBytes);
                await context.Response.Body.WriteAsync(Content.AsMemory(0, CutAfterBytes), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                return;
            default:
                var (status, from) = Serving == ModelServing.Ranges && context.Request.GetTypedHeaders().Range?.Ranges.SingleOrDefault() is { From: { } start }
                    ? (StatusCodes.Status206PartialContent, start)
                    : (StatusCodes.Status200OK, 0L);
                context.Response.StatusCode = status;
                context.Response.ContentLength = Content.Length - from;
                if (status == StatusCodes.Status206PartialContent)
                {
                    context.Response.Headers.ContentRange = $"bytes {from}-{Content.Length - 1}/{Content.Length}";
                }

                // Counted before writing: the client may have read it all before this write returns.
                Interlocked.Add(ref _bytesSent, Content.Length - from);
                await context.Response.Body.WriteAsync(Content.AsMemory((int)from), context.RequestAborted);
                return;
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
