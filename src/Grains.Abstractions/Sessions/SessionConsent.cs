namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>
/// What the user agreed to when the session started; fixed for the session's life.
/// <paramref name="Analysis"/> false: no emotion, distortion, intervention or analysis events (risk alerts still are).
/// <paramref name="StoreTranscript"/> false: transcript text is analysed in memory but never stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("bemore.SessionConsent")]
public sealed record SessionConsent(
    [property: Id(0)] bool Analysis,
    [property: Id(1)] bool StoreTranscript);
