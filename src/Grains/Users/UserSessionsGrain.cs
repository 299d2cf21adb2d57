using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace BeMore.Grains.Users;

[GrainType("user-sessions")]
public sealed class UserSessionsGrain(
    [PersistentState("user-sessions", StorageNames.GrainState)] IPersistentState<UserSessionsState> state,
    [FromKeyedServices(StorageNames.GrainState)] IGrainStorage storage,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IUserSessionsGrain
{
    private const int DashboardTrendLength = 20;
    private const int DashboardTopDistortions = 5;
    private const int DashboardRecentSessions = 5;

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
    }

    public async Task AddSessionAsync(SessionIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (state.State.ErasedAt is not null)
        {
            throw new UserNotFoundException();
        }

        var sessions = state.State.Sessions;
        if (sessions.Exists(s => s.SessionId == entry.SessionId))
        {
            return;
        }

        var position = sessions.FindIndex(s => IsNewer(entry, s));
        sessions.Insert(position < 0 ? sessions.Count : position, entry);
        await state.WriteStateAsync();
    }

    public Task<SessionIndexPage> ListSessionsAsync(string? cursor, int limit, SessionSearch? search = null)
    {
        var sessions = state.State.Sessions;
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
        var sessions = state.State.Sessions;
        var index = sessions.FindIndex(s => s.SessionId == outcome.SessionId);
        if (index < 0 || sessions[index].Outcome is not null)
        {
            return;
        }

        sessions[index] = sessions[index] with { Outcome = outcome };
        state.State.Totals.Fold(outcome, +1);
        await state.WriteStateAsync();
    }

    public async Task RemoveSessionAsync(string sessionId)
    {
        var sessions = state.State.Sessions;
        var index = sessions.FindIndex(s => s.SessionId == sessionId);
        if (index < 0)
        {
            return;
        }

        if (sessions[index].Outcome is { } outcome)
        {
            state.State.Totals.Fold(outcome, -1);
        }

        sessions.RemoveAt(index);
        await state.WriteStateAsync();
    }

    public Task<DashboardSummary> GetDashboardAsync()
    {
        if (state.State.ErasedAt is not null)
        {
            throw new UserNotFoundException();
        }

        var sessions = state.State.Sessions;
        var totals = state.State.Totals;
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

        return state.State.Sessions.Select(entry => entry.SessionId).ToList();
    }

    public async Task DeleteAsync()
    {
        await BeginErasureAsync();
        if (state.State.Sessions.Count > 0)
        {
            // The caller erases the sessions (AccountErasure): from inside this turn, an ending session calling back in
            // here would wait on it, and it on the session.
            throw new InvalidOperationException("The index still holds sessions; erase each and remove it before deleting the index.");
        }

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

    private static bool IsNewer(SessionIndexEntry candidate, SessionIndexEntry existing) =>
        candidate.StartedAt > existing.StartedAt ||
        (candidate.StartedAt == existing.StartedAt && string.CompareOrdinal(candidate.SessionId, existing.SessionId) > 0);
}
