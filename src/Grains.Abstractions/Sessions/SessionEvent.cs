namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>
/// One fact of a session, numbered by the session grain: <see cref="Seq"/> is 1, 2, 3, ... with no gaps,
/// so a client that sees a gap asks for "events after seq N".
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionEvent")]
public sealed record SessionEvent(
    [property: Id(0)] string SessionId,
    [property: Id(1)] long Seq,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] SessionEventData Data)
{
    public string Type => Data.Type;
}
