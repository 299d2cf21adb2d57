namespace BeMore.Domain.Analysis.Insight;

/// <summary>The file names of the trained models under src/Domain/Analysis/Models, embedded in the domain assembly.</summary>
public static class ModelFiles
{
    public const string Utterance = "utterance.zip";

    /// <summary>
    /// The utterance model's classes, also learned from the writers who teach only distortions
    /// (<see cref="InsightCorpus.DistortionOnlyWriters"/>): Korean distortions are read from it, risk never.
    /// </summary>
    public const string Distortions = "distortions.zip";

    public const string RiskLevel = "risk-level.zip";
    public const string Emotion = "emotion.zip";

    /// <summary>Risk against the rest, read on content words only (<see cref="ContentWords"/>): English risk needs it to agree.</summary>
    public const string RiskContent = "risk-content.zip";

    /// <summary>The second stage's weights per language (<see cref="Insight.RiskDecision"/>), written by the training tool's --risk-dev.</summary>
    public const string RiskDecision = "risk-decision.tsv";

    /// <summary>The <see cref="InsightCorpus.Hash"/> of the corpus the models were trained from.</summary>
    public const string CorpusHash = "corpus.sha256";
}
