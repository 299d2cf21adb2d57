using System.ComponentModel.DataAnnotations;

namespace BeMore.Grains.Counseling;

/// <summary>The counselor's replies (<c>BeMore:Counselor</c>). The LLM itself is configured under <c>BeMore:Llm</c>.</summary>
public sealed class CounselorOptions
{
    public const string SectionName = "BeMore:Counselor";

    /// <summary>Auto mode answers a finished user turn once the user has been silent this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SilenceDelay { get; set; } = TimeSpan.FromSeconds(1.2);

    /// <summary>With no first words from the LLM by then, the local reply is given instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A reply's longest streaming time; past it what was said is kept as an incomplete reply.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>LLM replies streaming at once, per node.</summary>
    [Range(1, 4096)]
    public int MaxConcurrentReplies { get; set; } = 64;

    /// <summary>LLM replies waiting for a free slot, per node; when full, new ones get the local reply at once.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>LLM tokens (prompt and reply) one user may spend on replies per UTC day; past it replies are local.</summary>
    [Range(0, int.MaxValue)]
    public int DailyTokenBudget { get; set; } = 50_000;

    /// <summary>
    /// How long a user's spending may wait before it is stored: replies within it share one write. A node that dies
    /// forgets at most this much of the day's spending; a deactivation or a shutdown stores it first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BudgetSaveDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Earlier exchanges the LLM sees (only in sessions that keep their transcript).</summary>
    [Range(0, 50)]
    public int HistoryTurns { get; set; } = 6;

    /// <summary>Longer LLM output is not used: the local reply is given instead.</summary>
    [Range(50, 5000)]
    public int MaxReplyLength { get; set; } = 700;
}
