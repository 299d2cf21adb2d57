namespace BeMore.Grains.Sessions;

public enum IdleDecision
{
    None,
    Pause,
    End,
}

/// <summary>What an idle session should become, decided from its status and the time of its last activity.</summary>
public static class IdlePolicy
{
    public static IdleDecision Decide(Abstractions.Sessions.SessionStatus status, DateTimeOffset lastActivityAt, DateTimeOffset now, CounselingSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var idle = now - lastActivityAt;
        return status switch
        {
            Abstractions.Sessions.SessionStatus.Ended => IdleDecision.None,
            _ when idle >= options.AbandonAfter => IdleDecision.End,
            Abstractions.Sessions.SessionStatus.Active when idle >= options.IdlePauseAfter => IdleDecision.Pause,
            _ => IdleDecision.None,
        };
    }
}
