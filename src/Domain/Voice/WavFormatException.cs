namespace BeMore.Domain.Voice;

public enum WavFormatError
{
    /// <summary>Not a RIFF/WAVE file at all.</summary>
    NotWave,

    /// <summary>The file ends inside a header or before the data its header announces.</summary>
    Truncated,

    /// <summary>A WAVE file, but not PCM 16-bit mono 16 kHz.</summary>
    UnsupportedFormat,

    /// <summary>No <c>data</c> chunk after the <c>fmt </c> chunk.</summary>
    MissingData,

    /// <summary>The audio is longer than the caller allows.</summary>
    TooLarge,
}

/// <summary>A WAV file that cannot be accepted; <see cref="Error"/> lets callers map it (TooLarge to 413, else 400).</summary>
public sealed class WavFormatException : FormatException
{
    public WavFormatException()
    {
    }

    public WavFormatException(string message)
        : base(message)
    {
    }

    public WavFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WavFormatException(WavFormatError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public WavFormatError Error { get; }
}
