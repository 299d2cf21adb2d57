using System.ComponentModel.DataAnnotations;

namespace BeMore.Grains.Sessions;

/// <summary>How long ended sessions are kept (<c>BeMore:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "BeMore:Retention";

    [Range(1, 36_500)]
    public int Days { get; set; } = 365;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sessions erased per sweep at most, so one sweep is a bounded amount of work.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}
