using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;

namespace BeMore.Tests.Grains;

/// <summary>The session index as rows: what a user's sessions grain wrote comes back after it was deactivated, in order, with outcomes and totals.</summary>
public sealed class UserSessionsGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Index_AfterDeactivation_IsReadBackFromItsRows_NewestFirst_WithOutcomesAndTotals()
    {
        var userId = Guid.NewGuid().ToString("N");
        var index = cluster.Grains.GetGrain<IUserSessionsGrain>(userId);
        var ended = new SessionOutcome("second", T0.AddHours(1), 600_000, "sadness", new Dictionary<string, int> { ["labeling"] = 3 }, RiskLevels.None);
        await index.AddSessionAsync(new SessionIndexEntry("second", T0.AddMinutes(10), "두 번째 상담"));
        await index.AddSessionAsync(new SessionIndexEntry("first", T0, "First talk"));
        await index.AddSessionAsync(new SessionIndexEntry("third", T0.AddDays(1)));
        await index.AddSessionAsync(new SessionIndexEntry("first", T0, "First talk"));
        await index.RecordSessionOutcomeAsync(ended);
        await index.RecordSessionOutcomeAsync(ended);
        await index.RemoveSessionAsync("third");

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var page = await index.ListSessionsAsync(null, 10);
        var dashboard = await index.GetDashboardAsync();

        Assert.Equal(["second", "first"], page.Items.Select(item => item.SessionId));
        Assert.Equal(["두 번째 상담", "First talk"], page.Items.Select(item => item.Title));
        Assert.Equal(ended.DistortionCounts, page.Items[0].Outcome?.DistortionCounts);
        Assert.Equal((2, 1, 10.0), (dashboard.SessionCount, dashboard.EndedSessionCount, dashboard.TotalActiveMinutes));
        Assert.Equal(new Dictionary<string, int> { ["sadness"] = 1 }, dashboard.EmotionDistribution);
        Assert.Equal([new DistortionTotal("labeling", 3)], dashboard.TopDistortions);
    }

    [Fact]
    public async Task Index_RemovingAnEndedSession_TakesItsOutcomeOutOfTheStoredTotals()
    {
        var userId = Guid.NewGuid().ToString("N");
        var index = cluster.Grains.GetGrain<IUserSessionsGrain>(userId);
        await index.AddSessionAsync(new SessionIndexEntry("only", T0));
        await index.RecordSessionOutcomeAsync(new SessionOutcome("only", T0.AddHours(1), 60_000, "anxiety", new Dictionary<string, int>(), RiskLevels.Elevated));
        await index.RemoveSessionAsync("only");

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var dashboard = await index.GetDashboardAsync();

        Assert.Equal((0, 0, 0.0), (dashboard.SessionCount, dashboard.EndedSessionCount, dashboard.TotalActiveMinutes));
        Assert.Empty(dashboard.EmotionDistribution);
        Assert.Empty(dashboard.RiskFlags);
    }

    [Fact]
    public async Task Index_ReadBackFromRows_StillKnowsItsSessions_AndTakesBackARemovedOne()
    {
        var userId = Guid.NewGuid().ToString("N");
        var index = cluster.Grains.GetGrain<IUserSessionsGrain>(userId);
        await index.AddSessionAsync(new SessionIndexEntry("kept", T0, "Kept"));
        await index.AddSessionAsync(new SessionIndexEntry("removed", T0.AddMinutes(5)));
        await index.RemoveSessionAsync("removed");

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await index.AddSessionAsync(new SessionIndexEntry("kept", T0, "Kept"));
        await index.AddSessionAsync(new SessionIndexEntry("removed", T0.AddMinutes(5)));
        await index.RemoveSessionAsync("removed");
        await index.AddSessionAsync(new SessionIndexEntry("removed", T0.AddMinutes(5), "Back"));
        var page = await index.ListSessionsAsync(null, 10);

        Assert.Equal(["removed", "kept"], page.Items.Select(item => item.SessionId));
        Assert.Equal(["Back", "Kept"], page.Items.Select(item => item.Title));
    }
}
