using System.Collections.Frozen;
using System.Reflection;
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
/// The payload of a <see cref="SessionEvent"/>. Each subclass is listed once, in a <see cref="JsonDerivedTypeAttribute"/>
/// whose discriminator is both the API's <c>type</c> field and the tag of the stored JSON.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionEventData")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StatusChanged), StatusChanged.TypeName)]
public abstract record SessionEventData
{
    private static readonly FrozenDictionary<Type, string> TypeNames = typeof(SessionEventData)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(attribute => attribute.DerivedType, attribute => (string)attribute.TypeDiscriminator!);

    [JsonIgnore]
    public string Type => TypeNames[GetType()];
}

/// <summary>The session moved from one lifecycle state to another (or was created, with <see cref="From"/> null).</summary>
[GenerateSerializer, Immutable, Alias("bemore.StatusChanged")]
public sealed record StatusChanged(
    [property: Id(0)] SessionStatus? From,
    [property: Id(1)] SessionStatus To,
    [property: Id(2)] string Reason) : SessionEventData
{
    public const string TypeName = "status_changed";
}
