using System.Text.RegularExpressions;
using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Sessions;

namespace BeMore.Tests.Grains;

/// <summary>The live analysis alone: what each input adds, when held interventions go out, refinements, throttles and rollups.</summary>
public sealed class LiveAnalysisTests
{
    private const string Distorted = "I always ruin everything I touch.";
    private const long SegmentSeq = 7;

    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly CounselingSessionOptions Options = new();

    [Fact]
    public void OnTranscript_RiskWithoutAnalysisConsent_AlertsAndFindsNothingElse()
    {
        var analysis = new LiveAnalysis(Options);

        var produced = analysis.OnTranscript(SegmentSeq, "I want to kill myself. " + Distorted, "en", Scope(analysis: false), T0, refine: false);

        var alert = Assert.IsType<RiskAlert>(Assert.Single(produced));
        Assert.Equal(SegmentSeq, alert.SegmentSeq);
        Assert.Equal(Options.CrisisLineIn("en"), alert.CrisisLine);
    }

    [Theory]
    [InlineData("I want to kill myself.", "en", null, "local emergency number")]
    [InlineData("죽고 싶어요. 다 끝내고 싶어요.", "ko", null, "119에 전화해")]
    [InlineData("I want to kill myself.", "en", "ko", "119에 전화해")]
    public void OnTranscript_Risk_CarriesTheCrisisLineInTheLanguageThePersonIsAddressedIn(string text, string language, string? preferred, string expected)
    {
        var analysis = new LiveAnalysis(Options);

        var produced = analysis.OnTranscript(SegmentSeq, text, language, Scope(analysis: false) with { PreferredLanguage = preferred }, T0, refine: false);

        var alert = Assert.IsType<RiskAlert>(Assert.Single(produced));
        Assert.Contains(expected, alert.CrisisLine, StringComparison.Ordinal);
    }

    [Fact]
    public void OnTranscript_Risk_CarriesTheOperatorsCrisisLineForThatLanguage()
    {
        var options = new CounselingSessionOptions { CrisisLine = "Call 988 now.", CrisisLineKorean = "지금 1393에 전화해 주세요." };
        var onlyEnglish = new CounselingSessionOptions { CrisisLine = "Call 988 now." };

        var korean = new LiveAnalysis(options).OnTranscript(SegmentSeq, "죽고 싶어요.", "ko", Scope(analysis: false), T0, refine: false);
        var english = new LiveAnalysis(options).OnTranscript(SegmentSeq, "I want to kill myself.", "en", Scope(analysis: false), T0, refine: false);
        var fallback = new LiveAnalysis(onlyEnglish).OnTranscript(SegmentSeq, "죽고 싶어요.", "ko", Scope(analysis: false), T0, refine: false);

        Assert.Equal("지금 1393에 전화해 주세요.", Assert.IsType<RiskAlert>(Assert.Single(korean)).CrisisLine);
        Assert.Equal("Call 988 now.", Assert.IsType<RiskAlert>(Assert.Single(english)).CrisisLine);
        Assert.Equal("Call 988 now.", Assert.IsType<RiskAlert>(Assert.Single(fallback)).CrisisLine);
    }

    [Fact]
    public void OnTranscript_DistortionWhileSilent_FindsItAndOffersQuestionAndTaskAtOnce()
    {
        var analysis = new LiveAnalysis(Options);

        var produced = analysis.OnTranscript(SegmentSeq, Distorted, "en", Scope(analysis: true), T0, refine: false);

        Assert.Contains(produced, data => data is DistortionDetected { SegmentSeq: SegmentSeq });
        Assert.Equal(["question", "task"], produced.OfType<CbtIntervention>().Select(i => i.Kind));
        Assert.All(produced.OfType<CbtIntervention>(), i => Assert.Equal(SegmentSeq, i.ForSeq));
        Assert.Single(produced.OfType<EmotionUpdate>());
    }

    [Fact]
    public void TextEmotionOf_TheLatestSegment_IsTheReadingItsEmotionUpdateCarried()
    {
        var analysis = new LiveAnalysis(Options);
        var withheld = new LiveAnalysis(Options);

        var produced = analysis.OnTranscript(SegmentSeq, "I am so happy and grateful today.", "en", Scope(analysis: true), T0, refine: false);
        analysis.OnTranscript(SegmentSeq + 1, Distorted, "en", Scope(analysis: true), T0.AddMinutes(1), refine: false);
        withheld.OnTranscript(SegmentSeq, "I am so happy and grateful today.", "en", Scope(analysis: false), T0, refine: false);

        var update = Assert.Single(produced.OfType<EmotionUpdate>());
        Assert.Null(analysis.TextEmotionOf(SegmentSeq));
        Assert.NotNull(analysis.TextEmotionOf(SegmentSeq + 1));
        Assert.Null(withheld.TextEmotionOf(SegmentSeq));
        var again = new LiveAnalysis(Options);
        again.OnTranscript(SegmentSeq, "I am so happy and grateful today.", "en", Scope(analysis: true), T0, refine: false);
        Assert.Equal(update.Label, again.TextEmotionOf(SegmentSeq)?.Label.ToString().ToLowerInvariant());
    }

