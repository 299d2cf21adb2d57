namespace BeMore.Domain.Voice;

/// <summary>The one audio format the voice pipeline accepts: PCM 16-bit signed little-endian, 16 kHz, mono.</summary>
public static class PcmFormat
{
    public const int SampleRate = 16000;
    public const int Channels = 1;
    public const int BitsPerSample = 16;
    public const int BytesPerSample = BitsPerSample / 8;
    public const int BytesPerSecond = SampleRate * Channels * BytesPerSample;

    /// <summary>Level reported for digital silence, so a silent frame has a finite dB value.</summary>
    public const double SilenceDb = -100;

    public static long BytesForMs(long ms) => ms * BytesPerSecond / 1000;

    public static long MsForBytes(long bytes) => bytes * 1000 / BytesPerSecond;

    /// <summary>Converts a mean-square power relative to full scale (0..1) to dBFS, clamped at <see cref="SilenceDb"/>.</summary>
    public static double PowerToDb(double power) =>
        power > 0 ? Math.Max(SilenceDb, 10 * Math.Log10(power)) : SilenceDb;
}
