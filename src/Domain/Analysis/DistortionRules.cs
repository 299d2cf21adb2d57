using System.Text.RegularExpressions;

namespace BeMore.Domain.Analysis;

/// <summary>
/// Finds cognitive distortions with phrase patterns that need the distorted thought's structure
/// (a self-label with a copula, an absolute word next to a failure verb, "if not perfect then
/// worthless"), never a lone keyword: a false alarm in a live session costs more than a miss.
/// At most one match per type per text: the most confident one. They give the precise evidence span and handle disowned
/// thoughts; <see cref="DistortionDetector"/> combines them with the trained classifier, which gives the recall.
/// </summary>
internal static class DistortionRules
{
    private static readonly int TypeCount = Enum.GetValues<DistortionType>().Length;

    private static readonly Regex EnglishAmplifier = new(
        @"\b(?:always|never|completely|totally|utterly|everything|nothing|everyone|everybody|nobody|worst|entire|whole|forever|absolute(?:ly)?)\b",
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    private static readonly Regex KoreanAmplifier = new(
        "완전|절대|항상|맨날|매번|전부|모든|평생|영원히|최악|무조건|하나도",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    /// <summary>Disowned or past thoughts ("I don't think I'm a failure", "I used to believe...") are not distortions now.</summary>
    private static readonly Regex EnglishDisownedBefore = new(
        @"\b(?:(?:don'?t|do\s+not|no\s+longer|stopped|used\s+to)\s+(?:think|believe|feel)|it'?s\s+not\s+true\s+that|isn'?t\s+true\s+that|(?:don'?t|do\s+not)\s+say)\b[^.!?,;]*$",
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    private static readonly Regex KoreanDisownedAfter = new(
        @"^[^.!?,]{0,8}?(?:생각하지 ?않|생각 ?안 ?해|믿지 ?않|안 믿|(?:건|게|것은|거는) 아니|아니(?:야|에요|다|라))",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    /// <summary>The whole utterance disowns the thought ("I don't think I'm a failure anymore", "내가 실패자라고는 생각하지 않아").</summary>
    private static readonly Regex EnglishDisownedUtterance = new(
        @"\b(?:(?:don'?t|do\s+not|no\s+longer|stopped|used\s+to)\s+(?:think|believe|thinking|believing)|it'?s\s+not\s+true\s+that|isn'?t\s+true\s+that)\b",
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    private static readonly Regex KoreanDisownedUtterance = new(
        "(?:라고는|라곤|다고는|다곤) ?(?:생각하지 ?않|생각 ?안|안 ?믿|믿지 ?않)|(?:가|이) 아니(?:야|에요|다|라)[.!?\\s]*$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant, AnalysisRegex.MatchTimeout);

    public static bool IsDisowned(string text, TextLanguage language) =>
        (language == TextLanguage.Korean ? KoreanDisownedUtterance : EnglishDisownedUtterance).IsMatch(text);

    public static IReadOnlyList<DistortionMatch> Detect(string text, TextLanguage lang)
    {
        var patterns = lang == TextLanguage.Korean ? DistortionPatterns.Korean : DistortionPatterns.English;
        DistortionMatch?[]? best = null;

        foreach (var pattern in patterns)
        {
            var current = best?[(int)pattern.Type];
            if (current is not null && current.Confidence >= pattern.Confidence)
            {
                continue;
            }

            foreach (var match in pattern.Regex.EnumerateMatches(text))
            {
                if (IsDisowned(text, match, lang))
                {
                    continue;
                }

                var matched = text.Substring(match.Index, match.Length);
                best ??= new DistortionMatch?[TypeCount];
                best[(int)pattern.Type] = new DistortionMatch(
                    pattern.Type,
                    Amplified(pattern.Severity, matched, lang),
                    pattern.Confidence,
                    new EvidenceSpan(match.Index, match.Length, matched));
                break;
            }
        }

        return best is null ? [] : [.. best.OfType<DistortionMatch>()];
    }

    private static bool IsDisowned(string text, ValueMatch match, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanDisownedAfter.IsMatch(text.AsSpan(match.Index + match.Length))
        : EnglishDisownedBefore.IsMatch(text.AsSpan(0, match.Index));

    /// <summary>Absolute words ("always", "완전", "평생") make the same distortion more rigid, so one level more severe.</summary>
    internal static DistortionSeverity Amplified(DistortionSeverity severity, string matched, TextLanguage language)
    {
        var amplifier = language == TextLanguage.Korean ? KoreanAmplifier : EnglishAmplifier;
        return severity < DistortionSeverity.High && amplifier.IsMatch(matched) ? severity + 1 : severity;
    }
}

internal sealed record DistortionPattern(DistortionType Type, DistortionSeverity Severity, double Confidence, Regex Regex);
