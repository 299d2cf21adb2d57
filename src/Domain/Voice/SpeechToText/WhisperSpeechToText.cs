using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Options;
using Whisper.net;

namespace BeMore.Domain.Voice.SpeechToText;

/// <summary>
/// In-process Whisper.net with the ggml model start-up found or downloaded and verified (<see cref="WhisperModelFetcher"/>,
/// then <see cref="UseModel"/>). The model is loaded once, on first use; each call gets its own processor because a
/// processor is not thread-safe.
/// </summary>
public sealed class WhisperSpeechToText : ISpeechToText, IDisposable
{
    private readonly SpeechToTextOptions _options;
    private readonly Lazy<WhisperFactory> _factory;
    private string? _modelPath;

    public WhisperSpeechToText(IOptions<SpeechToTextOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _factory = new(() => WhisperFactory.FromPath(Volatile.Read(ref _modelPath) ?? throw new InvalidOperationException("The Whisper model is not ready: start-up prepares it.")));
    }

    /// <summary>The model file to load: only ever a path the fetcher returned (an operator's file, or a verified download).</summary>
    public void UseModel(string verifiedPath) => Volatile.Write(ref _modelPath, verifiedPath);

    public async Task<SpeechToTextResult> TranscribeAsync(ReadOnlyMemory<byte> wav, string? language, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var stream = MemoryMarshal.TryGetArray(wav, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(wav.ToArray(), writable: false);
        var durationMs = (await WavFile.ReadAsync(stream, wav.Length, cancellationToken)).DurationMs;
        stream.Position = 0;
        try
        {
            await using var processor = _factory.Value.CreateBuilder().WithLanguage(string.IsNullOrWhiteSpace(language) ? "auto" : language).Build();
            var text = new StringBuilder();
            string? detected = null;
            await foreach (var piece in processor.ProcessAsync(stream, timeout.Token))
            {
                text.Append(piece.Text);
                detected ??= piece.Language;
            }

            return new SpeechToTextResult(text.ToString().Trim(), string.IsNullOrWhiteSpace(language) ? detected : language, durationMs);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechToTextException(SpeechToTextFailure.Timeout, $"Whisper did not finish within {_options.Timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SpeechToTextException(SpeechToTextFailure.ProviderError, "Whisper could not transcribe the audio.", ex);
        }
    }

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }
}
