namespace BeMore.Domain.Analysis;

public enum EmotionSource
{
    Face,
    Voice,
    Text,
}

/// <summary>Relative trust in each modality; only the ones present are used, renormalized to sum to 1.</summary>
public sealed record EmotionFusionOptions
{
    public double FaceWeight { get; init; } = 0.5;

    public double VoiceWeight { get; init; } = 0.3;

    public double TextWeight { get; init; } = 0.2;
}

public sealed record FusedEmotion(EmotionReading Reading, IReadOnlyList<EmotionSource> Sources);

public sealed class EmotionFusion(EmotionFusionOptions options)
{
    private const int LabelCount = 6;

    public EmotionFusion()
        : this(new EmotionFusionOptions())
    {
    }

    /// <summary>
    /// Combines whichever readings are present. Valence and arousal are weighted means; the label is
    /// the one with the most weight × confidence behind it, and confidence drops when sources disagree.
    /// Null when no source with a positive weight is present.
    /// </summary>
    public FusedEmotion? Fuse(EmotionReading? face, EmotionReading? voice, EmotionReading? text)
    {
        Span<double> labelSupport = stackalloc double[LabelCount];
        var sources = new List<EmotionSource>(3);
        double totalWeight = 0, valence = 0, arousal = 0, confidence = 0;

        void Include(EmotionReading? reading, double weight, EmotionSource source, Span<double> support)
        {
            if (reading is null || weight <= 0)
            {
                return;
            }

            sources.Add(source);
            totalWeight += weight;
            valence += weight * reading.Valence;
            arousal += weight * reading.Arousal;
            confidence += weight * reading.Confidence;
            support[(int)reading.Label] += weight * reading.Confidence;
        }

        Include(face, options.FaceWeight, EmotionSource.Face, labelSupport);
        Include(voice, options.VoiceWeight, EmotionSource.Voice, labelSupport);
        Include(text, options.TextWeight, EmotionSource.Text, labelSupport);
        if (sources.Count == 0)
        {
            return null;
        }

        var top = 0;
        var supportTotal = 0.0;
        for (var l = 0; l < LabelCount; l++)
        {
            supportTotal += labelSupport[l];
            if (labelSupport[l] > labelSupport[top])
            {
                top = l;
            }
        }

        var agreement = supportTotal > 0 ? labelSupport[top] / supportTotal : 1;
        var reading = new EmotionReading(
            (EmotionLabel)top,
            Math.Clamp(valence / totalWeight, -1, 1),
            Math.Clamp(arousal / totalWeight, 0, 1),
            Math.Clamp(confidence / totalWeight * agreement, 0, 1));
        return new FusedEmotion(reading, sources);
    }
}
