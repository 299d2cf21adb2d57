namespace BeMore.Grains.Abstractions.Analysis;

[GenerateSerializer, Immutable, Alias("bemore.TextEmotionResult")]
public sealed record TextEmotionResult(
    [property: Id(0)] string Emotion,
    [property: Id(1)] double Valence,
    [property: Id(2)] double Arousal,
    [property: Id(3)] double Confidence);

/// <summary>The text-emotion classifier as a service (a stateless worker: it holds nothing, any node can answer).</summary>
[Alias("bemore.ITextEmotionGrain")]
public interface ITextEmotionGrain : IGrainWithIntegerKey
{
    /// <summary><paramref name="language"/> is "ko" or "en", or null to detect it from the text.</summary>
    [Alias("Analyze")]
    Task<TextEmotionResult> AnalyzeAsync(string text, string? language);
}
