using System.Collections.Concurrent;
using System.Threading.Channels;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Web.Features.Sessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Live;

/// <summary>
/// This node's relays: one per session with local connections, subscribed to the session grain as an observer and
/// forwarding its events to the SignalR group <c>session:{id}</c>. Relays are held strongly here (Orleans holds
/// observers weakly) and re-subscribed every <see cref="LiveHubOptions.RelayRenewPeriod"/>, which also re-attaches them
/// after the grain moves to another node, at once when membership declares a node dead (the silo's
/// RelayRenewalOnNodeLoss), and at once when the grain's activation goes away under them. A relay renewed on an
/// activation that did not have it reads what that activation appended before it from the log, so a viewer loses none
/// (it may see one twice: clients dedup by seq).
/// </summary>
public sealed partial class SessionRelayRegistry(
    IGrainFactory grains,
    IHubContext<SessionHub, ISessionClient> hub,
    IOptions<LiveHubOptions> options,
    TimeProvider clock,
    ILogger<SessionRelayRegistry> logger) : BackgroundService
{
    /// <summary>Rounds of one renewal before a relay is left to the next one; its grain's node may not be declared dead yet.</summary>
    public const int RenewRounds = 5;

    public static readonly TimeSpan RenewRetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Relay> _relays = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static string GroupOf(string sessionId) => $"session:{sessionId}";

    public Task AttachAsync(string sessionId, string ownerId, string connectionId) => AttachAsync(sessionId, ownerId, connectionId, listener: null);

    /// <summary>
    /// A viewer inside this process (a REST reply stream): it receives the session's events and live messages in
    /// <paramref name="listener"/> and counts as a viewer until disposed.
    /// </summary>
    public async Task<IAsyncDisposable> ListenAsync(string sessionId, string ownerId, ChannelWriter<object> listener)
    {
        var listenerId = $"listener:{Guid.NewGuid():N}";
        await AttachAsync(sessionId, ownerId, listenerId, listener);
        return new Listening(this, sessionId, listenerId);
    }

    private async Task AttachAsync(string sessionId, string ownerId, string connectionId, ChannelWriter<object>? listener)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_relays.TryGetValue(sessionId, out var relay))
            {
                relay = new Relay(sessionId, ownerId, this);
                relay.Reference = grains.CreateObjectReference<ISessionObserver>(relay);
                relay.Saw((await grains.Reference<ICounselingSessionGrain>(sessionId).SubscribeAsync(ownerId, relay.Reference)).AfterSeq);
                _relays[sessionId] = relay;
            }

            relay.Connections.Add(connectionId);
            if (listener is not null)
            {
                relay.Listeners[connectionId] = listener;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DetachAsync(string sessionId, string connectionId)
    {
        await _gate.WaitAsync();
        try
        {
            if (_relays.TryGetValue(sessionId, out var relay) && relay.Listeners.TryRemove(connectionId, out var listener))
            {
                listener.TryComplete();
            }

            if (relay is not null && relay.Connections.Remove(connectionId) && relay.Connections.Count == 0)
            {
                _relays.TryRemove(sessionId, out _);
                await grains.Reference<ICounselingSessionGrain>(sessionId).UnsubscribeAsync(relay.Reference!);
                grains.DeleteObjectReference<ISessionObserver>(relay.Reference!);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DetachAllAsync(string connectionId)
    {
        foreach (var sessionId in _relays.Where(pair => pair.Value.Connections.Contains(connectionId)).Select(pair => pair.Key).ToList())
        {
            await DetachAsync(sessionId, connectionId);
        }
    }

    /// <summary>
    /// Re-subscribes every relay to its session grain (re-activating grains whose node died). Relays whose grain could not
    /// be reached are retried a few times, <see cref="RenewRetryDelay"/> apart, while membership settles.
    /// </summary>
    public Task RenewAllAsync(CancellationToken cancellationToken) => RenewAsync([.. _relays.Values], cancellationToken);

    private async Task RenewAsync(List<Relay> pending, CancellationToken cancellationToken)
    {
        for (var round = 1; pending.Count > 0; round++)
        {
            var failed = new List<Relay>();
            foreach (var relay in pending)
            {
                try
                {
                    var session = grains.Reference<ICounselingSessionGrain>(relay.SessionId);
                    var received = relay.LastSeq;
                    var subscription = await session.SubscribeAsync(relay.OwnerId, relay.Reference!);
                    if (!subscription.Continues)
                    {
                        await CatchUpAsync(relay, session, received, subscription.AfterSeq);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    if (round == RenewRounds)
                    {
                        LogRenewFailed(logger, relay.SessionId, exception);
                    }
                    else
                    {
                        failed.Add(relay);
                    }
                }
            }

            // A relay detached meanwhile needs no renewal.
            pending = [.. failed.Where(IsAttached)];
            if (pending.Count > 0)
            {
                await Task.Delay(RenewRetryDelay, clock, cancellationToken);
            }
        }
    }

    /// <summary>Forwards what was appended after <paramref name="received"/> up to <paramref name="subscribedAfter"/>.</summary>
    private static async Task CatchUpAsync(Relay relay, ICounselingSessionGrain session, long received, long subscribedAfter)
    {
        while (received < subscribedAfter)
        {
            var missed = await session.GetEventsAsync(relay.OwnerId, received, SessionEventReading.MaxPageSize);
            if (missed.Count == 0)
            {
                return;
            }

            await relay.OnEventsAsync(missed);
            received = missed[^1].Seq;
        }
    }

    /// <summary>The relay's grain activation went away: it is subscribed again now, not at the next renewal.</summary>
    private async Task RenewClosedAsync(Relay relay)
    {
        if (IsAttached(relay))
        {
            await RenewAsync([relay], CancellationToken.None);
        }
    }

    private bool IsAttached(Relay relay) => _relays.TryGetValue(relay.SessionId, out var current) && current == relay;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RelayRenewPeriod);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RenewAllAsync(stoppingToken);
        }
    }

    private Task ForwardAsync(SessionEvent sessionEvent) =>
        hub.Clients.Group(GroupOf(sessionEvent.SessionId)).SessionEvent(SessionEventResponse.From(sessionEvent));

    private Task ForwardLiveAsync(SessionLiveMessage message) =>
        hub.Clients.Group(GroupOf(message.SessionId)).SessionLive(SessionLiveResponse.From(message));

    private static void Tell(Relay relay, object item)
    {
        foreach (var listener in relay.Listeners.Values)
        {
            listener.TryWrite(item);
        }
    }

    private sealed class Listening(SessionRelayRegistry registry, string sessionId, string listenerId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await registry.DetachAsync(sessionId, listenerId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the relay subscription of session {SessionId} failed")]
    private static partial void LogRenewFailed(ILogger logger, string sessionId, Exception exception);

    private sealed class Relay(string sessionId, string ownerId, SessionRelayRegistry registry) : ISessionObserver
    {
        public string SessionId { get; } = sessionId;

        public string OwnerId { get; } = ownerId;

        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);

        public ISessionObserver? Reference { get; set; }

        /// <summary>Viewers inside this process, by their connection id; unbounded channels, so writing never blocks the relay.</summary>
        public ConcurrentDictionary<string, ChannelWriter<object>> Listeners { get; } = new(StringComparer.Ordinal);

        private long _lastSeq;

        /// <summary>The highest seq received to forward (on attaching, the seq the subscription started after).</summary>
        public long LastSeq => Interlocked.Read(ref _lastSeq);

        public void Saw(long seq)
        {
            var seen = LastSeq;
            while (seq > seen && Interlocked.CompareExchange(ref _lastSeq, seq, seen) is var previous && previous != seen)
            {
                seen = previous;
            }
        }

        public async Task OnEventsAsync(IReadOnlyList<SessionEvent> events)
        {
            if (events.Count > 0)
            {
                Saw(events[^1].Seq);
            }

            foreach (var sessionEvent in events)
            {
                Tell(this, sessionEvent);
                await registry.ForwardAsync(sessionEvent);
            }
        }

        public Task OnClosedAsync()
        {
            // Off the notification: the renewal may wait for the grain's next activation.
            _ = registry.RenewClosedAsync(this);
            return Task.CompletedTask;
        }

        public Task OnLiveAsync(SessionLiveMessage message)
        {
            Tell(this, message);
            return registry.ForwardLiveAsync(message);
        }
    }
}
