using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

public sealed class TextEmotionAnalyzerTests
{
    private readonly TextEmotionAnalyzer analyzer = new();

    [Theory]
    [InlineData("I am so happy today!", EmotionLabel.Joy)]
    [InlineData("I feel calm and relaxed after the walk.", EmotionLabel.Calm)]
    [InlineData("I'm really anxious about the exam.", EmotionLabel.Anxiety)]
    [InlineData("I've been so sad and lonely lately.", EmotionLabel.Sadness)]
    [InlineData("I'm furious with him.", EmotionLabel.Anger)]
    [InlineData("I went to the library with my sister.", EmotionLabel.Neutral)]
    [InlineData("오늘 정말 행복했어요", EmotionLabel.Joy)]
    [InlineData("마음이 편안해요", EmotionLabel.Calm)]
    [InlineData("시험 때문에 너무 불안해요", EmotionLabel.Anxiety)]
    [InlineData("너무 슬퍼서 눈물이 났어", EmotionLabel.Sadness)]
    [InlineData("동생 때문에 화가 나요", EmotionLabel.Anger)]
    [InlineData("오늘 도서관에 갔어요", EmotionLabel.Neutral)]
    public void Analyze_TypicalSentence_GivesExpectedLabel(string text, EmotionLabel expected)
    {
        Assert.Equal(expected, analyzer.Analyze(text).Label);
    }

    /// <summary>
    /// Emoji are surrogate pairs the models never learned (the training tool leaves them out): chat text with them reads
    /// by its words, and an emoji alone reads as no evidence rather than failing.
    /// </summary>
    [Theory]
    [InlineData("I am so happy today! 😀😀", EmotionLabel.Joy)]
    [InlineData("시험 때문에 너무 불안해요 😰", EmotionLabel.Anxiety)]
    [InlineData("🙂", EmotionLabel.Neutral)]
    public void Analyze_TextWithEmoji_ReadsTheWordsAroundThem(string text, EmotionLabel expected)
    {
        Assert.Equal(expected, analyzer.Analyze(text).Label);
    }

    /// <summary>
    /// "content" (what a folder holds) is not the lexicon's "contented": read by the lexicon alone, a sentence without
    /// emotion words has no evidence. (The trained classifier may still read a mood into it; the corpus evaluation measures that.)
    /// </summary>
    [Fact]
    public void Analyze_WordThatOnlyLooksLikeAnEmotionWord_GivesTheLexiconNoEvidence()
    {
        var lexiconOnly = new TextEmotionAnalyzer(new TextEmotionOptions { ClassifierAlone = 1.01 });

        Assert.Equal(EmotionReading.NoEvidence, lexiconOnly.Analyze("I fed the cat, sat down and read the content of the blue folder."));
    }

    [Theory]
    [InlineData("I want to kill myself.", TextLanguage.English)]
    [InlineData("Everyone would be better off without me.", TextLanguage.English)]
    [InlineData("I've been giving my things away, I won't need them.", TextLanguage.English)]
    [InlineData("죽고 싶어", TextLanguage.Korean)]
    [InlineData("내가 없어지면 다들 편할 거야", TextLanguage.Korean)]
    public void Analyze_RiskOrHopelessStatement_ReadsAsSadnessOrAnxietyNotNeutral(string text, TextLanguage language)
    {
        var reading = analyzer.Analyze(text, language);

        Assert.True(reading.Label is EmotionLabel.Sadness or EmotionLabel.Anxiety, $"{reading.Label}");
        Assert.True(reading.Valence < 0, $"{reading.Valence}");
    }

    [Theory]
    [InlineData("I'm not happy with my life.", EmotionLabel.Sadness)]
    [InlineData("I don't feel anxious at all now.", EmotionLabel.Calm)]
    [InlineData("행복하지 않아", EmotionLabel.Sadness)]
    [InlineData("이제 걱정 없어요", EmotionLabel.Calm)]
    [InlineData("슬프진 않아", EmotionLabel.Calm)]
    [InlineData("안 괜찮아", EmotionLabel.Anxiety)]
    public void Analyze_NegatedEmotionWord_CountsForTheOpposite(string text, EmotionLabel expected)
    {
        Assert.Equal(expected, analyzer.Analyze(text).Label);
    }

    [Fact]
    public void Analyze_NegationInEarlierClause_DoesNotReachTheEmotionWord()
    {
        Assert.Equal(EmotionLabel.Joy, analyzer.Analyze("No, I'm happy.").Label);
    }

    [Theory]
    [InlineData("I'm anxious.", "I'm extremely anxious.")]
    [InlineData("I'm slightly worried.", "I'm worried.")]
    [InlineData("짜증나", "짜증나 죽겠어")]
    [InlineData("조금 우울해", "정말 우울해")]
    public void Analyze_IntensifiedText_IsMoreConfidentThanWeaker(string weaker, string stronger)
    {
        Assert.True(analyzer.Analyze(stronger).Confidence > analyzer.Analyze(weaker).Confidence);
    }

    [Theory]
    [InlineData("불안해")]
    [InlineData("불안했는데")]
    [InlineData("불안감이 커요")]
    [InlineData("불안하다고")]
    public void Analyze_KoreanParticlesAndEndings_MatchTheSameStem(string text)
    {
        Assert.Equal(EmotionLabel.Anxiety, analyzer.Analyze(text, TextLanguage.Korean).Label);
    }

    [Fact]
    public void Analyze_KoreanWordThatMerelyContainsNegator_IsNotNegation()
    {
        Assert.Equal(EmotionLabel.Calm, analyzer.Analyze("안심이 돼요").Label);
    }

    [Fact]
    public void Analyze_PositiveAndNegativeText_HaveValenceOfMatchingSignWithinRange()
    {
        var joy = analyzer.Analyze("What a wonderful, happy day");
        var anger = analyzer.Analyze("I hate this, I'm so angry");

        Assert.InRange(joy.Valence, 0.3, 1);
        Assert.InRange(anger.Valence, -1, -0.3);
        Assert.True(anger.Arousal > joy.Arousal);
        Assert.InRange(anger.Confidence, 0, 1);
    }

    [Fact]
    public void Analyze_NoEmotionWords_IsNeutralWithLowConfidence()
    {
        var reading = analyzer.Analyze("See you tomorrow.");

        Assert.Equal(EmotionReading.NoEvidence, reading);
        Assert.True(reading.Confidence < 0.5);
    }

    [Fact]
    public void Analyze_MixedEmotions_LabelsTheDominantOneWithLowerConfidence()
    {
        var mixed = analyzer.Analyze("I was sad but now I'm happy and excited.");
        var pure = analyzer.Analyze("I'm happy and excited.");

        Assert.Equal(EmotionLabel.Joy, mixed.Label);
        Assert.True(mixed.Confidence < pure.Confidence);
    }

    [Fact]
    public void Analyze_ExclamationMarks_RaiseArousal()
    {
        Assert.True(analyzer.Analyze("I'm angry!!!").Arousal > analyzer.Analyze("I'm angry.").Arousal);
    }
}
