using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

public sealed class InterventionPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static DistortionMatch Found(DistortionType type, DistortionSeverity severity = DistortionSeverity.Medium, double confidence = 0.8) =>
        new(type, severity, confidence, new EvidenceSpan(0, 4, "text"));

    private static InterventionDecision Offer(InterventionPolicy policy, DistortionType type, TimeSpan at, bool speaking = false) =>
        policy.Consider([Found(type)], TextLanguage.English, Start + at, speaking);

    [Fact]
    public void Consider_FirstDetectionWhileSilent_DeliversQuestionAndTaskForThatType()
    {
        var decision = Offer(new InterventionPolicy(), DistortionType.Labeling, TimeSpan.Zero);

        Assert.Equal(InterventionStatus.Delivered, decision.Status);
        Assert.Equal(DistortionType.Labeling, decision.Intervention!.Type);
        Assert.Contains(decision.Intervention.Question, InterventionCatalog.Questions(DistortionType.Labeling, TextLanguage.English));
        Assert.Contains(decision.Intervention.Task, InterventionCatalog.Tasks(DistortionType.Labeling, TextLanguage.English));
    }

    [Fact]
    public void Consider_WithinSixtySecondsOfLastDelivery_IsSuppressedByGlobalCooldown()
    {
        var policy = new InterventionPolicy();
        Offer(policy, DistortionType.Labeling, TimeSpan.Zero);

        var decision = Offer(policy, DistortionType.Catastrophizing, TimeSpan.FromSeconds(59));

        Assert.Equal(InterventionStatus.GlobalCooldown, decision.Status);
        Assert.Null(decision.Intervention);
    }

    [Fact]
    public void Consider_OtherTypeAfterSixtySeconds_IsDelivered()
    {
        var policy = new InterventionPolicy();
        Offer(policy, DistortionType.Labeling, TimeSpan.Zero);

        var decision = Offer(policy, DistortionType.Catastrophizing, TimeSpan.FromSeconds(60));

        Assert.Equal(InterventionStatus.Delivered, decision.Status);
    }

    [Fact]
    public void Consider_SameTypeWithinFiveMinutes_IsSuppressedUntilFiveMinutesPass()
    {
        var policy = new InterventionPolicy();
        Offer(policy, DistortionType.Labeling, TimeSpan.Zero);

        var early = Offer(policy, DistortionType.Labeling, TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        var onTime = Offer(policy, DistortionType.Labeling, TimeSpan.FromMinutes(5));

        Assert.Equal(InterventionStatus.TypeCooldown, early.Status);
        Assert.Equal(InterventionStatus.Delivered, onTime.Status);
    }

    [Fact]
    public void Consider_SeveralDetectionsOneCoolingDown_ChoosesTheEligibleType()
    {
        var policy = new InterventionPolicy();
        Offer(policy, DistortionType.Labeling, TimeSpan.Zero);

        var decision = policy.Consider(
            [Found(DistortionType.Labeling, DistortionSeverity.High, 0.9), Found(DistortionType.ShouldStatements, DistortionSeverity.Low, 0.7)],
            TextLanguage.English, Start + TimeSpan.FromMinutes(2), userSpeaking: false);

        Assert.Equal(DistortionType.ShouldStatements, decision.Intervention!.Type);
    }

    [Fact]
    public void Consider_SeveralEligibleDetections_ChoosesTheMostSevere()
    {
        var decision = new InterventionPolicy().Consider(
            [Found(DistortionType.ShouldStatements, DistortionSeverity.Low, 0.95), Found(DistortionType.Catastrophizing, DistortionSeverity.High, 0.75)],
            TextLanguage.English, Start, userSpeaking: false);

        Assert.Equal(DistortionType.Catastrophizing, decision.Intervention!.Type);
    }

    [Fact]
    public void Consider_WhileUserSpeaking_HoldsAndReleaseAtPauseDelivers()
    {
        var policy = new InterventionPolicy();

        var decision = Offer(policy, DistortionType.MentalFilter, TimeSpan.Zero, speaking: true);
        var released = policy.ReleaseHeld(Start + TimeSpan.FromSeconds(20));

        Assert.Equal(InterventionStatus.Held, decision.Status);
        Assert.Same(decision.Intervention, released);
        Assert.Null(policy.Held);
    }

    [Fact]
    public void Consider_WhileHolding_IsSuppressedSoOnlyOneWaits()
    {
        var policy = new InterventionPolicy();
        Offer(policy, DistortionType.MentalFilter, TimeSpan.Zero, speaking: true);

        var second = Offer(policy, DistortionType.Labeling, TimeSpan.FromSeconds(90), speaking: false);

        Assert.Equal(InterventionStatus.AlreadyHolding, second.Status);
    }

    [Fact]
    public void ReleaseHeld_CooldownCountsFromDeliveryAtThePause()
    {
        var policy = new InterventionPolicy();
        Offer(policy, DistortionType.MentalFilter, TimeSpan.Zero, speaking: true);
        policy.ReleaseHeld(Start + TimeSpan.FromSeconds(30));

        var atSeventy = Offer(policy, DistortionType.Labeling, TimeSpan.FromSeconds(70));
        var atNinety = Offer(policy, DistortionType.Labeling, TimeSpan.FromSeconds(90));

        Assert.Equal(InterventionStatus.GlobalCooldown, atSeventy.Status);
        Assert.Equal(InterventionStatus.Delivered, atNinety.Status);
    }

    [Fact]
    public void ReleaseHeld_AfterMaximumHold_DropsTheStaleIntervention()
    {
        var policy = new InterventionPolicy(new InterventionPolicyOptions { MaximumHold = TimeSpan.FromSeconds(30) });
        Offer(policy, DistortionType.MentalFilter, TimeSpan.Zero, speaking: true);

        var released = policy.ReleaseHeld(Start + TimeSpan.FromSeconds(31));
        var next = Offer(policy, DistortionType.MentalFilter, TimeSpan.FromSeconds(32));

        Assert.Null(released);
        Assert.Equal(InterventionStatus.Delivered, next.Status);
    }

    [Fact]
    public void ReleaseHeld_NothingHeld_ReturnsNull()
    {
        Assert.Null(new InterventionPolicy().ReleaseHeld(Start));
    }

    [Fact]
    public void Consider_ConfiguredIntervals_AreUsedInsteadOfDefaults()
    {
        var policy = new InterventionPolicy(new InterventionPolicyOptions
        {
            MinimumInterval = TimeSpan.FromSeconds(10),
            SameTypeInterval = TimeSpan.FromSeconds(20),
        });
        Offer(policy, DistortionType.Labeling, TimeSpan.Zero);

        Assert.Equal(InterventionStatus.Delivered, Offer(policy, DistortionType.Magnification, TimeSpan.FromSeconds(10)).Status);
        Assert.Equal(InterventionStatus.Delivered, Offer(policy, DistortionType.Labeling, TimeSpan.FromSeconds(20)).Status);
    }

    [Fact]
    public void Consider_SameTypeRepeatedly_RotatesQuestionsAndStepsUpTaskDifficulty()
    {
        var policy = new InterventionPolicy();
        var questions = InterventionCatalog.Questions(DistortionType.Overgeneralization, TextLanguage.Korean);
        var tasks = InterventionCatalog.Tasks(DistortionType.Overgeneralization, TextLanguage.Korean);

        var delivered = Enumerable.Range(0, questions.Count + 1)
            .Select(i => policy.Consider([Found(DistortionType.Overgeneralization)], TextLanguage.Korean, Start + TimeSpan.FromMinutes(5 * i), userSpeaking: false).Intervention!)
            .ToList();

        Assert.Equal(questions, delivered.Take(questions.Count).Select(i => i.Question));
        Assert.Equal(questions[0], delivered[^1].Question);
        Assert.Equal(tasks[0], delivered[0].Task);
        Assert.Equal(tasks[1], delivered[1].Task);
        Assert.All(delivered, i => Assert.Equal(TextLanguage.Korean, i.Language));
    }

    [Fact]
    public void Consider_NoDetections_ReportsNoDetection()
    {
        Assert.Equal(InterventionStatus.NoDetection, new InterventionPolicy().Consider([], TextLanguage.English, Start, userSpeaking: false).Status);
    }
}
