using BeMore.Domain.Reports;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Tests.Reports;

/// <summary>The report's risk score weighs the alerts' evidence (level, severity, count, recency) instead of looking up the worst level.</summary>
public sealed class RiskScoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RiskScore_MoreAlertsOfTheSameLevel_ScoreHigher()
    {
        var one = Score(20, ("elevated", 10, null));
        var three = Score(20, ("elevated", 6, null), ("elevated", 10, null), ("elevated", 14, null));

        Assert.True(three > one, $"{three} vs {one}");
    }

    [Fact]
    public void RiskScore_SameAlertLaterInTheSession_ScoresHigher()
    {
        var early = Score(40, ("high", 2, "ideation"));
        var late = Score(40, ("high", 38, "ideation"));

        Assert.True(late > early, $"{late} vs {early}");
    }

    [Fact]
    public void RiskScore_ActOutweighsPlanOutweighsIdeation_AndHighOutweighsElevated()
    {
        var ideation = Score(10, ("high", 9, "ideation"));
        var plan = Score(10, ("high", 9, "plan_means"));
        var act = Score(10, ("high", 9, "act"));
        var elevated = Score(10, ("elevated", 9, "ideation"));

        Assert.True(act > plan && plan > ideation && ideation > elevated, $"{act} {plan} {ideation} {elevated}");
    }

    [Fact]
    public void RiskScore_AnyAlert_AboveEveryAlertFreeSessionAndAtMost100()
    {
        var weakest = Score(1000, ("elevated", 1, null));
        var many = Score(30, [.. Enumerable.Range(1, 20).Select(i => ("high", (long)i, (string?)"act"))]);
        var noAlerts = Score(10);

        Assert.True(weakest > 30 && noAlerts <= 30, $"{weakest} {noAlerts}");
        Assert.InRange(many, 95, 100);
    }

    /// <param name="lastSeq">The session's last event, so alerts sit early or late in it.</param>
    private static int Score(long lastSeq, params (string Level, long Seq, string? Severity)[] alerts)
    {
        var events = alerts
            .Select(a => new SessionEvent("s", a.Seq, Start.AddSeconds(a.Seq), new RiskAlert(a.Level, a.Seq, null, "109", a.Severity)))
            .Append(new SessionEvent("s", lastSeq, Start.AddSeconds(lastSeq), new StatusChanged(SessionStatus.Active, SessionStatus.Ended, "ended")))
            .OrderBy(e => e.Seq)
            .ToList();
        var snapshot = new SessionSnapshot("s", SessionStatus.Ended, null, Start, Start.AddSeconds(lastSeq), lastSeq * 1000, 0, lastSeq,
            new SessionConsent(true, true), null, new SessionMetrics(0, 0, 0, 0, RiskLevels.None, 0, null));
        return SessionReportBuilder.Build(snapshot, events).Overall.RiskScore;
    }
}
