namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// The file names of the trained models under src/Domain/Analysis/Models, embedded in the domain assembly: each
/// <c>.model</c> is the compact file a node reads (<see cref="LinearTextModelFile"/>), written by the training tool from
/// ML.NET's model of the same name with <see cref="TrainedExtension"/>, which stays beside it as the reference.
/// </summary>
public static class ModelFiles
{
    /// <summary>The extension of ML.NET's trained model, which the training tool writes and reads, and nodes do not.</summary>
    public const string TrainedExtension = ".zip";

    public const string Utterance = "utterance.model";

    /// <summary>
    /// The utterance model's classes, also learned from the writers who teach only distortions
    /// (<see cref="InsightCorpus.DistortionOnlyWriters"/>): Korean distortions are read from it, risk never.
    /// </summary>
    public const string Distortions = "distortions.model";

    public const string RiskLevel = "risk-level.model";
    public const string Emotion = "emotion.model";

    /// <summary>Risk against the rest, read on content words only (<see cref="ContentWords"/>): English risk needs it to agree.</summary>
    public const string RiskContent = "risk-content.model";

    /// <summary>The second stage's weights per language (<see cref="Insight.RiskDecision"/>), written by the training tool's --risk-dev.</summary>
    public const string RiskDecision = "risk-decision.tsv";

    /// <summary>The <see cref="InsightCorpus.Hash"/> of the corpus the models were trained from.</summary>
    public const string CorpusHash = "corpus.sha256";

    /// <summary>Every model the analysis reads.</summary>
    public static IReadOnlyList<string> Models { get; } = [Utterance, Distortions, RiskLevel, Emotion, RiskContent];
}
