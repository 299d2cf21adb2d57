using System.Collections.Concurrent;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BeMore.Tests.SpeechToText;

/// <summary>What the fake server saw of one transcription request.</summary>
public sealed record TranscriptionRequest(string? ContentType, string? Authorization, string? Model, string? ResponseFormat, string? Language, byte[] File, string? FileName);

public enum FakeBehaviour
{
    /// <summary>Answers <c>{"text": "utterance N"}</c>, N counting requests from 1.</summary>
    Numbered,

    /// <summary>Answers only when the request is cancelled: slower than any timeout.</summary>
    Hang,

    /// <summary>Answers 500.</summary>
    Fail,
}

/// <summary>
/// A loopback HTTP server speaking the OpenAI transcription protocol (<c>POST /v1/audio/transcriptions</c>, multipart
/// in, JSON <c>{"text"}</c> out) on a free port, with switchable slow and failing answers.
/// </summary>
public sealed class FakeTranscriptionServer : IAsyncDisposable
{
    private LoopbackApp? _host;
    private int _count;

    public FakeBehaviour Behaviour { get; set; } = FakeBehaviour.Numbered;

    public ConcurrentQueue<TranscriptionRequest> Requests { get; } = new();

    public Uri BaseUrl => Host.Address;

    private LoopbackApp Host => _host ?? throw new InvalidOperationException("The server starts in StartAsync.");

    public static async Task<FakeTranscriptionServer> StartAsync()
    {
        var server = new FakeTranscriptionServer();
        server._host = await LoopbackApp.StartAsync(endpoints => endpoints.MapPost("/v1/audio/transcriptions", server.HandleAsync));
        return server;
    }

    private async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        var bytes = new byte[file?.Length ?? 0];
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        Requests.Enqueue(new TranscriptionRequest(
            request.ContentType, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            form["model"].ToString(), form["response_format"].ToString(), form["language"].ToString() is { Length: > 0 } language ? language : null,
            bytes, file?.FileName));
        switch (Behaviour)
        {
            case FakeBehaviour.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return Results.Empty;
            case FakeBehaviour.Fail:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            default:
                return Results.Json(new { text = $"utterance {Interlocked.Increment(ref _count)}" });
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
