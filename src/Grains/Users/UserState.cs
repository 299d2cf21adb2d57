using BeMore.Grains.Abstractions.Users;

namespace BeMore.Grains.Users;

[GenerateSerializer, Alias("bemore.UserState")]
public sealed class UserState
{
    /// <summary>The user's sessions, newest first.</summary>
    [Id(0)] public List<SessionIndexEntry> Sessions { get; set; } = [];

    /// <summary>Null until registration, and again after erasure.</summary>
    [Id(1)] public UserAccount? Account { get; set; }

    /// <summary>
    /// The tombstone: set when erasure begins and kept after it (the row then holds nothing else), so no late writer
    /// can attach a session to an erased account, even after the grain was deactivated.
    /// </summary>
    [Id(9)] public DateTimeOffset? ErasedAt { get; set; }

    [Id(2)] public UserPreferences Preferences { get; set; } = UserPreferences.Default;

    /// <summary>One family per sign-in; each keeps only the hash of its current token.</summary>
    [Id(3)] public List<RefreshFamily> RefreshFamilies { get; set; } = [];

    /// <summary>Running totals of ended sessions, so a dashboard poll never walks every session.</summary>
    [Id(4)] public DashboardTotals Totals { get; set; } = new();
}

[GenerateSerializer, Alias("bemore.DashboardTotals")]
public sealed class DashboardTotals
{
    [Id(0)] public int EndedSessionCount { get; set; }
    [Id(1)] public long ActiveMs { get; set; }
    [Id(2)] public Dictionary<string, int> EmotionCounts { get; set; } = [];
    [Id(3)] public Dictionary<string, int> DistortionCounts { get; set; } = [];

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

[GenerateSerializer, Alias("bemore.UserAccount")]
public sealed class UserAccount
{
    [Id(0)] public string Email { get; set; } = "";
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public string Role { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Random; replaced whenever every sign-in must end. Empty for accounts created before stamps existed.</summary>
    [Id(5)] public string SecurityStamp { get; set; } = "";
}

[GenerateSerializer, Alias("bemore.RefreshFamily")]
public sealed class RefreshFamily
{
    [Id(0)] public string FamilyId { get; set; } = "";
    [Id(1)] public byte[] CurrentHash { get; set; } = [];

    /// <summary>Fixed when the family starts (the sign-in); rotation does not move it.</summary>
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
}
