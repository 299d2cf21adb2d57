namespace BeMore.Grains.Abstractions.Users;

/// <summary>What signing up stores: the email is already normalized and the password already hashed.</summary>
[GenerateSerializer, Immutable, Alias("bemore.NewAccount")]
public sealed record NewAccount(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] string Role);

[GenerateSerializer, Immutable, Alias("bemore.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string Role,
    [property: Id(4)] DateTimeOffset CreatedAt);

/// <summary>What login needs to verify a password; never leaves the server.</summary>
[GenerateSerializer, Immutable, Alias("bemore.UserCredentials")]
public sealed record UserCredentials(
    [property: Id(0)] UserProfile Profile,
    [property: Id(1)] string PasswordHash);

/// <summary>Which analyses the user wants by default; a session's own consent still decides for that session.</summary>
[GenerateSerializer, Immutable, Alias("bemore.AnalysisOptIns")]
public sealed record AnalysisOptIns(
    [property: Id(0)] bool TextEmotion,
    [property: Id(1)] bool FaceEmotion,
    [property: Id(2)] bool Voice,
    [property: Id(3)] bool Distortions)
{
    public static AnalysisOptIns All { get; } = new(true, true, true, true);
}

[GenerateSerializer, Immutable, Alias("bemore.UserPreferences")]
public sealed record UserPreferences(
    [property: Id(0)] string Language,
    [property: Id(1)] string Theme,
    [property: Id(2)] bool Notifications,
    [property: Id(3)] AnalysisOptIns Analysis)
{
    public static UserPreferences Default { get; } = new("ko", "system", true, AnalysisOptIns.All);
}

/// <summary>
/// A refresh token as handed to the client once (only its hash is kept), with the security stamp the access token
/// issued beside it must carry.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.IssuedRefreshToken")]
public sealed record IssuedRefreshToken(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] string SecurityStamp);

public enum RefreshOutcome
{
    Rotated,

    /// <summary>An already rotated token came back: someone holds a copy, so its whole family was revoked.</summary>
    Reused,

    Invalid,
}

[GenerateSerializer, Immutable, Alias("bemore.RefreshResult")]
public sealed record RefreshResult(
    [property: Id(0)] RefreshOutcome Outcome,
    [property: Id(1)] IssuedRefreshToken? Token,
    [property: Id(2)] UserProfile? Profile);

/// <summary>What the account holds, for the data-export right (the sessions come from <see cref="IUserSessionsGrain"/>).</summary>
[GenerateSerializer, Immutable, Alias("bemore.UserExport")]
public sealed record UserExport(
    [property: Id(0)] UserProfile Profile,
    [property: Id(1)] UserPreferences Preferences,
    [property: Id(3)] int ActiveRefreshTokenFamilies);
