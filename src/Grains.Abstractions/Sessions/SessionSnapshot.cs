namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>A point-in-time view of one session, computed by its grain.</summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionSnapshot")]
public sealed record SessionSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] SessionStatus Status,
    [property: Id(2)] string? Title,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? EndedAt,
    [property: Id(5)] long ActiveDurationMs,
    [property: Id(6)] long PausedDurationMs,
    [property: Id(7)] long LastSeq,
    [property: Id(8)] SessionConsent Consent);
