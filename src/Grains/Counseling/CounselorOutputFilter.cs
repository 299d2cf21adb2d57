using System.Text.RegularExpressions;
using BeMore.Domain.Analysis;

namespace BeMore.Grains.Counseling;

public enum OutputVerdict
{
    Usable,

    /// <summary>Risk language or self-harm means: replaced by the safety reply.</summary>
    Unsafe,

    /// <summary>Too long, a link, or a role marker: replaced by the local reply.</summary>
    Unusable,
}

/// <summary>
/// Checks what the LLM said before anybody sees it: the risk detector that reads the user's words reads the reply too
/// (a plan, means or act is unsafe), and a rule list catches self-harm methods and means that a reply must never
/// mention, in English and Korean.
/// </summary>
public static partial class CounselorOutputFilter
{
    public static OutputVerdict Check(string text, TextLanguage language, int maxLength) =>
        Check(text, language, maxLength, static (text, language) => RiskDetector.Assess(text, language));

    /// <summary>A reply the risk detector could not read (its matches timed out even on the retry) is not shown: unsafe.</summary>
    internal static OutputVerdict Check(string text, TextLanguage language, int maxLength, Func<string, TextLanguage, RiskAssessment> assessRisk)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(assessRisk);
        // A counselor may name a feeling the user voiced ("you feel hopeless"); it must never name a plan, a means or an act.
        if (SelfHarmMeans().IsMatch(text) || IsPlanMeansOrAct(text, language, assessRisk))
        {
            return OutputVerdict.Unsafe;
        }

        return text.Length > maxLength || Unusable().IsMatch(text) ? OutputVerdict.Unusable : OutputVerdict.Usable;
    }

    private static bool IsPlanMeansOrAct(string text, TextLanguage language, Func<string, TextLanguage, RiskAssessment> assessRisk)
    {
        try
        {
            return assessRisk(text, language) is { Level: not RiskLevel.None, Severity: RiskSeverity.PlanMeans or RiskSeverity.Act };
        }
        catch (Exception)
        {
            // A timeout on the retry, or a fault of the reader: a reply that could not be read is not shown.
            return true;
        }
    }

    [GeneratedRegex(
        @"\b(overdos\w*|pills?|tablets?|lethal|noose|hang(ing)? yourself|rope|razor|blade|bleach|poison\w*|jump(ing)? off|cut(ting)? (yourself|your wrists?)|wrists?|kill yourself|end your life|end it all|better off dead|just die|suicide method|carbon monoxide|charcoal)\b" +
        @"|과다\s*복용|수면제|약을?\s*(모아|많이|한꺼번에)|목을?\s*매|번개탄|투신|뛰어내|손목|자해\s*방법|극단적\s*선택을?\s*(하|해)|죽는\s*게\s*(나아|낫)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelfHarmMeans();

    [GeneratedRegex(@"https?://|www\.|^\s*(system|assistant|user)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Unusable();
}
