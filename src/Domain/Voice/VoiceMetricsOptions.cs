namespace BeMore.Domain.Voice;

public sealed record VoiceMetricsOptions
{
    /// <summary>The sliding window of <see cref="VoiceMetrics.WindowSnapshot"/> (live rollups).</summary>
    public int WindowMs { get; init; } = 60_000;

    /// <summary>Initial length of one report timeline point.</summary>
    public int TimelineBucketMs { get; init; } = 30_000;

    /// <summary>
    /// Most timeline points kept; when a session outgrows them, neighbours merge and the bucket length doubles, so a
    /// long session costs the same memory as a short one.
    /// </summary>
    public int MaxTimelinePoints { get; init; } = 240;

    /// <summary>Most utterances, pauses and word ranges remembered for the window, whatever a client sends.</summary>
    public int MaxWindowEntries { get; init; } = 4096;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(WindowMs >= 1000, nameof(WindowMs), "must be at least 1000 ms");
        Require(TimelineBucketMs >= 1000, nameof(TimelineBucketMs), "must be at least 1000 ms");
        Require(MaxTimelinePoints >= 2 && MaxTimelinePoints % 2 == 0, nameof(MaxTimelinePoints), "must be an even number of at least 2");
        Require(MaxWindowEntries >= 16, nameof(MaxWindowEntries), "must be at least 16");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"VoiceMetricsOptions.{name} {rule}.", name);
        }
    }
}
