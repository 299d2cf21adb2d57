using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace BeMore.Grains.Users;

/// <summary>
/// The index lives in rows (<see cref="SessionIndexStore"/>): read whole on activation, then each change writes only
/// what it changes. The grain state keeps the erasure tombstone, and an index of an earlier shape until it is moved into rows.
/// </summary>
[GrainType("user-sessions")]
public sealed class UserSessionsGrain(
    [PersistentState("user-sessions", StorageNames.GrainState)] IPersistentState<UserSessionsState> state,
    [FromKeyedServices(StorageNames.GrainState)] IGrainStorage storage,
    SessionIndexStore index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IUserSessionsGrain
{
    private const int DashboardTrendLength = 20;
    private const int DashboardTopDistortions = 5;
    private const int DashboardRecentSessions = 5;

    /// <summary>The user's sessions, newest first.</summary>
    private List<SessionIndexEntry> _sessions = [];

    /// <summary>The ids in <see cref="_sessions"/>, so that a create's duplicate check does not scan the whole index.</summary>
    private readonly HashSet<string> _sessionIds = new(StringComparer.Ordinal);

    private DashboardTotals _totals = new();

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            await CopyLegacyIndexAsync(cancellationToken);
        }

        if (state.State.LegacyIndexStillInUserRow)
        {
            // One way only: the user grain never calls this one, so the two cannot wait on each other.
            await GrainFactory.Reference<IUserGrain>(UserId).DropLegacySessionIndexAsync();
            state.State.LegacyIndexStillInUserRow = false;
            await state.WriteStateAsync(cancellationToken);
        }

        if (state.State.Sessions.Count > 0 || state.State.Totals.EndedSessionCount > 0)
        {
            await MoveIndexIntoRowsAsync(cancellationToken);
        }

        (_sessions, _totals) = await index.ReadAsync(UserId, cancellationToken);
        _sessions.Sort((a, b) => IsNewer(a, b) ? -1 : IsNewer(b, a) ? 1 : 0);
        _sessionIds.UnionWith(_sessions.Select(s => s.SessionId));
    }

    public async Task AddSessionAsync(SessionIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (state.State.ErasedAt is not null)
        {
            throw new UserNotFoundException();
        }

        if (_sessionIds.Contains(entry.SessionId))
        {
            return;
        }

        await index.WriteAsync(UserId, [entry]);
        var position = _sessions.FindIndex(s => IsNewer(entry, s));
        _sessions.Insert(position < 0 ? _sessions.Count : position, entry);
        _sessionIds.Add(entry.SessionId);
    }

    public Task<SessionIndexPage> ListSessionsAsync(string? cursor, int limit, SessionSearch? search = null)
    {
        var sessions = _sessions;
        var start = cursor is null ? 0 : sessions.FindIndex(s => s.SessionId == cursor) + 1;
        var size = Math.Clamp(limit, 1, SessionIndexPage.MaxSize);
        // One more than a page says whether a next page holds anything (a search can leave the rest of the index empty).
        var items = sessions.Skip(start).Where(s => search?.Matches(s) ?? true).Take(size + 1).ToList();
        var next = items.Count > size ? items[size - 1].SessionId : null;
        return Task.FromResult(new SessionIndexPage(items.Take(size).ToList(), next));
    }

    public async Task RecordSessionOutcomeAsync(SessionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var position = _sessions.FindIndex(s => s.SessionId == outcome.SessionId);
        if (position < 0 || _sessions[position].Outcome is not null)
        {
            return;
        }

        var ended = _sessions[position] with { Outcome = outcome };
        var totals = _totals.With(outcome, +1);
        // The entry and the totals in one commit: an outcome is never in one without the other.
        await index.WriteAsync(UserId, [ended], totals: totals);
        _sessions[position] = ended;
        _totals = totals;
    }

    public async Task RemoveSessionAsync(string sessionId)
    {
        var position = _sessions.FindIndex(s => s.SessionId == sessionId);
        if (position < 0)
        {
            return;
        }

        var totals = _sessions[position].Outcome is { } outcome ? _totals.With(outcome, -1) : null;
        await index.WriteAsync(UserId, [], removed: sessionId, totals: totals);
        _sessions.RemoveAt(position);
        _sessionIds.Remove(sessionId);
        _totals = totals ?? _totals;
    }

    public Task<DashboardSummary> GetDashboardAsync()
    {
        if (state.State.ErasedAt is not null)
        {
            throw new UserNotFoundException();
        }

        var sessions = _sessions;
        var totals = _totals;
        var outcomes = sessions.Where(s => s.Outcome is not null).Select(s => s.Outcome!).Take(DashboardTrendLength).ToList();
        return Task.FromResult(new DashboardSummary(
            sessions.Count,
            totals.EndedSessionCount,
            Math.Round(totals.ActiveMs / 60_000.0, 1),
            new Dictionary<string, int>(totals.EmotionCounts),
            outcomes,
            totals.DistortionCounts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(DashboardTopDistortions).Select(pair => new DistortionTotal(pair.Key, pair.Value)).ToList(),
            sessions.Take(DashboardRecentSessions).ToList(),
            outcomes.Where(o => o.RiskLevel != RiskLevels.None).ToList()));
    }

    public async Task<IReadOnlyList<string>> BeginErasureAsync()
    {
        // Stored first: from here on no session registers, so every session of the user is in the index (a start
        // registers before it writes anything). A crash midway leaves the tombstone for the owner to delete again.
        if (state.State.ErasedAt is null)
        {
            state.State.ErasedAt = time.GetUtcNow();
            await state.WriteStateAsync();
        }

        return _sessions.Select(entry => entry.SessionId).ToList();
    }

    public async Task DeleteAsync()
    {
        await BeginErasureAsync();
        if (_sessions.Count > 0)
        {
            // The caller erases the sessions (AccountErasure): from inside this turn, an ending session calling back in
            // here would wait on it, and it on the session.
            throw new InvalidOperationException("The index still holds sessions; erase each and remove it before deleting the index.");
        }

        await index.DeleteAsync(UserId);
        _totals = new DashboardTotals();
        state.State = new UserSessionsState { ErasedAt = state.State.ErasedAt };
        await state.WriteStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>
    /// A user whose sessions were indexed before this grain existed has them in the account's row: read that row
    /// through the storage, read only (the account grain has no method that hands out its old index), and keep a copy;
    /// the account drops its own once the copy is stored.
    /// </summary>
    private async Task CopyLegacyIndexAsync(CancellationToken cancellationToken)
    {
        var legacy = new GrainState<UserState>();
        await storage.ReadStateAsync(UserGrain.StateName, GrainId.Create(UserGrain.GrainTypeName, UserId), legacy);
        if (!legacy.RecordExists || legacy.State is not { } row || (row.LegacySessions.Count == 0 && row.ErasedAt is null))
        {
            return;
        }

        state.State.Sessions = row.LegacySessions;
        state.State.Totals = row.LegacyTotals;
        state.State.ErasedAt = row.ErasedAt;
        state.State.LegacyIndexStillInUserRow = row.LegacySessions.Count > 0;
        await state.WriteStateAsync(cancellationToken);
    }

    /// <summary>
    /// An index stored in the grain state by an earlier version goes into rows (one commit), and only then leaves the
    /// state: a crash in between writes the same rows again on the next activation.
    /// </summary>
    private async Task MoveIndexIntoRowsAsync(CancellationToken cancellationToken)
    {
        await index.WriteAsync(UserId, state.State.Sessions, totals: state.State.Totals);
        state.State.Sessions = [];
        state.State.Totals = new DashboardTotals();
        await state.WriteStateAsync(cancellationToken);
    }

    private static bool IsNewer(SessionIndexEntry candidate, SessionIndexEntry existing) =>
        candidate.StartedAt > existing.StartedAt ||
        (candidate.StartedAt == existing.StartedAt && string.CompareOrdinal(candidate.SessionId, existing.SessionId) > 0);
}
