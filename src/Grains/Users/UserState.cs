using BeMore.Grains.Abstractions.Users;

namespace BeMore.Grains.Users;

[GenerateSerializer, Alias("bemore.UserState")]
public sealed class UserState
{
    /// <summary>
    /// The session index as rows stored before it moved to <see cref="UserSessionsGrain"/>; that grain copies it on its
    /// first activation and then has it dropped here. Nothing else writes it.
    /// </summary>
    [Id(0)] public List<SessionIndexEntry> LegacySessions { get; set; } = [];

    /// <summary>Null until registration, and again after erasure.</summary>
    [Id(1)] public UserAccount? Account { get; set; }

    /// <summary>
    /// The tombstone: set when the account is erased and kept after it (the row then holds nothing else). Rows of the
    /// earlier shape set it when erasure began; <see cref="UserSessionsGrain"/> carries that over.
    /// </summary>
    [Id(9)] public DateTimeOffset? ErasedAt { get; set; }

    [Id(2)] public UserPreferences Preferences { get; set; } = UserPreferences.Default;

    /// <summary>One family per sign-in; each keeps only the hash of its current token.</summary>
    [Id(3)] public List<RefreshFamily> RefreshFamilies { get; set; } = [];

    /// <summary>The dashboard totals as rows stored before they moved to <see cref="UserSessionsGrain"/> (see <see cref="LegacySessions"/>).</summary>
    [Id(4)] public DashboardTotals LegacyTotals { get; set; } = new();
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
