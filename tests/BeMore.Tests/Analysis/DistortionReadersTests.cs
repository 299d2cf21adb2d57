using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Tests.Analysis;

/// <summary>
/// Korean distortions are read from the distortion model (<see cref="ModelFiles.Distortions"/>), English ones and risk in
/// both languages from the utterance model, so the writers who teach only distortions cannot move a risk reading.
/// </summary>
public sealed class DistortionReadersTests
{
    [Theory]
    [InlineData("en", ModelFiles.Utterance)]
    [InlineData("ko", ModelFiles.Distortions)]
    public void ShippedDistortions_AreTheNamedModelsReadings(string code, string file)
    {
        var language = TextLanguages.FromCode(code);
        using var model = SentenceClassifier.LoadEmbedded(file);
        using var riskLevel = SentenceClassifier.LoadEmbedded(ModelFiles.RiskLevel);
        var alone = new UtteranceInsight(model, riskLevel, UtteranceInsight.Shipped.Thresholds);
        var lines = InsightCorpus.Utterances(InsightEvaluation.CorpusRoot, code, w => w == InsightCorpus.TestWriter);

        var differing = lines.Where(l => !UtteranceInsight.Shipped.Distortions(l.Text, language).SequenceEqual(alone.Distortions(l.Text, language))).ToList();

        Assert.True(lines.Count > 300, $"{lines.Count} lines");
        Assert.Empty(differing);
    }

    [Fact]
    public void Risk_IsNeverReadFromTheDistortionModel()
    {
        using var distortions = SentenceClassifier.LoadEmbedded(ModelFiles.Distortions);
        using var utterance = SentenceClassifier.LoadEmbedded(ModelFiles.Utterance);
        using var riskLevel = SentenceClassifier.LoadEmbedded(ModelFiles.RiskLevel);
        var withDistortions = new UtteranceInsight(utterance, riskLevel, UtteranceInsight.Shipped.Thresholds, distortions: new DistortionReaders(distortions, distortions));
        var without = new UtteranceInsight(utterance, riskLevel, UtteranceInsight.Shipped.Thresholds);
        var lines = InsightCorpus.Utterances(InsightEvaluation.CorpusRoot, "ko", w => w == InsightCorpus.TestWriter);

        Assert.All(lines, l => Assert.Equal(without.ReadRisk(l.Text, TextLanguage.Korean).Probability, withDistortions.ReadRisk(l.Text, TextLanguage.Korean).Probability));
    }

    [Fact]
    public void DistortionModel_WithOtherClasses_IsRefused()
    {
        using var content = SentenceClassifier.LoadEmbedded(ModelFiles.RiskContent);
        using var utterance = SentenceClassifier.LoadEmbedded(ModelFiles.Utterance);

        var refused = Assert.Throws<ArgumentException>(() => new UtteranceInsight(utterance, utterance, new InsightThresholds(), distortions: new DistortionReaders(null, content)));

        Assert.Equal("distortions", refused.ParamName);
    }
}
