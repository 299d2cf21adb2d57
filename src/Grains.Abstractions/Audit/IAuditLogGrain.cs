namespace BeMore.Grains.Abstractions.Audit;

/// <summary>
/// One access-log record: who did what to which target, when, from where, with what outcome. Never content:
/// no passwords, tokens, emails, transcript text.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string? UserId,
    [property: Id(1)] string? ActorId,
    [property: Id(2)] string Action,
    [property: Id(3)] string? TargetId,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? ClientIp,
    [property: Id(6)] string Outcome);

[GenerateSerializer, Immutable, Alias("bemore.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] AuditEntry Entry);

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}

/// <summary>The append-only audit log. A stateless worker: appends scale out and never queue behind a session.</summary>
[Alias("bemore.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    [Alias("Record")]
    Task RecordAsync(AuditEntry entry);

    /// <summary>Records several in one write (one commit), in order.</summary>
    [Alias("RecordMany")]
    Task RecordManyAsync(IReadOnlyList<AuditEntry> entries);

    /// <summary>Records with id greater than <paramref name="afterId"/>, ascending; one user's when <paramref name="userId"/> is given.</summary>
    [Alias("Read")]
    Task<IReadOnlyList<AuditRecord>> ReadAsync(string? userId, long afterId, int limit);

    /// <summary>Removes every record about or by the user (account erasure).</summary>
    [Alias("EraseUser")]
    Task EraseUserAsync(string userId);
}
