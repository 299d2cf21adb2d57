namespace BeMore.Domain.Analysis;

/// <summary>The ten cognitive distortions of CBT (Burns), as detected in what the client says.</summary>
public enum DistortionType
{
    AllOrNothing,
    Catastrophizing,
    DisqualifyingThePositive,
    EmotionalReasoning,
    JumpingToConclusions,
    Labeling,
    Magnification,
    MentalFilter,
    Overgeneralization,
    ShouldStatements,
}

public enum DistortionSeverity
{
    Low,
    Medium,
    High,
}

public sealed record DistortionMatch(DistortionType Type, DistortionSeverity Severity, double Confidence, EvidenceSpan Evidence);

/// <summary>The snake_case names used in events, reports and the labelled corpora.</summary>
public static class DistortionTypeCodes
{
    public static string ToCode(this DistortionType type) => type switch
    {
        DistortionType.AllOrNothing => "all_or_nothing",
        DistortionType.Catastrophizing => "catastrophizing",
        DistortionType.DisqualifyingThePositive => "disqualifying_the_positive",
        DistortionType.EmotionalReasoning => "emotional_reasoning",
        DistortionType.JumpingToConclusions => "jumping_to_conclusions",
        DistortionType.Labeling => "labeling",
        DistortionType.Magnification => "magnification",
        DistortionType.MentalFilter => "mental_filter",
        DistortionType.Overgeneralization => "overgeneralization",
        DistortionType.ShouldStatements => "should_statements",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string code, out DistortionType type)
    {
        foreach (var candidate in Enum.GetValues<DistortionType>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
