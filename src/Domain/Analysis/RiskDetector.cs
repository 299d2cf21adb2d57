using BeMore.Domain.Analysis.Insight;

namespace BeMore.Domain.Analysis;

public enum RiskLevel
{
    None,
    Elevated,
    High,
}

/// <summary>How far a risk statement goes, in the Columbia scale's (C-SSRS) terms.</summary>
public enum RiskSeverity
{
    /// <summary>Wishing to be dead or gone, thoughts of suicide, feeling a burden: no plan.</summary>
    Ideation,

    /// <summary>A method, a place, a date, means gathered, a note, goodbyes and affairs settled.</summary>
    PlanMeans,

    /// <summary>Self-harm done, or an attempt, past or interrupted.</summary>
    Act,
}

public static class RiskSeverityCodes
{
    public static string ToCode(this RiskSeverity severity) => severity switch
    {
        RiskSeverity.Ideation => "ideation",
        RiskSeverity.PlanMeans => "plan_means",
        RiskSeverity.Act => "act",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static RiskSeverity? FromCode(string code) => code switch
    {
        "ideation" => RiskSeverity.Ideation,
        "plan_means" => RiskSeverity.PlanMeans,
        "act" => RiskSeverity.Act,
        _ => null,
    };
}

/// <summary>Self-harm or suicidal-ideation risk in one text, with the words that raised it and how far it goes.</summary>
public sealed record RiskAssessment(RiskLevel Level, EvidenceSpan? Evidence, RiskSeverity? Severity = null)
{
    public static RiskAssessment None { get; } = new(RiskLevel.None, null);
}

/// <summary>
/// Self-harm and suicidal risk in what the client says. It errs on the side of alerting: the trained classifier catches
/// the indirect phrasings (burdensomeness, farewells, plans, euphemisms) that no phrase list holds, the rules give exact
/// evidence and recognise denials ("I'd never hurt myself"), which raise nothing. See <see cref="UtteranceInsight"/>.
/// </summary>
public static class RiskDetector
{
    /// <summary>
    /// Whether the person says they are not at risk ("I'm not suicidal", "그런 생각은 없어요") and nothing in the utterance
    /// raises an alert: the counselor acknowledges it rather than passing over it.
    /// </summary>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A match timed out twice (see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static bool DeniesRisk(string text, TextLanguage language) =>
        AnalysisRegex.Retried((text, language), static read => RiskRules.Denies(read.text, read.language))
        && Assess(text, language).Level == RiskLevel.None;

    /// <summary>Whether the text states risk as the first stage reads it (<see cref="UtteranceInsight.StatesRisk"/>).</summary>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A match timed out twice (see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static bool StatesRisk(string text, TextLanguage language) =>
        AnalysisRegex.Retried((text, language), static read => UtteranceInsight.Shipped.StatesRisk(read.text, read.language));

    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A match timed out twice (see <see cref="AnalysisRegex.Retried"/>).</exception>
    public static RiskAssessment Assess(string text, TextLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnalysisRegex.Retried(
            (text, language: language ?? TextLanguages.Detect(text)), static read => UtteranceInsight.Shipped.Risk(read.text, read.language));
    }
}