    [Fact]
    public void OnTranscript_WhileTheUserSpeaks_HoldsTheInterventionUntilTheirPause()
    {
        var analysis = new LiveAnalysis(Options);
        analysis.OnVoiceActivity([Vad(speaking: true, atMs: 0)], T0);

        var whileSpeaking = analysis.OnTranscript(SegmentSeq, Distorted, "en", Scope(analysis: true), T0, refine: false);
        var atThePause = analysis.OnVoiceActivity([Vad(speaking: false, atMs: 2000)], T0.AddSeconds(2));

        Assert.Empty(whileSpeaking.OfType<CbtIntervention>());
        Assert.Equal(["question", "task"], atThePause.OfType<CbtIntervention>().Select(i => i.Kind));
    }

    [Fact]
    public void ApplyRefinement_QuestionForTheHeldIntervention_DeliversTheRefinedQuestionOnce()
    {
        var analysis = new LiveAnalysis(Options);
        var held = analysis.OnTranscript(SegmentSeq, Distorted, "en", Scope(analysis: true), T0, refine: true);
        var requests = analysis.TakeRefinementRequests();

        var refined = analysis.ApplyRefinement(new RefinementResult(RefinementKind.SocraticQuestion, SegmentSeq, SegmentSeq, "What else could be true?"), T0);
        var late = analysis.ApplyRefinement(new RefinementResult(RefinementKind.SocraticQuestion, SegmentSeq, SegmentSeq, "Again?"), T0);

        Assert.Empty(held.OfType<CbtIntervention>());
        Assert.Equal(new HashSet<RefinementKind> { RefinementKind.SocraticQuestion, RefinementKind.EmotionLabel }, requests.Select(r => r.Kind).ToHashSet());
        Assert.Empty(analysis.TakeRefinementRequests());
        var question = Assert.Single(refined.OfType<CbtIntervention>(), i => i.Kind == "question");
        Assert.Equal(("What else could be true?", CbtIntervention.FromLlm), (question.Text, question.Source));
        Assert.Empty(late);
    }

    [Fact]
    public void OnTick_RefinementPastItsDeadline_DeliversTheCatalogQuestion()
    {
        var analysis = new LiveAnalysis(Options);
        analysis.OnTranscript(SegmentSeq, Distorted, "en", Scope(analysis: true), T0, refine: true);
        var deadline = TimeSpan.FromSeconds(20);

        var beforeDeadline = analysis.OnTick(T0.AddSeconds(19), deadline);
        var afterDeadline = analysis.OnTick(T0.AddSeconds(20), deadline);

        Assert.Empty(beforeDeadline.OfType<CbtIntervention>());
        var question = Assert.Single(afterDeadline.OfType<CbtIntervention>(), i => i.Kind == "question");
        Assert.Equal(CbtIntervention.FromCatalog, question.Source);
    }

    [Fact]
    public void TakeEmotionUpdate_WithinTheInterval_WaitsButTheEndFlushesIt()
    {
        var analysis = new LiveAnalysis(Options);
        analysis.OnTranscript(1, "I am so happy and grateful today!", "en", Scope(analysis: true), T0, refine: false);
        analysis.OnTranscript(2, "I am furious and so angry at him.", "en", Scope(analysis: true), T0.AddSeconds(1), refine: false);

        var throttled = analysis.TakeEmotionUpdate(T0.AddSeconds(2));
        var flushed = analysis.FlushEmotionUpdate(T0.AddSeconds(2));

        Assert.Null(throttled);
        Assert.NotNull(flushed);
        Assert.Null(analysis.FlushEmotionUpdate(T0.AddSeconds(3)));
    }

