namespace BeMore.Domain.Analysis;

public enum EmotionLabel
{
    Neutral,
    Joy,
    Calm,
    Anxiety,
    Sadness,
    Anger,
}

/// <summary>One emotion estimate. Valence is -1..1 (unpleasant..pleasant), arousal and confidence 0..1.</summary>
public sealed record EmotionReading(EmotionLabel Label, double Valence, double Arousal, double Confidence)
{
    /// <summary>What an analyser answers when it has no evidence either way.</summary>
    public static EmotionReading NoEvidence { get; } = new(EmotionLabel.Neutral, 0, EmotionPrototypes.Of(EmotionLabel.Neutral).Arousal, 0.3);
}

/// <summary>The typical place of each label on the valence/arousal plane (circumplex model).</summary>
public static class EmotionPrototypes
{
    public static (double Valence, double Arousal) Of(EmotionLabel label) => label switch
    {
        EmotionLabel.Joy => (0.8, 0.7),
        EmotionLabel.Calm => (0.5, 0.2),
        EmotionLabel.Anxiety => (-0.5, 0.8),
        EmotionLabel.Sadness => (-0.7, 0.25),
        EmotionLabel.Anger => (-0.7, 0.9),
        _ => (0.0, 0.3),
    };
}

/// <summary>A stretch of the analysed text that supports a finding.</summary>
public sealed record EvidenceSpan(int Start, int Length, string Text);
