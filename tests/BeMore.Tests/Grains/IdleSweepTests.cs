using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Tests.Grains;

/// <summary>The one idle sweep over the open sessions, on the test cluster and its fake domain clock.</summary>
public sealed class IdleSweepTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    [Fact]
    public async Task Sweep_AsksOnlyOpenSessionsQuietForTheIdleTime_PausesThenEndsThemAndThenForgetsThem()
    {
        var owner = Guid.NewGuid().ToString("N");
        var quiet = await StartAsync(owner);
        var talking = await StartAsync(owner);
        var ended = await StartAsync(owner);
        await ended.EndAsync(owner);
        var sweep = cluster.Grains.GetGrain<IIdleSweepGrain>(0);

        cluster.Clock.Advance(TimeSpan.FromMinutes(25));
        await talking.AppendTranscriptAsync(owner, new TranscriptInput("t1", "still here", 0, 100, "en"));
        cluster.Clock.Advance(TimeSpan.FromMinutes(6));
        var askedAfterHalfAnHour = await sweep.SweepAsync();
        var quietThen = (await quiet.GetSnapshotAsync(owner)).Status;
        var talkingThen = (await talking.GetSnapshotAsync(owner)).Status;
        cluster.Clock.Advance(TimeSpan.FromHours(25));
        var askedAfterADay = await sweep.SweepAsync();
        var askedOnceAllEnded = await sweep.SweepAsync();

        Assert.Equal(1, askedAfterHalfAnHour);
        Assert.Equal((SessionStatus.Paused, SessionStatus.Active), (quietThen, talkingThen));
        Assert.Equal(2, askedAfterADay);
        Assert.Equal((SessionStatus.Ended, SessionStatus.Ended), ((await quiet.GetSnapshotAsync(owner)).Status, (await talking.GetSnapshotAsync(owner)).Status));
        Assert.Equal(0, askedOnceAllEnded);
    }

    private async Task<ICounselingSessionGrain> StartAsync(string owner)
    {
        var session = cluster.Grains.GetGrain<ICounselingSessionGrain>(Guid.NewGuid().ToString("N"));
        await session.StartAsync(new StartSession(owner, null, new SessionConsent(Analysis: true, StoreTranscript: true)));
        return session;
    }
}
