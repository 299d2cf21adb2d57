namespace BeMore.Domain.Voice;

/// <summary>
/// Tuning of <see cref="VoiceActivityDetector"/> (and of <see cref="ClientVadSegmenter"/>, which applies the same
/// utterance rules to client-sent frames). The defaults suit a close microphone in a quiet room.
/// </summary>
public sealed record VoiceActivityOptions
{
    /// <summary>Analysis frame length; 20-30 ms is short enough for timing and long enough for a stable energy.</summary>
    public int FrameMs { get; init; } = 20;

    /// <summary>A frame is voiced when its level is at least this far above the noise floor.</summary>
    public double MarginDb { get; init; } = 10;

    /// <summary>A frame quieter than this is never voiced, whatever the floor (a muted or very quiet input).</summary>
    public double MinSpeechLevelDb { get; init; } = -55;

    /// <summary>Frames below this are digital silence (muted track, zero fill) and say nothing about room noise.</summary>
    public double DigitalSilenceDb { get; init; } = -90;

    /// <summary>
    /// The noise floor is the minimum frame level over this window: it falls at once and rises only when the quiet
    /// frames age out, so speech (which always has dips) does not lift it, but a noisier room is learnt within it.
    /// </summary>
    public int NoiseFloorWindowMs { get; init; } = 5000;

    /// <summary>Kept after the last voiced frame so soft word endings are not clipped from the utterance.</summary>
    public int HangoverMs { get; init; } = 80;

    /// <summary>Voiced time needed before an utterance starts: a shorter burst (a cough, a click) is not one.</summary>
    public int MinUtteranceMs { get; init; } = 200;

    /// <summary>Unvoiced time needed to end an utterance: a shorter dip between words does not split it.</summary>
    public int MinPauseMs { get; init; } = 500;

    /// <summary>Time constant of the reported level, so a meter updated twice a second is not one frame's noise.</summary>
    public int LevelSmoothingMs { get; init; } = 100;

    public int FrameSamples => PcmFormat.SampleRate * FrameMs / 1000;

    public int FrameBytes => FrameSamples * PcmFormat.BytesPerSample;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(FrameMs is >= 20 and <= 30 && PcmFormat.SampleRate * FrameMs % 1000 == 0, nameof(FrameMs), "must be 20-30 ms");
        Require(double.IsFinite(MarginDb) && MarginDb > 0, nameof(MarginDb), "must be a positive number of dB");
        Require(double.IsFinite(DigitalSilenceDb) && DigitalSilenceDb >= PcmFormat.SilenceDb, nameof(DigitalSilenceDb), "must be at least -100 dBFS");
        Require(double.IsFinite(MinSpeechLevelDb) && MinSpeechLevelDb > DigitalSilenceDb && MinSpeechLevelDb < 0, nameof(MinSpeechLevelDb), "must be between DigitalSilenceDb and 0 dBFS");
        Require(NoiseFloorWindowMs >= 10 * FrameMs, nameof(NoiseFloorWindowMs), "must cover at least 10 frames");
        Require(MinUtteranceMs >= FrameMs, nameof(MinUtteranceMs), "must be at least one frame");
        Require(MinPauseMs >= FrameMs, nameof(MinPauseMs), "must be at least one frame");
        Require(HangoverMs >= 0 && HangoverMs < MinPauseMs, nameof(HangoverMs), "must be at least 0 and less than MinPauseMs");
        Require(LevelSmoothingMs >= 0, nameof(LevelSmoothingMs), "must not be negative");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"VoiceActivityOptions.{name} {rule}.", name);
        }
    }
}
