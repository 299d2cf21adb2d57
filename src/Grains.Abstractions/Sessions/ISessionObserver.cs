using Orleans.Concurrency;

namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>
/// Receives a session's events after they are durably stored. Implemented by the per-node relay that
/// forwards them to SignalR connections, so pushes cross nodes without a backplane.
/// </summary>
[Alias("bemore.ISessionObserver")]
public interface ISessionObserver : IGrainObserver
{
    /// <summary>The events of one append (one input and all it caused), in seq order: one message per append.</summary>
    [OneWay, Alias("OnEvents")]
    Task OnEventsAsync(IReadOnlyList<SessionEvent> events);

    /// <summary>A live-only message (a counselor reply's next piece): forwarded as it comes, never stored.</summary>
    [OneWay, Alias("OnLive")]
    Task OnLiveAsync(Counseling.SessionLiveMessage message);

    /// <summary>
    /// The session's activation went away while this observer was subscribed (a commit whose outcome is unknown, its
    /// node shutting down): it should subscribe again at once, or it hears nothing more.
    /// </summary>
    [OneWay, Alias("OnClosed")]
    Task OnClosedAsync();
}
