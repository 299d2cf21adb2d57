using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

public sealed class VoiceEmotionAnalyzerTests
{
    /// <summary>A speaker's ordinary utterances: pitch about 20 semitones (175 Hz), spread about 2, level about -25 dBFS.</summary>
    private static VoiceEmotionAnalyzer WithBaseline(double pitch = 20, double level = -25)
    {
        var analyzer = new VoiceEmotionAnalyzer();
        foreach (var (p, s, l) in new[] { (pitch, 2.0, level), (pitch + 0.6, 2.3, level + 1), (pitch - 0.5, 1.8, level - 1), (pitch + 0.2, 2.1, level + 0.5) })
        {
            analyzer.Add(p, s, l);
        }

        return analyzer;
    }

    [Fact]
    public void Add_WhileTheBaselineForms_GivesNoReading()
    {
        var analyzer = new VoiceEmotionAnalyzer();

        Assert.Null(analyzer.Add(20, 2, -25));
        Assert.Null(analyzer.Add(30, 6, -10));
        Assert.NotNull(analyzer.Add(20, 2, -25));
    }

    [Theory]
    [InlineData(20.1, 2.0, -24.8, EmotionLabel.Neutral)]
    [InlineData(23.5, 4.0, -23, EmotionLabel.Joy)]
    [InlineData(23.5, 4.0, -17, EmotionLabel.Anger)]
    [InlineData(23.5, 1.2, -22, EmotionLabel.Anxiety)]
    [InlineData(17, 1.2, -29, EmotionLabel.Sadness)]
    [InlineData(17, 3.0, -29, EmotionLabel.Calm)]
    public void Add_AgainstTheSpeakersBaseline_ReadsTheVoice(double pitch, double spread, double level, EmotionLabel expected)
    {
        var reading = WithBaseline().Add(pitch, spread, level);

        Assert.NotNull(reading);
        Assert.Equal(expected, reading.Label);
        Assert.InRange(reading.Confidence, 0.3, 0.6);
        if (expected != EmotionLabel.Neutral)
        {
            Assert.Equal(Math.Sign(EmotionPrototypes.Of(expected).Valence), Math.Sign(reading.Valence));
        }
    }

    [Fact]
    public void Add_RaisedVoice_HasMoreArousalThanALoweredOne()
    {
        var raised = WithBaseline().Add(24, 2, -18)!;
        var lowered = WithBaseline().Add(16, 2, -32)!;

        Assert.True(raised.Arousal > 0.6, $"raised {raised.Arousal}");
        Assert.True(lowered.Arousal < 0.2, $"lowered {lowered.Arousal}");
    }

    [Fact]
    public void Add_SameVoice_ReadsByTheSpeakerNotByAbsoluteLevels()
    {
        // 26 semitones and -18 dBFS is this speaker's ordinary voice, and a raised one for the speaker above.
        var highVoiced = WithBaseline(pitch: 26, level: -18).Add(26, 2, -18)!;
        var lowVoiced = WithBaseline().Add(26, 2, -18)!;

        Assert.Equal(EmotionLabel.Neutral, highVoiced.Label);
        Assert.NotEqual(EmotionLabel.Neutral, lowVoiced.Label);
    }

    [Fact]
    public void Add_VeryStrongChange_StaysBelowTheConfidenceCeiling()
    {
        var reading = WithBaseline().Add(40, 9, 0)!;

        Assert.Equal(0.6, reading.Confidence);
        Assert.InRange(reading.Arousal, 0, 1);
        Assert.InRange(reading.Valence, -1, 1);
    }
}
