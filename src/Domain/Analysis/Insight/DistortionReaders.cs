namespace BeMore.Domain.Analysis.Insight;

/// <summary>The model each language's distortions are read from; null reads the utterance model.</summary>
public sealed record DistortionReaders(SentenceClassifier? English, SentenceClassifier? Korean)
{
    public SentenceClassifier? For(TextLanguage language) => language == TextLanguage.Korean ? Korean : English;

    /// <summary>Whether every model given has <paramref name="utterance"/>'s classes in the same order (a distortion reading indexes them alike).</summary>
    public bool HasClassesOf(SentenceClassifier utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        return new[] { English, Korean }.All(m => m is null || m.Classes.SequenceEqual(utterance.Classes));
    }
}
