using System.Text.Json.Serialization;

namespace BeMore.Grains.Abstractions.Counseling;

/// <summary>
/// A live-only message of a session (<c>SessionLive</c>): no seq, never stored, never replayed. A client that missed
/// one waits for the durable event that follows it.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionLiveMessage")]
public sealed record SessionLiveMessage(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] SessionLiveData Data)
{
    public string Type => Data.Type;

    /// <summary>A message stamped now, in whole milliseconds as the event log keeps time, so it compares with the events around it.</summary>
    public static SessionLiveMessage Now(string sessionId, SessionLiveData data) =>
        new(sessionId, DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), data);
}

/// <summary>The payload of a <see cref="SessionLiveMessage"/>; its type name is the message's <c>type</c>.</summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionLiveData")]
public abstract record SessionLiveData
{
    [JsonIgnore]
    public abstract string Type { get; }
}

/// <summary>The next piece of a counselor reply in progress: pieces of one reply come with index 0, 1, 2, ...</summary>
[GenerateSerializer, Immutable, Alias("bemore.CounselorReplyDelta")]
public sealed record CounselorReplyDelta(
    [property: Id(0)] string ReplyId,
    [property: Id(1)] int Index,
    [property: Id(2)] string Text) : SessionLiveData
{
    public const string TypeName = "counselor_reply_delta";

    [JsonIgnore]
    public override string Type => TypeName;
}

/// <summary>
/// The voice level while audio streams, about twice a second: whether the user is speaking, the level (dBFS) and how long
/// the current utterance has run (0 in a pause). Durable voice facts are the <c>vad_update</c> and <c>utterance</c> events.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.VadLevel")]
public sealed record VadLevel(
    [property: Id(0)] bool IsSpeech,
    [property: Id(1)] double Energy,
    [property: Id(2)] long SpeechMs) : SessionLiveData
{
    public const string TypeName = "vad_level";

    [JsonIgnore]
    public override string Type => TypeName;
}
