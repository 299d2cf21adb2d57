namespace BeMore.Domain.Voice.SpeechToText;

/// <summary>What a provider heard: the text, the language when known, and the audio's length.</summary>
public sealed record SpeechToTextResult(string Text, string? Language, long DurationMs);

/// <summary>A speech-to-text provider. Implementations time out on their own and never hang.</summary>
public interface ISpeechToText
{
    /// <summary>
    /// Transcribes one WAV file (PCM16 mono 16 kHz). <paramref name="language"/> is a hint ("ko", "en") or null.
    /// Throws <see cref="SpeechToTextException"/> on a timeout or a provider failure.
    /// </summary>
    Task<SpeechToTextResult> TranscribeAsync(ReadOnlyMemory<byte> wav, string? language, CancellationToken cancellationToken);
}

public enum SpeechToTextFailure
{
    NotConfigured,
    Timeout,
    ProviderError,
    InvalidResponse,
}

/// <summary>A transcription that did not succeed. The message is safe to record: it never carries what was said.</summary>
public sealed class SpeechToTextException : Exception
{
    public SpeechToTextException()
    {
    }

    public SpeechToTextException(string message)
        : base(message)
    {
    }

    public SpeechToTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SpeechToTextException(SpeechToTextFailure reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    public SpeechToTextFailure Reason { get; } = SpeechToTextFailure.ProviderError;
}

/// <summary>Provider <c>None</c>: transcripts come from clients, so asking the server is an error.</summary>
public sealed class DisabledSpeechToText : ISpeechToText
{
    public Task<SpeechToTextResult> TranscribeAsync(ReadOnlyMemory<byte> wav, string? language, CancellationToken cancellationToken) =>
        throw new SpeechToTextException(SpeechToTextFailure.NotConfigured, "Speech-to-text is not configured (BeMore:Stt:Provider is None).");
}
