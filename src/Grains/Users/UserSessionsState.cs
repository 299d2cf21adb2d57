using BeMore.Grains.Abstractions.Users;

namespace BeMore.Grains.Users;

[GenerateSerializer, Alias("bemore.UserSessionsState")]
public sealed class UserSessionsState
{
    /// <summary>
    /// The index as versions before the session-index rows stored it (newest first); moved into rows
    /// (<see cref="Storage.SessionIndexStore"/>) on activation and empty afterwards.
    /// </summary>
    [Id(0)] public List<SessionIndexEntry> Sessions { get; set; } = [];

    /// <summary>The running totals as earlier versions stored them; moved into rows with <see cref="Sessions"/>.</summary>
    [Id(1)] public DashboardTotals Totals { get; set; } = new();

    /// <summary>
    /// The tombstone: set when erasure begins and kept after it (the row then holds nothing else), so no late writer
    /// can attach a session to an erased account, even after the grain was deactivated.
    /// </summary>
    [Id(2)] public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>True from copying an index out of the account's row of the earlier shape until that row has dropped it.</summary>
    [Id(3)] public bool LegacyIndexStillInUserRow { get; set; }
}

/// <summary>Running totals of ended sessions, so a dashboard poll never walks every session.</summary>
[GenerateSerializer, Alias("bemore.DashboardTotals")]
public sealed class DashboardTotals
{
    [Id(0)] public int EndedSessionCount { get; set; }
    [Id(1)] public long ActiveMs { get; set; }
    [Id(2)] public Dictionary<string, int> EmotionCounts { get; set; } = [];
    [Id(3)] public Dictionary<string, int> DistortionCounts { get; set; } = [];

    /// <summary>A copy with one session's outcome added (<paramref name="sign"/> 1) or taken back (-1).</summary>
    public DashboardTotals With(SessionOutcome outcome, int sign)
    {
        var copy = new DashboardTotals
        {
            EndedSessionCount = EndedSessionCount,
            ActiveMs = ActiveMs,
            EmotionCounts = new Dictionary<string, int>(EmotionCounts),
            DistortionCounts = new Dictionary<string, int>(DistortionCounts),
        };
        copy.Fold(outcome, sign);
        return copy;
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or takes back (-1) one session's outcome.</summary>
    public void Fold(SessionOutcome outcome, int sign)
    {
        EndedSessionCount += sign;
        ActiveMs += sign * outcome.ActiveMs;
        if (outcome.DominantEmotion is { } emotion)
        {
            Add(EmotionCounts, emotion, sign);
        }

        foreach (var (type, count) in outcome.DistortionCounts)
        {
            Add(DistortionCounts, type, sign * count);
        }
    }

    private static void Add(Dictionary<string, int> counts, string key, int delta)
    {
        var value = counts.GetValueOrDefault(key) + delta;
        if (value > 0)
        {
            counts[key] = value;
        }
        else
        {
            counts.Remove(key);
        }
    }
}
