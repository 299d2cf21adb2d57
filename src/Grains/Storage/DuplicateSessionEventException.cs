using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Storage;

/// <summary>An append carried a deduplication key the session already has; <see cref="Existing"/> is the event stored under it.</summary>
public sealed class DuplicateSessionEventException(SessionEvent existing, Exception innerException)
    : Exception($"Session {existing.SessionId} already has event {existing.Seq} under this deduplication key.", innerException)
{
    public SessionEvent Existing { get; } = existing;
}
