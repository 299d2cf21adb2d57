using BeMore.Grains.Abstractions.Users;

namespace BeMore.Grains.Users;

[GenerateSerializer, Alias("bemore.UserState")]
public sealed class UserState
{
    /// <summary>The user's sessions, newest first.</summary>
    [Id(0)] public List<SessionIndexEntry> Sessions { get; set; } = [];

    /// <summary>Null until registration, and again after erasure.</summary>
    [Id(1)] public UserAccount? Account { get; set; }

    [Id(2)] public UserPreferences Preferences { get; set; } = UserPreferences.Default;

    /// <summary>One family per sign-in; each keeps only the hash of its current token.</summary>
    [Id(3)] public List<RefreshFamily> RefreshFamilies { get; set; } = [];
}

[GenerateSerializer, Alias("bemore.UserAccount")]
public sealed class UserAccount
{
    [Id(0)] public string Email { get; set; } = "";
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public string Role { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
}

[GenerateSerializer, Alias("bemore.RefreshFamily")]
public sealed class RefreshFamily
{
    [Id(0)] public string FamilyId { get; set; } = "";
    [Id(1)] public byte[] CurrentHash { get; set; } = [];
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
}
