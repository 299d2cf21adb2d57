using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

public sealed class FaceEmotionAnalyzerTests
{
    private static readonly FaceEmotionOptions Options = new() { BaselineFrames = 10, SmoothingFactor = 0.3 };

    private static FaceEmotionAnalyzer Calibrated(SyntheticFace neutral)
    {
        var analyzer = new FaceEmotionAnalyzer(Options);
        for (var i = 0; i < Options.BaselineFrames; i++)
        {
            Assert.Null(analyzer.AddFrame(neutral.Frame));
        }

        Assert.True(analyzer.IsCalibrated);
        return analyzer;
    }

    private static EmotionReading Hold(FaceEmotionAnalyzer analyzer, SyntheticFace face, int frames = 15)
    {
        EmotionReading? reading = null;
        for (var i = 0; i < frames; i++)
        {
            reading = analyzer.AddFrame(face.Frame);
        }

        return reading!;
    }

    public static TheoryData<string, EmotionLabel> Expressions => new()
    {
        { "smile", EmotionLabel.Joy },
        { "frown", EmotionLabel.Sadness },
        { "scowl", EmotionLabel.Anger },
        { "fear", EmotionLabel.Anxiety },
    };

    private static SyntheticFace Express(SyntheticFace neutral, string expression) => expression switch
    {
        "smile" => neutral.Smile(),
        "frown" => neutral.Frown(),
        "scowl" => neutral.Scowl(),
        _ => neutral.Fear(),
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void AddFrame_HeldExpression_GivesItsLabel(string expression, EmotionLabel expected)
    {
        var neutral = SyntheticFace.Neutral();
        var analyzer = Calibrated(neutral);

        var reading = Hold(analyzer, Express(neutral, expression));

        Assert.Equal(expected, reading.Label);
        Assert.InRange(reading.Confidence, 0.35, 0.95);
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    public void AddFrame_SameExpressionSmallerAndShiftedFace_GivesSameLabel(string expression, EmotionLabel expected)
    {
        var neutral = SyntheticFace.Neutral(centreX: 0.3, centreY: 0.6, size: 0.08);
        var analyzer = Calibrated(neutral);

        Assert.Equal(expected, Hold(analyzer, Express(neutral, expression)).Label);
    }

    [Fact]
    public void AddFrame_NeutralAfterBaseline_IsNeutral()
    {
        var neutral = SyntheticFace.Neutral();
        var analyzer = Calibrated(neutral);

        Assert.Equal(EmotionLabel.Neutral, Hold(analyzer, neutral).Label);
    }

    [Fact]
    public void AddFrame_FaintSmileOnStillFace_IsCalm()
    {
        var neutral = SyntheticFace.Neutral();
        var analyzer = Calibrated(neutral);

        var reading = Hold(analyzer, neutral.Smile(0.02));

        Assert.Equal(EmotionLabel.Calm, reading.Label);
        Assert.True(reading.Valence > 0);
    }

    [Fact]
    public void AddFrame_DownturnedRestingMouth_IsNeutralBecauseBaselineIsThePersonsOwn()
    {
        var droopy = SyntheticFace.Neutral(restingMouthLift: -0.08);
        var analyzer = Calibrated(droopy);

        Assert.Equal(EmotionLabel.Neutral, Hold(analyzer, droopy).Label);
        Assert.Equal(EmotionLabel.Joy, Hold(analyzer, droopy.Smile()).Label);
    }

    [Fact]
    public void AddFrame_SingleSmileFrame_IsSmoothedBelowJoyUntilHeld()
    {
        var neutral = SyntheticFace.Neutral();
        var analyzer = Calibrated(neutral);
        Hold(analyzer, neutral, frames: 5);

        var afterOne = analyzer.AddFrame(neutral.Smile().Frame)!;
        var afterMany = Hold(analyzer, neutral.Smile());

        Assert.NotEqual(EmotionLabel.Joy, afterOne.Label);
        Assert.Equal(EmotionLabel.Joy, afterMany.Label);
    }

    [Fact]
    public void AddFrame_StrongerSmile_HasHigherValence()
    {
        var neutral = SyntheticFace.Neutral();

        var slight = Hold(Calibrated(neutral), neutral.Smile(0.07));
        var broad = Hold(Calibrated(neutral), neutral.Smile(0.2));

        Assert.True(broad.Valence > slight.Valence);
        Assert.True(broad.Valence > 0);
    }

    [Fact]
    public void AddFrame_DuringBaseline_ReturnsNull()
    {
        var analyzer = new FaceEmotionAnalyzer(Options);

        Assert.Null(analyzer.AddFrame(SyntheticFace.Neutral().Smile().Frame));
        Assert.False(analyzer.IsCalibrated);
    }

    [Fact]
    public void AddFrame_DegenerateFrame_IsIgnoredAndKeepsCurrentReading()
    {
        var neutral = SyntheticFace.Neutral();
        var analyzer = Calibrated(neutral);
        var before = Hold(analyzer, neutral.Scowl());

        var after = analyzer.AddFrame(new LandmarkPoint[FaceMeshLandmarks.Count]);

        Assert.Equal(before, after);
    }

    [Fact]
    public void AddFrame_TooFewPoints_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FaceEmotionAnalyzer().AddFrame(new LandmarkPoint[100]));
    }

    [Fact]
    public void Measure_Smile_RaisesMouthCornerLiftOnly()
    {
        var neutral = FaceGeometry.Measure(SyntheticFace.Neutral().Frame)!.Value;
        var smile = FaceGeometry.Measure(SyntheticFace.Neutral().Smile().Frame)!.Value;

        Assert.True(smile.MouthCornerLift - neutral.MouthCornerLift > 0.05);
        Assert.Equal(neutral.BrowRaise, smile.BrowRaise, 9);
        Assert.Equal(neutral.InnerBrowGap, smile.InnerBrowGap, 9);
        Assert.Equal(neutral.EyeOpenness, smile.EyeOpenness, 9);
    }

    [Fact]
    public void Measure_Fear_RaisesBrowsAndOpensEyes()
    {
        var neutral = FaceGeometry.Measure(SyntheticFace.Neutral().Frame)!.Value;
        var fear = FaceGeometry.Measure(SyntheticFace.Neutral().Fear().Frame)!.Value;

        Assert.True(fear.BrowRaise > neutral.BrowRaise);
        Assert.True(fear.EyeOpenness > neutral.EyeOpenness);
    }

    [Fact]
    public void Measure_Scowl_NarrowsTheInnerBrowGap()
    {
        var neutral = FaceGeometry.Measure(SyntheticFace.Neutral().Frame)!.Value;
        var scowl = FaceGeometry.Measure(SyntheticFace.Neutral().Scowl().Frame)!.Value;

        Assert.True(scowl.InnerBrowGap < neutral.InnerBrowGap);
    }
}
