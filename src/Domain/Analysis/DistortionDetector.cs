using BeMore.Domain.Analysis.Insight;

namespace BeMore.Domain.Analysis;

/// <summary>
/// Cognitive distortions in what the client says: the trained classifier finds them in everyday wording, the phrase
/// rules give precise evidence and set aside disowned thoughts. One type per text unless two are clearly present.
/// See <see cref="UtteranceInsight"/>.
/// </summary>
public static class DistortionDetector
{
    public static IReadOnlyList<DistortionMatch> Detect(string text, TextLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UtteranceInsight.Shipped.Distortions(text, language ?? TextLanguages.Detect(text));
    }
}
