using System.Text.Json.Serialization;

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

/// <summary>
/// The payload of a <see cref="SessionEvent"/>. Each subclass names its wire type once, in <c>TypeName</c>,
/// which is both the API's <c>type</c> field and the JSON discriminator used in the event log.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionEventData")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StatusChanged), StatusChanged.TypeName)]
public abstract record SessionEventData
{
    [JsonIgnore]
    public abstract string Type { get; }
}

/// <summary>The session moved from one lifecycle state to another (or was created, with <see cref="From"/> null).</summary>
[GenerateSerializer, Immutable, Alias("bemore.StatusChanged")]
public sealed record StatusChanged(
    [property: Id(0)] SessionStatus? From,
    [property: Id(1)] SessionStatus To,
    [property: Id(2)] string Reason) : SessionEventData
{
    public const string TypeName = "status_changed";

    public override string Type => TypeName;
}
