using BeMore.Grains.Abstractions.Counseling;
using BeMore.Domain.Analysis;
using BeMore.Grains.Counseling;
using BeMore.Grains.Sessions;

namespace BeMore.Tests.Counseling;

/// <summary>The local composer: a person's short turn, in the user's language, never repeating itself within a session.</summary>
public sealed class LocalReplyComposerTests
{
    private const string CrisisLine = "Call 109 now.";

    /// <summary>
    /// Ten replies to the same thought: none repeats within six turns, and the catalog's questions come at most two in a row before a turn
    /// that only listens (a reviewer counted four challenges in a row as a checklist).
    /// </summary>
    [Theory]
    [InlineData(TextLanguage.English)]
    [InlineData(TextLanguage.Korean)]
    public void TenRepliesToTheSameThought_DoNotRepeatWithinSixTurns_AndChallengeAtMostTwiceInARow(TextLanguage language)
    {
        var composer = new LocalReplyComposer(seed: 7);
        var catalog = InterventionCatalog.Questions(DistortionType.Overgeneralization, language);
        var pauses = LocalReplyTexts.Pauses.Select(p => p.In(language.ToCode())).ToList();

        var replies = Enumerable.Range(0, 10).Select(_ => composer.Compose(language, "sadness", DistortionType.Overgeneralization)).ToList();
        var challenges = replies.Select(reply => catalog.Any(q => reply.EndsWith(q, StringComparison.Ordinal))).ToList();

        Assert.All(Enumerable.Range(0, replies.Count - 5), i => Assert.Equal(6, replies.Skip(i).Take(6).Distinct(StringComparer.Ordinal).Count()));
        Assert.Equal([true, true, false, true, true, false, true, true, false, true], challenges);
        Assert.All(replies.Where((_, i) => !challenges[i]), reply => Assert.Contains(pauses, p => reply.EndsWith(p, StringComparison.Ordinal)));
        Assert.All(replies, reply => Assert.InRange(reply.Split(['.', '?', '!'], StringSplitOptions.RemoveEmptyEntries).Length, 2, 4));
    }

    [Fact]
    public void NoAnalysis_GivesAnOpenQuestionWithoutNamingAnything()
    {
        var reply = new LocalReplyComposer().Compose(TextLanguage.English, emotion: null, distortion: null);

        Assert.Contains(LocalReplyTextsProbe.OpenQuestions(TextLanguage.English), q => reply.EndsWith(q, StringComparison.Ordinal));
    }

    [Fact]
    public void GoodNews_IsMetWithGladness_ButNotWhenAHarshThoughtCameWithIt()
    {
        var composer = new LocalReplyComposer();

        var glad = composer.Compose(TextLanguage.English, "joy", distortion: null);
        var harsh = composer.Compose(TextLanguage.English, "joy", DistortionType.AllOrNothing);

        Assert.Matches("good to hear|bright spot|glad", glad);
        Assert.DoesNotMatch("good to hear|bright spot|glad", harsh);
    }

    [Theory]
    [InlineData("en", "I'm really glad you told me", "are you thinking about ending your life?")]
    [InlineData("ko", "이야기해 주셔서 정말 고마워요", "생각하고 계세요?")]
    public void RiskTurn_GivesTheFixedSafetyReplyWithTheCrisisLineItWasGiven(string language, string opening, string question)
    {
        var turn = RiskTurn(language);

        var reply = new LocalReplyComposer().Compose(turn);

        Assert.Contains(CrisisLine, reply, StringComparison.Ordinal);
        Assert.StartsWith(opening, reply, StringComparison.Ordinal);
        Assert.EndsWith(question, reply, StringComparison.Ordinal);
        Assert.Equal(reply, new LocalReplyComposer(seed: 99).Compose(turn));
    }

    /// <summary>
    /// A person who says it again has heard the first reply already: the next does not paste it again, it goes on to
    /// the next question of a risk screen, still with the crisis line. The method is asked only after a statement of a
    /// plan, means or an act, and not before the third reply: an alert on a harmless remark must not be met with it.
    /// </summary>
    [Theory]
    [InlineData("en", "ideation", -1)]
    [InlineData("ko", "ideation", -1)]
    [InlineData("en", null, -1)]
    [InlineData("en", "plan_means", 2)]
    [InlineData("ko", "act", 2)]
    public void LaterRiskTurns_AskTheNextSafetyQuestion_AndTheMethodOnlyAfterAPlan(string language, string? severity, int methodAt)
    {
        var composer = new LocalReplyComposer();

        var replies = Enumerable.Range(0, 4).Select(i => composer.Compose(RiskTurn(language) with { SegmentSeq = 2 + i, RiskSeverity = severity })).ToList();

        Assert.Equal(4, replies.Distinct(StringComparer.Ordinal).Count());
        Assert.All(replies, reply => Assert.Contains(CrisisLine, reply, StringComparison.Ordinal));
        var method = language == "en" ? "how you might do it" : "방법";
        Assert.Equal(methodAt, replies.FindIndex(reply => reply.Contains(method, StringComparison.Ordinal)));
    }

