namespace BeMore.Grains.Storage;

/// <summary>Ended sessions and when they ended: what the retention sweep reads to find sessions past their time.</summary>
public interface IRetentionStore
{
    Task ScheduleAsync(string sessionId, string ownerId, DateTimeOffset endedAt, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<(string SessionId, string OwnerId)>> EndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default);

    Task RemoveAsync(string sessionId, CancellationToken cancellationToken = default);
}
