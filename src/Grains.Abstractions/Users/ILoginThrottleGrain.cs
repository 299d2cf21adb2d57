namespace BeMore.Grains.Abstractions.Users;

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
