namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>
/// The cluster's one retention sweeper (key 0): erases ended sessions older than the retention period, on a reminder.
/// </summary>
[Alias("bemore.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Arms the periodic sweep; idempotent, called by every node at start-up.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Sweeps now; returns how many sessions were erased.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
