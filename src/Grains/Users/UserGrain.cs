using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;

namespace BeMore.Grains.Users;

[GrainType("user")]
public sealed class UserGrain(
    [PersistentState("user", StorageNames.GrainState)] IPersistentState<UserState> state) : Grain, IUserGrain
{
    public const int MaxPage = 100;

    public async Task AddSessionAsync(SessionIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sessions = state.State.Sessions;
        if (sessions.Exists(s => s.SessionId == entry.SessionId))
        {
            return;
        }

        var position = sessions.FindIndex(s => IsNewer(entry, s));
        sessions.Insert(position < 0 ? sessions.Count : position, entry);
        await state.WriteStateAsync();
    }

    public Task<SessionIndexPage> ListSessionsAsync(string? cursor, int limit)
    {
        var sessions = state.State.Sessions;
        var start = cursor is null ? 0 : sessions.FindIndex(s => s.SessionId == cursor) + 1;
        var items = sessions.Skip(start).Take(Math.Clamp(limit, 1, MaxPage)).ToList();
        var next = start + items.Count < sessions.Count && items.Count > 0 ? items[^1].SessionId : null;
        return Task.FromResult(new SessionIndexPage(items, next));
    }

    private static bool IsNewer(SessionIndexEntry candidate, SessionIndexEntry existing) =>
        candidate.StartedAt > existing.StartedAt ||
        (candidate.StartedAt == existing.StartedAt && string.CompareOrdinal(candidate.SessionId, existing.SessionId) > 0);
}
