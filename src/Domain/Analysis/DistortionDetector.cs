using BeMore.Domain.Analysis.Insight;

namespace BeMore.Domain.Analysis;

/// <summary>
/// Cognitive distortions in what the client says: the trained classifier finds them in everyday wording, the phrase
/// rules give precise evidence and set aside disowned thoughts. One type per text unless two are clearly present.
/// See <see cref="UtteranceInsight"/>.
/// </summary>
public static class DistortionDetector
{
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A match timed out twice (see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static IReadOnlyList<DistortionMatch> Detect(string text, TextLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnalysisRegex.Retried(
            (text, language: language ?? TextLanguages.Detect(text)), static read => UtteranceInsight.Shipped.Distortions(read.text, read.language));
    }
}
