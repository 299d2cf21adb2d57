namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// A candidate source of the risk probability, compared with the utterance model's own risk class by the training tool's
/// development sweep (<c>--risk-dev</c>): a risk-vs-rest model reading the whole text or only its <see cref="ContentWords"/>
/// (so no opening or function word can decide), optionally with a second model read only where the text holds a risk cue
/// (<see cref="RiskCues"/>), or required to agree (scaled by its factor) with the model read first. Not shipped: the
/// development rule chose the utterance model with the cue guard (README, "Live analysis accuracy").
/// </summary>
public sealed class RiskClassifier
{
    private readonly SentenceClassifier _model;
    private readonly int _risk;
    private readonly bool _contentWordsOnly;
    private readonly SentenceClassifier? _wholeTextWithCue;
    private readonly (SentenceClassifier Model, float Scale)? _agreeing;

    public RiskClassifier(SentenceClassifier model, bool contentWordsOnly, SentenceClassifier? wholeTextWithCue = null, (SentenceClassifier Model, float Scale)? agreeing = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _risk = model.IndexOf("risk");
        _contentWordsOnly = contentWordsOnly;
        _wholeTextWithCue = wholeTextWithCue;
        _agreeing = agreeing;
    }

    public float Probability(string text, TextLanguage language)
    {
        var read = _contentWordsOnly ? ContentWords.Of(text, language) : text;
        var p = read.Any(char.IsLetter) ? _model.Predict(read)[_risk] : 0f;
        if (_agreeing is { } agreeing)
        {
            var content = ContentWords.Of(text, language);
            p = Math.Min(p, content.Any(char.IsLetter) ? agreeing.Scale * agreeing.Model.Predict(content)[agreeing.Model.IndexOf("risk")] : 0f);
        }

        return _wholeTextWithCue is { } whole && RiskCues.Any(text, language)
            ? Math.Max(p, whole.Predict(text)[whole.IndexOf("risk")])
            : p;
    }
}
