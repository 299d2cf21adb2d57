using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;

namespace BeMore.Tests.Grains;

/// <summary>The one permission object: what a session's consent and its owner's opt-ins let be produced and kept.</summary>
public sealed class AnalysisScopeTests
{
    private static readonly EmotionUpdate Emotion = new("joy", 0.5, 0.5, 0.8, []);
    private static readonly RiskAlert Risk = new(RiskLevels.High, 2, null, "call");

    [Fact]
    public void WithoutAnalysisConsent_OnlyRiskAndFactsAreProducedWhateverTheOptIns()
    {
        var scope = new AnalysisScope(new SessionConsent(Analysis: false, StoreTranscript: true), AnalysisOptIns.All, "en");

        Assert.False(scope.Permits(Emotion));
        Assert.True(scope.Permits(Risk));
        Assert.True(scope.Permits(new StatusChanged(null, SessionStatus.Active, "started")));
        Assert.Equal((false, false, false, false, false), (scope.TextEmotion, scope.Distortions, scope.FaceEmotion, scope.Voice, scope.OutsideModel));
    }

    [Fact]
    public void WithConsent_EachOptInNarrowsItsOwnAnalysisOnly()
    {
        var scope = new AnalysisScope(
            new SessionConsent(Analysis: true, StoreTranscript: true),
            new AnalysisOptIns(TextEmotion: false, FaceEmotion: true, Voice: false, Distortions: true),
            PreferredLanguage: null);

        Assert.True(scope.Permits(Emotion));
        Assert.Equal((false, true, true, false), (scope.TextEmotion, scope.Distortions, scope.FaceEmotion, scope.Voice));
        Assert.True(scope.OutsideModel);
    }

    [Fact]
    public void TranscriptNotStored_TextGoesToNoOutsideModel()
    {
        var scope = new AnalysisScope(new SessionConsent(Analysis: true, StoreTranscript: false), AnalysisOptIns.All, "ko");

        Assert.False(scope.StoreText);
        Assert.False(scope.OutsideModel);
        Assert.True(scope.TextEmotion);
    }
}
