using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;

namespace BeMore.Grains.Sessions;

/// <summary>
/// The session lifecycle's rules, apart from the grain that applies them: which status changes are allowed, what an
/// ending records, and what the owner's account and the retention sweep learn of it. Idle decisions are
/// <see cref="IdlePolicy"/>'s.
/// </summary>
internal static class SessionLifecycle
{
    /// <summary>The first event of a new session, carrying what it starts with.</summary>
    public static StatusChanged Start(StartSession command, UserPreferences? preferences) =>
        new(From: null, SessionStatus.Active, "started",
            new SessionOpening(command.OwnerId, command.Title, command.Consent, command.Counselor, preferences?.Language, preferences?.Analysis));

    /// <summary>
    /// The status change that moves a session from <paramref name="from"/> to <paramref name="to"/>; null when it is
    /// there already (a repeated pause or resume changes nothing).
    /// </summary>
    /// <exception cref="InvalidSessionStateException">The session is in neither status.</exception>
    public static StatusChanged? Transition(SessionStatus current, SessionStatus to, SessionStatus from, string reason)
    {
        if (current == to)
        {
            return null;
        }

        if (current != from)
        {
            throw new InvalidSessionStateException($"A session that is {Describe(current)} cannot be {reason}.");
        }

        return new StatusChanged(current, to, reason);
    }

    /// <exception cref="InvalidSessionStateException">The session is not active.</exception>
    public static void EnsureActive(SessionStatus current, string action)
    {
        if (current != SessionStatus.Active)
        {
            throw new InvalidSessionStateException($"A session that is {Describe(current)} cannot {action}.");
        }
    }

    /// <summary>The two events that end a session: the status change, and the session's totals at <paramref name="now"/>.</summary>
    public static IReadOnlyList<SessionEventData> Ending(CounselingSessionState state, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var aggregates = state.Aggregates;
        return
        [
            new StatusChanged(state.Status, SessionStatus.Ended, reason),
            new SessionEnded(
                state.ActiveMsAt(now), state.PausedMsAt(now), aggregates.SegmentCount, aggregates.WordCount,
                aggregates.DominantEmotion, aggregates.RiskLevel),
        ];
    }

    /// <summary>What the owner's dashboard keeps of an ended session.</summary>
    public static SessionOutcome Outcome(string sessionId, CounselingSessionState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var aggregates = state.Aggregates;
        return new SessionOutcome(
            sessionId, state.EndedAt ?? now, state.ActiveMs, aggregates.DominantEmotion,
            new Dictionary<string, int>(aggregates.DistortionCounts), aggregates.RiskLevel);
    }

    /// <summary>A point-in-time view of the session at <paramref name="now"/>.</summary>
    public static SessionSnapshot Snapshot(string sessionId, CounselingSessionState state, long lastSeq, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new SessionSnapshot(
            sessionId,
            state.Status,
            state.Title,
            state.StartedAt,
            state.EndedAt,
            state.ActiveMsAt(now),
            state.PausedMsAt(now),
            lastSeq,
            state.Consent,
            state.Aggregates.LatestEmotion,
            state.Aggregates.ToMetrics(),
            state.CounselorMode);
    }

    private static string Describe(SessionStatus status) => status.ToString().ToLowerInvariant();
}
