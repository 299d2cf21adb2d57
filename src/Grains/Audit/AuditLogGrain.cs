using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Storage;
using Orleans.Concurrency;

namespace BeMore.Grains.Audit;

/// <summary>
/// Reentrant so concurrent records reach the store together and share one commit there, instead of each waiting for
/// the previous one's turn; the grain holds no state, so interleaving is safe.
/// </summary>
[GrainType("audit-log"), StatelessWorker, Reentrant]
public sealed class AuditLogGrain(IAuditStore store) : Grain, IAuditLogGrain
{
    public const int MaxPage = 500;

    public Task RecordAsync(AuditEntry entry) => store.AppendAsync([entry]);

    public Task RecordManyAsync(IReadOnlyList<AuditEntry> entries) => store.AppendAsync(entries);

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(string? userId, long afterId, int limit) =>
        store.ReadAsync(userId, Math.Max(0, afterId), Math.Clamp(limit, 1, MaxPage));

    public Task EraseUserAsync(string userId) => store.EraseUserAsync(userId);
}
