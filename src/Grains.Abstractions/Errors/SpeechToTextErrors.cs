namespace BeMore.Grains.Abstractions.Errors;

/// <summary>No speech-to-text provider is configured (<c>BeMore:Stt:Provider</c> is <c>None</c>): transcripts come from clients.</summary>
[GenerateSerializer, Alias("bemore.SpeechToTextNotConfiguredException")]
public sealed class SpeechToTextNotConfiguredException : DomainException
{
    public SpeechToTextNotConfiguredException() : base("Speech-to-text is not configured on this server; send transcripts from the client.")
    {
    }

    public override string Code => ErrorCodes.SttNotConfigured;
}

/// <summary>The speech-to-text provider timed out or failed; the message says which, never what was said.</summary>
[GenerateSerializer, Alias("bemore.SpeechToTextFailedException")]
public sealed class SpeechToTextFailedException : DomainException
{
    public SpeechToTextFailedException(string message) : base(message)
    {
    }

    public override string Code => ErrorCodes.SttFailed;
}

/// <summary>Uploaded audio that is not an acceptable WAV file (PCM16 mono 16 kHz).</summary>
[GenerateSerializer, Alias("bemore.InvalidAudioException")]
public sealed class InvalidAudioException : DomainException
{
    public InvalidAudioException(string message, bool tooLarge) : base(message) => TooLarge = tooLarge;

    [Id(0)]
    public bool TooLarge { get; }

    public override string Code => TooLarge ? ErrorCodes.PayloadTooLarge : ErrorCodes.ValidationError;
}
