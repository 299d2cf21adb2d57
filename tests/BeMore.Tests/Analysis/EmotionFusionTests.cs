using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

public sealed class EmotionFusionTests
{
    private static readonly EmotionReading HappyFace = new(EmotionLabel.Joy, 0.8, 0.6, 0.8);
    private static readonly EmotionReading CalmVoice = new(EmotionLabel.Calm, 0.4, 0.2, 0.6);
    private static readonly EmotionReading SadText = new(EmotionLabel.Sadness, -0.6, 0.3, 0.7);

    private readonly EmotionFusion fusion = new();

    [Fact]
    public void Fuse_AllSources_WeighsValenceAndArousalByDefaultWeights()
    {
        var fused = fusion.Fuse(HappyFace, CalmVoice, SadText)!;

        Assert.Equal((0.5 * 0.8) + (0.3 * 0.4) + (0.2 * -0.6), fused.Reading.Valence, 9);
        Assert.Equal((0.5 * 0.6) + (0.3 * 0.2) + (0.2 * 0.3), fused.Reading.Arousal, 9);
        Assert.Equal([EmotionSource.Face, EmotionSource.Voice, EmotionSource.Text], fused.Sources);
        Assert.Equal(EmotionLabel.Joy, fused.Reading.Label);
    }

    [Fact]
    public void Fuse_FaceAndTextOnly_RenormalizesOverThePresentWeights()
    {
        var fused = fusion.Fuse(HappyFace, null, SadText)!;

        Assert.Equal(((0.5 * 0.8) + (0.2 * -0.6)) / 0.7, fused.Reading.Valence, 9);
        Assert.Equal([EmotionSource.Face, EmotionSource.Text], fused.Sources);
    }

    [Fact]
    public void Fuse_TextOnly_IsTheTextReading()
    {
        var fused = fusion.Fuse(null, null, SadText)!;

        Assert.Equal(SadText.Label, fused.Reading.Label);
        Assert.Equal(SadText.Valence, fused.Reading.Valence, 9);
        Assert.Equal(SadText.Arousal, fused.Reading.Arousal, 9);
        Assert.Equal(SadText.Confidence, fused.Reading.Confidence, 9);
        Assert.Equal([EmotionSource.Text], fused.Sources);
    }

    [Fact]
    public void Fuse_NoSources_IsNull()
    {
        Assert.Null(fusion.Fuse(null, null, null));
    }

    [Fact]
    public void Fuse_SourcesDisagree_IsLessConfidentThanWhenTheyAgree()
    {
        var agreeing = fusion.Fuse(HappyFace, HappyFace with { Confidence = 0.6 }, HappyFace with { Confidence = 0.7 })!;
        var disagreeing = fusion.Fuse(HappyFace, CalmVoice, SadText)!;

        Assert.True(disagreeing.Reading.Confidence < agreeing.Reading.Confidence);
    }

    [Fact]
    public void Fuse_ConfiguredWeights_ChangeTheDominantSourceAndZeroWeightIsLeftOut()
    {
        var textFirst = new EmotionFusion(new EmotionFusionOptions { FaceWeight = 0, VoiceWeight = 0.2, TextWeight = 0.8 });

        var fused = textFirst.Fuse(HappyFace, CalmVoice, SadText)!;

        Assert.Equal(EmotionLabel.Sadness, fused.Reading.Label);
        Assert.Equal([EmotionSource.Voice, EmotionSource.Text], fused.Sources);
    }
}
