using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Web.Features.Sessions;

/// <summary>The wire shape of a session event: <c>{sessionId, seq, type, at, data}</c>.</summary>
public sealed record SessionEventResponse(string SessionId, long Seq, string Type, DateTimeOffset At, object Data)
{
    /// <summary><see cref="Data"/> is typed <c>object</c> so it serializes as its concrete record, without a discriminator.</summary>
    public static SessionEventResponse From(SessionEvent sessionEvent) =>
        new(sessionEvent.SessionId, sessionEvent.Seq, sessionEvent.Type, sessionEvent.At, sessionEvent.Data);
}
