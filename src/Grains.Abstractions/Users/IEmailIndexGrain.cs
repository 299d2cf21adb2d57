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
/// Failed password checks for one normalized email (the key), counted per client address, across all nodes. It
/// exists for unknown emails too, so throttling never reveals whether an account exists. An address that has not
/// failed recently is never held back, so failures from elsewhere cannot lock the owner out.
/// </summary>
[Alias("bemore.ILoginThrottleGrain")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <summary>How long <paramref name="clientAddress"/> must still wait before its password is checked, or null.</summary>
    [Alias("GetDelay")]
    Task<TimeSpan?> GetDelayAsync(string clientAddress);

    /// <summary>Counts a wrong password from <paramref name="clientAddress"/>.</summary>
    [Alias("RecordFailure")]
    Task RecordFailureAsync(string clientAddress);

    /// <summary>Forgets the failures of <paramref name="clientAddress"/> after it gave the right password.</summary>
    [Alias("RecordSuccess")]
    Task RecordSuccessAsync(string clientAddress);
}
