namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// A candidate source of the risk probability, compared with the utterance model's own risk class by the training tool's
/// development sweep (<c>--risk-dev</c>): a risk-vs-rest model reading the whole text or only its <see cref="ContentWords"/>
/// (so no opening or function word can decide), optionally with a second model read only where the text holds a risk cue
/// (<see cref="RiskCues"/>), or required to agree (scaled by its factor) with the model read first. Shipped for English:
/// the utterance model and the content-words model agreeing (README, "Live analysis accuracy"); Korean keeps the
/// utterance model's own risk class.
/// </summary>
public sealed class RiskClassifier
{
    private readonly SentenceClassifier _model;
    private readonly int _risk;
    private readonly bool _contentWordsOnly;
    private readonly SentenceClassifier? _wholeTextWithCue;
    private readonly (SentenceClassifier Model, float Scale)? _agreeing;
    private readonly float _agreeingFrom;

    /// <param name="agreeingFrom">
    /// The agreeing model is read only where the first model says at least this: below any threshold the smaller of the
    /// two cannot alert, so a shipped reader skips the second model on most sentences (0: always read, for the sweeps).
    /// </param>
    public RiskClassifier(
        SentenceClassifier model, bool contentWordsOnly, SentenceClassifier? wholeTextWithCue = null,
        (SentenceClassifier Model, float Scale)? agreeing = null, float agreeingFrom = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _risk = model.IndexOf("risk");
        _contentWordsOnly = contentWordsOnly;
        _wholeTextWithCue = wholeTextWithCue;
        _agreeing = agreeing;
        _agreeingFrom = agreeingFrom;
    }

    public float Probability(string text, TextLanguage language)
    {
        var read = _contentWordsOnly ? ContentWords.Of(text, language) : text;
        var p = read.Any(char.IsLetter) ? _model.Predict(read)[_risk] : 0f;
        if (_agreeing is { } agreeing && p >= _agreeingFrom)
        {
            var content = ContentWords.Of(text, language);
            p = Math.Min(p, content.Any(char.IsLetter) ? agreeing.Scale * agreeing.Model.Predict(content)[agreeing.Model.IndexOf("risk")] : 0f);
        }

        return _wholeTextWithCue is { } whole && RiskCues.Any(text, language)
            ? Math.Max(p, whole.Predict(text)[whole.IndexOf("risk")])
            : p;
    }
}

/// <summary>The risk reader of each language; null reads the utterance model's own risk class.</summary>
public sealed record RiskReaders(RiskClassifier? English, RiskClassifier? Korean)
{
    public static RiskReaders Both(RiskClassifier? reader) => new(reader, reader);

    public RiskClassifier? For(TextLanguage language) => language == TextLanguage.Korean ? Korean : English;
}
