namespace BeMore.Grains.Abstractions.Users;

/// <summary>Maps one normalized email (the key) to the user id that owns it; the single arbiter of uniqueness.</summary>
[Alias("bemore.IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the email for <paramref name="userId"/>; false when another user holds it.</summary>
    [Alias("TryClaim")]
    Task<bool> TryClaimAsync(string userId);

    [Alias("GetUserId")]
    Task<string?> GetUserIdAsync();

    /// <summary>Frees the email if <paramref name="userId"/> holds it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string userId);
}

/// <summary>
/// Failed sign-ins for one normalized email (the key), across all nodes. It exists for unknown emails too, so a
/// lockout never reveals whether an account exists.
/// </summary>
[Alias("bemore.ILoginThrottleGrain")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <summary>How long sign-in stays refused, or null when it is allowed.</summary>
    [Alias("GetLockout")]
    Task<TimeSpan?> GetLockoutAsync();

    /// <summary>Counts a failure and returns the lockout it caused, if any.</summary>
    [Alias("RecordFailure")]
    Task<TimeSpan?> RecordFailureAsync();

    [Alias("Reset")]
    Task ResetAsync();
}