    /// <summary>
    /// An elevated alert of ideation (the detector less sure) is not thanked for as a disclosure: the reply names the
    /// possibility and asks whether it is so, with the crisis line; a high alert or one naming a plan gets the first reply.
    /// </summary>
    [Theory]
    [InlineData("en", "elevated", "ideation", true)]
    [InlineData("ko", "elevated", null, true)]
    [InlineData("en", "elevated", "plan_means", false)]
    [InlineData("ko", "high", "ideation", false)]
    public void ElevatedIdeation_AsksWhetherItIsSo_InsteadOfThankingForADisclosure(string language, string level, string? severity, bool unsure)
    {
        var reply = new LocalReplyComposer().Compose(RiskTurn(language) with { RiskLevel = level, RiskSeverity = severity });

        Assert.Contains(CrisisLine, reply, StringComparison.Ordinal);
        Assert.Equal(unsure, reply.StartsWith(SafetyTexts.ReplyWhenUnsure.In(language), StringComparison.Ordinal));
        Assert.Equal(unsure, reply.EndsWith(SafetyTexts.QuestionWhenUnsure.In(language), StringComparison.Ordinal));
        Assert.Equal(!unsure, reply.StartsWith(SafetyTexts.Reply.In(language), StringComparison.Ordinal));
    }

    /// <summary>
    /// The turn after a risk statement that raises no alert itself ("I honestly couldn't bear it") is not answered with
    /// a thinking-pattern challenge: the counselor comes back to safety first, once, then the conversation goes on.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void TurnAfterARiskAlert_ComesBackToSafetyOnce_BeforeTheConversationGoesOn(string language)
    {
        var composer = new LocalReplyComposer();
        var ordinary = RiskTurn(language) with { RiskRaised = false, RiskInSession = true, Distortion = "catastrophizing" };
        var catalog = InterventionCatalog.Questions(DistortionType.Catastrophizing, TextLanguages.FromCode(language));

        var checkedIn = composer.Compose(ordinary);
        var next = composer.Compose(ordinary with { SegmentSeq = 6 });

        Assert.Contains(SafetyTexts.CheckIns, c => checkedIn.EndsWith(c.In(language), StringComparison.Ordinal));
        Assert.DoesNotContain(catalog, q => checkedIn.Contains(q, StringComparison.Ordinal));
        Assert.Contains(catalog, q => next.EndsWith(q, StringComparison.Ordinal));
    }

    [Fact]
    public void CheckInsAfterSeveralAlerts_AreNotWordForWordTheSame()
    {
        var composer = new LocalReplyComposer();
        var ordinary = RiskTurn("en") with { RiskRaised = false, Emotion = "neutral", Distortion = null };
        var checkIns = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            composer.Compose(RiskTurn("en"));
            checkIns.Add(composer.Compose(ordinary));
            composer.Compose(ordinary);
            composer.Compose(ordinary);
        }

