namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>
/// The cluster's one idle sweeper (key 0): on one reminder, asks every open session that has logged nothing for the
/// idle time whether it has gone idle, so an abandoned session is paused, then ended (and so, in time, erased) without
/// a reminder of its own.
/// </summary>
[Alias("bemore.IIdleSweepGrain")]
public interface IIdleSweepGrain : IGrainWithIntegerKey
{
    /// <summary>Arms the periodic sweep; idempotent, called by every node at start-up.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Sweeps now; returns how many sessions were asked.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
