using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Tests.Analysis;

public sealed class RiskDecisionTests
{
    private static readonly float[] NoWeights = new float[RiskDecision.FeatureCount];

    /// <summary>A second stage that says the same whatever it reads: sure of risk (bias +10) or sure of none (-10).</summary>
    private static RiskDecision Constant(float bias) => new((bias, NoWeights), (bias, NoWeights));

    private static UtteranceInsight Deciding(float bias) => UtteranceInsight.Shipped.WithThresholds(
        UtteranceInsight.Shipped.Thresholds with { RiskDecision = 0.5, RiskDecisionKorean = 0.5 }, Constant(bias));

    [Fact]
    public void Format_ThenParse_GivesTheSameProbabilities()
    {
        float[] english = [.. Enumerable.Range(0, RiskDecision.FeatureCount).Select(i => (i - 7) / 10f)];
        float[] korean = [.. english.Select(w => -w)];
        var written = RiskDecision.Format((0.25f, english), (-1.5f, korean), "test weights");
        var decision = RiskDecision.Parse(new StringReader(written));
        var original = new RiskDecision((0.25f, english), (-1.5f, korean));

        foreach (var (text, language) in new[] { ("I'm not NOT thinking about it lol", TextLanguage.English), ("예전에 자해했었는데 지금은 괜찮아요", TextLanguage.Korean) })
        {
            var reading = UtteranceInsight.Shipped.ReadRisk(text, language);
            Assert.Equal(original.Probability(text, reading), decision.Probability(text, reading));
        }
    }

    [Theory]
    [InlineData("en\t0\t1 2 3\nko\t0\t1 2 3\n")]
    [InlineData("en\t0\n")]
    [InlineData("en\t0\t0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n")]
    public void Parse_MissingLanguageOrWeights_IsRejected(string text)
    {
        Assert.Throws<InvalidDataException>(() => RiskDecision.Parse(new StringReader(text)));
    }

    /// <summary>The markers read how a thing is said: "not NOT" is two negations, someone else is told, a joke is flagged.</summary>
    [Theory]
    [InlineData("I'm not NOT thinking about it", TextLanguage.English, 6, 2)]
    [InlineData("my brother did it and his friend too", TextLanguage.English, 8, 3)]
    [InlineData("I used to cut years ago", TextLanguage.English, 9, 2)]
    [InlineData("haha jk", TextLanguage.English, 11, 2)]
    [InlineData("the nurse asked and I said no", TextLanguage.English, 12, 2)]
    [InlineData("친구가 자해했대요", TextLanguage.Korean, 8, 1)]
    [InlineData("죽고 싶다 ㅋㅋ 농담", TextLanguage.Korean, 11, 2)]
    [InlineData("예전에 그랬는데 지금은 괜찮아요", TextLanguage.Korean, 14, 1)]
    public void Features_CountTheMarkers(string text, TextLanguage language, int feature, int expected)
    {
        var features = new float[RiskDecision.FeatureCount];
        RiskDecision.Features(text, UtteranceInsight.Shipped.ReadRisk(text, language), features);

        Assert.Equal(expected, features[feature]);
    }

    /// <summary>
    /// The second stage only adds alerts: sure of risk, it alerts on words the first stage leaves (with the whole utterance as
    /// evidence) but not on a denial the rules set aside; sure of none, it takes nothing from the rules or the first stage.
    /// </summary>
    [Fact]
    public void Risk_WithTheSecondStage_AddsAlertsWhereTheRulesSetNothingAside()
    {
        const string Ordinary = "I had pasta for lunch";

        var added = Deciding(10).Risk(Ordinary, TextLanguage.English);
        Assert.Equal(RiskLevel.None, UtteranceInsight.Shipped.WithThresholds(UtteranceInsight.Shipped.Thresholds with { RiskDecision = 0 })
            .Risk(Ordinary, TextLanguage.English).Level);
        Assert.NotEqual(RiskLevel.None, added.Level);
        Assert.Equal(Ordinary, added.Evidence?.Text);
        Assert.Equal(RiskLevel.None, Deciding(10).Risk("I would never kill myself, don't worry.", TextLanguage.English).Level);
        Assert.Equal(RiskLevel.None, Deciding(10).Risk("죽고 싶은 건 아니에요", TextLanguage.Korean).Level);
        Assert.NotEqual(RiskLevel.None, Deciding(-10).Risk("I want to kill myself", TextLanguage.English).Level);
        Assert.NotEqual(RiskLevel.None, Deciding(-10).Risk("죽고 싶어요", TextLanguage.Korean).Level);
    }

    /// <summary>The shipped weights were learned from this corpus's development folds (the file names the hash of what the risk readers learn from).</summary>
    [Fact]
    public void ShippedRiskDecision_WasLearnedFromThisCorpus()
    {
        using var reader = new StreamReader(SentenceClassifier.OpenEmbedded(ModelFiles.RiskDecision));

        Assert.Contains(InsightCorpus.RiskHash(InsightEvaluation.CorpusRoot), reader.ReadToEnd(), StringComparison.Ordinal);
    }
}