        Assert.All(checkIns, c => Assert.Contains(SafetyTexts.CheckIns, s => c.EndsWith(s.In("en"), StringComparison.Ordinal)));
        Assert.Equal(3, checkIns.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Alerts close together (one may be a misreading) do not leave every other turn a safety check.</summary>
    [Fact]
    public void AlertsCloseTogether_GetOneCheckIn_NotOneAfterEach()
    {
        var composer = new LocalReplyComposer();
        var ordinary = RiskTurn("ko") with { RiskRaised = false, Emotion = "neutral", Distortion = null };

        composer.Compose(RiskTurn("ko"));
        var first = composer.Compose(ordinary);
        composer.Compose(RiskTurn("ko"));
        var afterSecondAlert = composer.Compose(ordinary);

        Assert.Contains(SafetyTexts.CheckIns, c => first.EndsWith(c.In("ko"), StringComparison.Ordinal));
        Assert.DoesNotContain(SafetyTexts.CheckIns, c => afterSecondAlert.Contains(c.In("ko"), StringComparison.Ordinal));
    }

    /// <summary>
    /// "I'm not suicidal" is taken at its word and acknowledged, not passed over or challenged; after an alert it answers
    /// the check-in, so none follows it.
    /// </summary>
    [Theory]
    [InlineData("en", "clear about that|where you stand")]
    [InlineData("ko", "분명하게|솔직하게")]
    public void DenialOfRisk_IsAcknowledged_AndAnswersTheCheckIn(string language, string acknowledgement)
    {
        var composer = new LocalReplyComposer();
        var denial = RiskTurn(language) with { RiskRaised = false, DeniesRisk = true };
        var ordinary = denial with { DeniesRisk = false, Emotion = "neutral", Distortion = null };

        composer.Compose(RiskTurn(language));
        var acknowledged = composer.Compose(denial);
        var next = composer.Compose(ordinary);

        Assert.Matches(acknowledgement, acknowledged);
        Assert.DoesNotContain(SafetyTexts.CheckIns, c => next.Contains(c.In(language), StringComparison.Ordinal));
    }

    /// <summary>A calm or neutral turn ("I'm thinking about switching majors") is not answered as if it were a problem.</summary>
    [Theory]
    [InlineData("calm")]
    [InlineData("neutral")]
    public void CalmOrNeutralTurns_AreNotAskedAboutCopingOrFeelings(string emotion)
    {
        var composer = new LocalReplyComposer(seed: 5);

        var replies = Enumerable.Range(0, 8).Select(_ => composer.Compose(TextLanguage.English, emotion, distortion: null)).ToList();

        Assert.All(replies, reply => Assert.DoesNotMatch("coping|hardest|feeling this way|help, even", reply));
        Assert.Contains(replies, reply => reply.EndsWith("Could you tell me a little more about that?", StringComparison.Ordinal));
    }

    [Fact]
    public void PainfulFeelingWithoutAThought_IsAskedAboutTheFeeling()
    {
        var reply = new LocalReplyComposer().Compose(TextLanguage.English, "sadness", distortion: null);

        Assert.Matches("mind when|coping|hardest|feeling this way|help, even", reply);
    }

    /// <summary>A sympathy line before every challenge reads as a template: with a thought to examine, every other turn goes straight to it.</summary>
    [Fact]
    public void RepliesToThoughts_DoNotAllOpenWithSympathy()
    {
        var composer = new LocalReplyComposer(seed: 3);
        var reflections = Enumerable.Range(0, 6).Select(_ => composer.Compose(TextLanguage.English, "sadness", DistortionType.Labeling)).ToList();

        Assert.Equal(3, reflections.Count(r => r.StartsWith("That's a pretty strong label", StringComparison.Ordinal) || r.StartsWith("That one word", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "neutral")]
    [InlineData("ko", "neutral")]
    [InlineData("en", "sadness")]
    public void FirstMessage_IsWelcomed_WithoutAGuessAtAFeeling_AndOnlyOnce(string language, string emotion)
    {
        var composer = new LocalReplyComposer();
        var opening = RiskTurn(language) with { RiskRaised = false, RiskInSession = false, Emotion = emotion, Distortion = null };

        var first = composer.Compose(opening);
        var second = composer.Compose(opening with { SegmentSeq = 3 });

        Assert.Contains(LocalReplyTexts.Welcomes, w => first.StartsWith(w.In(language), StringComparison.Ordinal));
        Assert.Contains(LocalReplyTexts.Invitations, q => first.EndsWith(q.In(language), StringComparison.Ordinal));
        Assert.DoesNotContain(LocalReplyTexts.Welcomes, w => second.Contains(w.In(language), StringComparison.Ordinal));
    }

    [Fact]
    public void FirstMessage_WithAThinkingPattern_GoesToTheThought()
    {
        var composer = new LocalReplyComposer();
        var first = composer.Compose(RiskTurn("en") with { RiskRaised = false, RiskInSession = false, Distortion = "catastrophizing" });

        Assert.DoesNotContain(LocalReplyTexts.Welcomes, w => first.Contains(w.In("en"), StringComparison.Ordinal));
        Assert.Contains(InterventionCatalog.Questions(DistortionType.Catastrophizing, TextLanguage.English), q => first.EndsWith(q, StringComparison.Ordinal));
    }

    /// <summary>A step the person means to take is recognised and made concrete, not met with a question about feelings.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Plan_IsRecognised_AndMadeConcrete(string language)
    {
        var composer = new LocalReplyComposer();
        composer.Compose(Ordinary(language));

        var reply = composer.Compose(Ordinary(language) with { SegmentSeq = 4, Emotion = "anxiety", Moves = TurnMoves.Plan });

        Assert.Contains(LocalReplyTexts.PlanRecognitions, r => reply.StartsWith(r.In(language), StringComparison.Ordinal));
        Assert.Contains(LocalReplyTexts.PlanQuestions, q => reply.EndsWith(q.In(language), StringComparison.Ordinal));
    }

    /// <summary>Sleep and meals slipping are reflected and met with one small step back, not asked about again.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void DailyLifeSlipping_IsReflected_AndAskedForOneSmallStep(string language)
    {
        var composer = new LocalReplyComposer();
        composer.Compose(Ordinary(language));

        var reply = composer.Compose(Ordinary(language) with { SegmentSeq = 4, Emotion = "sadness", Moves = TurnMoves.DailyLife });

        Assert.Contains(LocalReplyTexts.DailyLifeReflections, r => reply.StartsWith(r.In(language), StringComparison.Ordinal));
        Assert.Contains(LocalReplyTexts.DailyLifeQuestions, q => reply.EndsWith(q.In(language), StringComparison.Ordinal));
    }

    /// <summary>"I'm going to fail" carries a thinking pattern: it is examined, never praised as a plan.</summary>
    [Fact]
    public void PlanWordsAroundAThinkingPattern_AreTheThoughtNotAPlan()
    {
        var composer = new LocalReplyComposer();
        composer.Compose(Ordinary("en"));

        var reply = composer.Compose(Ordinary("en") with { SegmentSeq = 4, Distortion = "catastrophizing", Moves = TurnMoves.Plan });

        Assert.DoesNotContain(LocalReplyTexts.PlanRecognitions, r => reply.Contains(r.In("en"), StringComparison.Ordinal));
        Assert.Contains(InterventionCatalog.Questions(DistortionType.Catastrophizing, TextLanguage.English), q => reply.EndsWith(q, StringComparison.Ordinal));
    }

    /// <summary>Seeing through one's own assumption is recognised even when the words still carry the pattern.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Insight_IsRecognised_BeforeAnyChallenge(string language)
    {
        var composer = new LocalReplyComposer();
        composer.Compose(Ordinary(language));

        var reply = composer.Compose(Ordinary(language) with { SegmentSeq = 4, Distortion = "jumping_to_conclusions", Moves = TurnMoves.Insight });

        Assert.Contains(LocalReplyTexts.InsightRecognitions, r => reply.StartsWith(r.In(language), StringComparison.Ordinal));
        Assert.Contains(LocalReplyTexts.InsightQuestions, q => reply.EndsWith(q.In(language), StringComparison.Ordinal));
    }

    /// <summary>
    /// A goodbye gets a goodbye that asks nothing; after a risk alert in the session it leaves the crisis line behind,
    /// and after a plan it looks forward to hearing how it went.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Goodbye_IsAClosing_WithTheCrisisLineOnlyAfterAnAlert_AndThePlanRemembered(string language)
    {
        var calm = new LocalReplyComposer();
        calm.Compose(Ordinary(language));
        var plainGoodbye = calm.Compose(Ordinary(language) with { SegmentSeq = 4, Moves = TurnMoves.Closing });

        var afterRisk = new LocalReplyComposer();
        afterRisk.Compose(RiskTurn(language));
        afterRisk.Compose(Ordinary(language) with { SegmentSeq = 4, RiskInSession = true, Moves = TurnMoves.Plan });
        var goodbyeAfterRisk = afterRisk.Compose(Ordinary(language) with { SegmentSeq = 6, RiskInSession = true, Moves = TurnMoves.Closing });

        Assert.Contains(LocalReplyTexts.ClosingThanks, t => plainGoodbye.StartsWith(t.In(language), StringComparison.Ordinal));
        Assert.Contains(LocalReplyTexts.ClosingWithoutAPlan.In(language), plainGoodbye, StringComparison.Ordinal);
        Assert.DoesNotContain(CrisisLine, plainGoodbye, StringComparison.Ordinal);
        Assert.DoesNotContain("?", plainGoodbye, StringComparison.Ordinal);
        Assert.Contains(LocalReplyTexts.ClosingWithAPlan.In(language), goodbyeAfterRisk, StringComparison.Ordinal);
        Assert.EndsWith($"{LocalReplyTexts.ClosingSafetyNet.In(language)} {CrisisLine}", goodbyeAfterRisk, StringComparison.Ordinal);
        Assert.True((Ordinary(language) with { RiskInSession = true, Moves = TurnMoves.Closing }).ClosesAfterRisk);
    }

    /// <summary>
    /// "Don't worry, I just meant I'm tired" right after a safety question is believed and thanked for, and the next turn
    /// does not check in again; the same words with no safety question before them are an ordinary turn.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Reassurance_AfterASafetyQuestion_IsBelieved_AndNotAskedAgain(string language)
    {
        var composer = new LocalReplyComposer();
        var reassurance = Ordinary(language) with { SegmentSeq = 4, RiskInSession = true, Emotion = "sadness", Moves = TurnMoves.Reassurance };
        composer.Compose(RiskTurn(language));

        var believed = composer.Compose(reassurance);
        var next = composer.Compose(reassurance with { SegmentSeq = 6, Moves = TurnMoves.None });
        var unprompted = new LocalReplyComposer().Compose(Ordinary(language) with { Moves = TurnMoves.Reassurance });

        Assert.Contains(LocalReplyTexts.ReassuranceAcknowledgements, a => believed.StartsWith(a.In(language), StringComparison.Ordinal));
        Assert.DoesNotContain(SafetyTexts.CheckIns, c => next.Contains(c.In(language), StringComparison.Ordinal));
        Assert.DoesNotContain(LocalReplyTexts.ReassuranceAcknowledgements, a => unprompted.Contains(a.In(language), StringComparison.Ordinal));
    }

    /// <summary>A weak reading of joy is not heard as good news; other readings, and a sure joy, are heard as they are.</summary>
    [Theory]
    [InlineData(EmotionLabel.Joy, 0.45, "neutral")]
    [InlineData(EmotionLabel.Joy, 0.6, "joy")]
    [InlineData(EmotionLabel.Sadness, 0.3, "sadness")]
    public void HeardEmotion_HoldsOnlyJoyToAFloor(EmotionLabel label, double confidence, string heard)
    {
        Assert.Equal(heard, LocalReplyComposer.HeardEmotion(new EmotionReading(label, 0, 0, confidence)));
        Assert.Null(LocalReplyComposer.HeardEmotion(null));
    }

    /// <summary>
    /// A clarification right after a safety question that still raises an alert keeps the crisis line but is believed,
    /// not met with the script again, and the next turn does not check in once more.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void ClarificationThatStillAlerts_KeepsTheCrisisLine_ButIsBelieved(string language)
    {
        var composer = new LocalReplyComposer();
        composer.Compose(RiskTurn(language));

        var believed = composer.Compose(RiskTurn(language) with { SegmentSeq = 4, Moves = TurnMoves.Reassurance });
        var next = composer.Compose(Ordinary(language) with { SegmentSeq = 6, RiskInSession = true });
        var unprompted = new LocalReplyComposer().Compose(RiskTurn(language) with { Moves = TurnMoves.Reassurance });

        Assert.StartsWith(SafetyTexts.ReplyAfterReassurance.In(language), believed, StringComparison.Ordinal);
        Assert.Contains(CrisisLine, believed, StringComparison.Ordinal);
        Assert.DoesNotContain(SafetyTexts.CheckIns, c => next.Contains(c.In(language), StringComparison.Ordinal));
        Assert.StartsWith(SafetyTexts.Reply.In(language), unprompted, StringComparison.Ordinal);
    }

    /// <summary>After the person said they mean no harm, later alerts read as a plan never bring the method or the means.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void AfterAClarification_LaterPlanAlerts_DoNotAskForTheMethodOrTheMeans(string language)
    {
        var composer = new LocalReplyComposer();
        var plan = RiskTurn(language) with { RiskSeverity = "plan_means", RiskLevel = "high" };
        composer.Compose(plan);
        composer.Compose(plan with { SegmentSeq = 4, Moves = TurnMoves.Reassurance });

        var later = Enumerable.Range(0, 4).Select(i => composer.Compose(plan with { SegmentSeq = 6 + (2 * i) })).ToList();

        var (method, means) = language == "en" ? ("how you might do it", "within reach") : ("방법", "가까이에");
        Assert.All(later, reply => Assert.DoesNotContain(method, reply, StringComparison.Ordinal));
        Assert.All(later, reply => Assert.DoesNotContain(means, reply, StringComparison.Ordinal));
        Assert.All(later, reply => Assert.Contains(CrisisLine, reply, StringComparison.Ordinal));
    }

    /// <summary>
    /// A direct question is answered first, whatever else the turn holds: a medical one sends them to a doctor, one about
    /// the chat says it is an AI and what happens to their words (as the session keeps them), the rest answer and ask on.
    /// </summary>
    [Theory]
    [InlineData("en", TurnMoves.AsksMedical | TurnMoves.AsksWhatToDo)]
    [InlineData("ko", TurnMoves.AsksIfNormal | TurnMoves.DailyLife)]
    [InlineData("en", TurnMoves.AsksWhatToDo | TurnMoves.Plan)]
    [InlineData("ko", TurnMoves.AsksHow)]
    [InlineData("en", TurnMoves.DoubtsTheMethod)]
    [InlineData("ko", TurnMoves.DoubtsTheMethod | TurnMoves.DailyLife)]
    public void DirectQuestion_IsAnsweredBeforeAnythingElse(string language, TurnMoves moves)
    {
        var composer = new LocalReplyComposer();
        composer.Compose(Ordinary(language));

        var reply = composer.Compose(Ordinary(language) with { SegmentSeq = 4, Moves = moves, Distortion = "catastrophizing" });

        var answers = moves.HasFlag(TurnMoves.AsksMedical) ? LocalReplyTexts.MedicalAnswers
            : moves.HasFlag(TurnMoves.AsksIfNormal) ? LocalReplyTexts.IfNormalAnswers
            : moves.HasFlag(TurnMoves.AsksWhatToDo) ? LocalReplyTexts.WhatToDoAnswers
            : moves.HasFlag(TurnMoves.AsksHow) ? LocalReplyTexts.HowAnswers
            : LocalReplyTexts.MethodAnswers;
        Assert.Contains(answers, a => reply.StartsWith(a.In(language), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "x")]
    [InlineData("ko", null)]
    public void QuestionAboutTheCounselor_SaysItIsAnAi_AndWhatTheSessionKeeps(string language, string? words)
    {
        var reply = new LocalReplyComposer().Compose(Ordinary(language) with { Moves = TurnMoves.AsksAboutCounselor, Text = words });

        var expected = words is null ? LocalReplyTexts.AboutCounselorWhenNotKept : LocalReplyTexts.AboutCounselorWhenKept;
        Assert.StartsWith(expected.In(language), reply, StringComparison.Ordinal);
    }

    /// <summary>
    /// After a risk alert a question is still answered, and the check-in takes its follow-up's place: safety is not
    /// pushed aside, and the question is not passed over either.
    /// </summary>
    [Theory]
    [InlineData("en", TurnMoves.AsksWhatToDo)]
    [InlineData("ko", TurnMoves.AsksMedical)]
    public void DirectQuestion_AfterARiskAlert_IsAnsweredAndEndsOnTheCheckIn(string language, TurnMoves moves)
    {
        var composer = new LocalReplyComposer();
        composer.Compose(RiskTurn(language));

        var reply = composer.Compose(RiskTurn(language) with { SegmentSeq = 4, RiskRaised = false, Moves = moves });

        var answers = moves == TurnMoves.AsksMedical ? LocalReplyTexts.MedicalAnswers : LocalReplyTexts.WhatToDoAnswers;
        Assert.Contains(answers, a => reply.StartsWith(a.In(language), StringComparison.Ordinal));
        Assert.Contains(SafetyTexts.CheckIns, c => reply.EndsWith(c.In(language), StringComparison.Ordinal));
        Assert.True(composer.CheckedIn);
    }

    private static CounselorTurn Ordinary(string language) =>
        RiskTurn(language) with { RiskRaised = false, RiskInSession = false, Emotion = "neutral", Distortion = null };

    private static CounselorTurn RiskTurn(string language) =>
        new("u", 2, "chat", language, RiskRaised: true, "sadness", "labeling", null, "x", CrisisLine, RiskInSession: true);
}

/// <summary>The open questions as the composer offers them, read through its replies (the table is internal).</summary>
internal static class LocalReplyTextsProbe
{
    public static IReadOnlyList<string> OpenQuestions(TextLanguage language)
    {
        var composer = new LocalReplyComposer();
        return [.. Enumerable.Range(0, 7).Select(_ => composer.Compose(language, emotion: null, distortion: null).Split(". ").Last())];
    }
}
