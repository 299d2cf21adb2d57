namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>What an LLM refinement was asked to improve.</summary>
[GenerateSerializer, Alias("bemore.RefinementKind")]
public enum RefinementKind
{
    /// <summary>The emotion label of one transcript segment's text.</summary>
    EmotionLabel = 0,

    /// <summary>The Socratic question of an intervention prepared for one transcript segment.</summary>
    SocraticQuestion = 1,

    /// <summary>The report's narrative summary.</summary>
    Narrative = 2,
}

/// <summary>
/// The answer of an LLM refinement, reported to the session grain from outside its turns. It covers the session's
/// events <see cref="FromSeq"/>..<see cref="ThroughSeq"/>, so the grain drops a result that arrives late (the session
/// moved on) or twice. <see cref="Text"/> is null when the call failed, timed out or was not queued: the grain then
/// keeps the local result.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.RefinementResult")]
public sealed record RefinementResult(
    [property: Id(0)] RefinementKind Kind,
    [property: Id(1)] long FromSeq,
    [property: Id(2)] long ThroughSeq,
    [property: Id(3)] string? Text);
