using BeMore.Grains.Abstractions.Audit;

namespace BeMore.Grains.Storage;

/// <summary>The append-only audit table.</summary>
public interface IAuditStore
{
    /// <summary>Appends the entries in order, all in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> ReadAsync(string? userId, long afterId, int limit, CancellationToken cancellationToken = default);

    Task EraseUserAsync(string userId, CancellationToken cancellationToken = default);
}