    [Fact]
    public void TakeRollup_AfterInputAndTheInterval_SummarisesOnceWithTheSpeechRatio()
    {
        var analysis = new LiveAnalysis(Options);
        analysis.StartRollups(T0);
        var aggregates = new SessionAggregates { UtteranceCount = 1, RiskLevel = RiskLevels.Elevated };

        var beforeInput = analysis.TakeRollup(T0 + Options.AnalysisResultInterval, aggregates);
        analysis.OnVoiceActivity([Vad(speaking: true, atMs: 0), Vad(speaking: false, atMs: 3000), Vad(speaking: false, atMs: 4000)], T0);
        var tooSoon = analysis.TakeRollup(T0 + Options.AnalysisResultInterval - TimeSpan.FromSeconds(1), aggregates);
        var due = analysis.TakeRollup(T0 + Options.AnalysisResultInterval, aggregates);
        var nothingNew = analysis.TakeRollup(T0 + (Options.AnalysisResultInterval * 3), aggregates);

        Assert.Null(beforeInput);
        Assert.Null(tooSoon);
        Assert.NotNull(due);
        Assert.Equal((0.75, 1, RiskLevels.Elevated), (due.SpeechRatio!.Value, due.UtteranceCount, due.RiskLevel));
        Assert.Null(nothingNew);
    }

    [Fact]
    public void OnTranscript_RiskCheckTimesOutTwice_SaysSoReadsTheRestAndOffersNoExercise()
    {
        var read = new LiveAnalysis(Options).OnTranscript(SegmentSeq, Distorted, "en", Scope(analysis: true), T0, refine: false);
        var analysis = new LiveAnalysis(Options, TextReaders.Shipped() with { Risk = (_, _) => throw MatchTimeout() });

        var produced = analysis.OnTranscript(SegmentSeq, Distorted, "en", Scope(analysis: true), T0, refine: false);

        var issue = Assert.Single(produced.OfType<ProcessingIssue>());
        Assert.Equal((ProcessingIssueKinds.AnalysisIncomplete, TextReaders.RiskPart), (issue.Kind, issue.Detail));
        Assert.True(TextReaders.RiskUnread(produced));
        Assert.False(TextReaders.RiskUnread(read));
        Assert.Contains(produced, e => e is DistortionDetected);
        Assert.Contains(produced, e => e is EmotionUpdate);
        Assert.Contains(read, e => e is CbtIntervention);
        Assert.DoesNotContain(produced, e => e is CbtIntervention);
    }

    [Fact]
    public void OnTranscript_DistortionsAndEmotionTimeOutTwice_TheRiskAlertStillGoesOut()
    {
        var shipped = TextReaders.Shipped();
        var analysis = new LiveAnalysis(Options, shipped with { Distortions = (_, _) => throw MatchTimeout(), Emotion = (_, _) => throw MatchTimeout() });

        var produced = analysis.OnTranscript(SegmentSeq, "I want to kill myself. " + Distorted, "en", Scope(analysis: true), T0, refine: false);

        Assert.Single(produced.OfType<RiskAlert>());
        Assert.Equal(
            [TextReaders.DistortionsPart, TextReaders.EmotionPart],
            produced.OfType<ProcessingIssue>().Where(i => i.Kind == ProcessingIssueKinds.AnalysisIncomplete).Select(i => i.Detail));
        Assert.DoesNotContain(produced, e => e is DistortionDetected or EmotionUpdate);
        Assert.Null(analysis.TextEmotionOf(SegmentSeq));
    }

    /// <summary>A runtime fault in a reader, as .NET 10.0.12's compiled regex engine threw on one pattern and text.</summary>
    [Fact]
    public void OnTranscript_RiskReaderFails_SaysSoReadsTheRestAndTellsWhyWithoutTheText()
    {
        var analysis = new LiveAnalysis(Options, TextReaders.Shipped() with { Risk = (_, _) => Array.Empty<RiskAssessment>()[0] });

        var produced = analysis.OnTranscript(SegmentSeq, Distorted, "en", Scope(analysis: true), T0, refine: false);
        var unread = analysis.TakeUnreadParts();

        var issue = Assert.Single(produced.OfType<ProcessingIssue>());
        Assert.Equal((ProcessingIssueKinds.AnalysisIncomplete, TextReaders.RiskPart), (issue.Kind, issue.Detail));
        Assert.True(TextReaders.RiskUnread(produced));
        Assert.Contains(produced, e => e is DistortionDetected);
        Assert.DoesNotContain(produced, e => e is CbtIntervention);
        Assert.Equal([new UnreadPart(TextReaders.RiskPart, nameof(IndexOutOfRangeException))], unread);
        Assert.Empty(analysis.TakeUnreadParts());
    }

    private static RegexMatchTimeoutException MatchTimeout() => new("text", "pattern", TimeSpan.FromSeconds(2));

    private static AnalysisScope Scope(bool analysis) =>
        new CounselingSessionState { Consent = new SessionConsent(analysis, StoreTranscript: true), OptIns = AnalysisOptIns.All }.Scope;

    private static VadUpdate Vad(bool speaking, long atMs) => new(speaking, atMs, 0, 0, -30, 0);
}
