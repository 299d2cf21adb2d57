using System.Net;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Web;

/// <summary>Time-driven behaviour with the domain clock under the test's control: durations, idle timeouts, retention.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SessionClockTests(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Durations_AcrossPauses_CountActiveAndPausedTimeSeparately()
    {
        var user = await _client.SignUpAsync();
        var session = await StartAsync(user.Id);

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await session.PauseAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await session.ResumeAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await session.PauseAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await session.ResumeAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var ended = await session.EndAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromHours(3));
        var later = await session.GetSnapshotAsync(user.Id);

        Assert.Equal((long)TimeSpan.FromMinutes(14).TotalMilliseconds, ended.ActiveDurationMs);
        Assert.Equal((long)TimeSpan.FromMinutes(7).TotalMilliseconds, ended.PausedDurationMs);
        Assert.Equal(ended.ActiveDurationMs, later.ActiveDurationMs);
        Assert.Equal(ended.PausedDurationMs, later.PausedDurationMs);
    }

    [Fact]
    public async Task IdleSweep_AfterThirtyMinutesWithoutInput_PausesThenAfterADayEnds()
    {
        var user = await _client.SignUpAsync();
        var session = await StartAsync(user.Id);
        var sweep = factory.Grains.GetGrain<IIdleSweepGrain>(0);

        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        await sweep.SweepAsync();
        var stillActive = await session.GetSnapshotAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await sweep.SweepAsync();
        var paused = await session.GetSnapshotAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromHours(24));
        await sweep.SweepAsync();
        var ended = await session.GetSnapshotAsync(user.Id);
        var events = await session.GetEventsAsync(user.Id, 0, 100);

        Assert.Equal(SessionStatus.Active, stillActive.Status);
        Assert.Equal(SessionStatus.Paused, paused.Status);
        Assert.Equal(SessionStatus.Ended, ended.Status);
        Assert.Equal(["started", "idle", "abandoned"], events.Select(e => e.Data).OfType<StatusChanged>().Select(c => c.Reason));
    }

    [Fact]
    public async Task IdleSweep_WithRecentInput_LeavesTheSessionActive()
    {
        var user = await _client.SignUpAsync();
        var session = await StartAsync(user.Id);

        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        await session.AppendTranscriptAsync(user.Id, new TranscriptInput("late-1", "still here", 0, 100, "en"));
        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        await factory.Grains.GetGrain<IIdleSweepGrain>(0).SweepAsync();

        Assert.Equal(SessionStatus.Active, (await session.GetSnapshotAsync(user.Id)).Status);
    }

    [Fact]
    public async Task RetentionSweep_ErasesEndedSessionsOlderThanTheRetentionPeriodOnly()
    {
        var user = await _client.SignUpAsync();
        var old = await StartAsync(user.Id);
        await old.EndAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromDays(300));
        var recent = await StartAsync(user.Id);
        await recent.EndAsync(user.Id);
        var open = await StartAsync(user.Id);
        factory.Clock.Advance(TimeSpan.FromDays(70));

        var erased = await factory.Grains.GetGrain<IRetentionGrain>(0).SweepAsync();

        Assert.True(erased >= 1);
        await Assert.ThrowsAsync<BeMore.Grains.Abstractions.Errors.SessionNotFoundException>(() => old.GetSnapshotAsync(user.Id));
        Assert.Equal(SessionStatus.Ended, (await recent.GetSnapshotAsync(user.Id)).Status);
        Assert.Equal(SessionStatus.Active, (await open.GetSnapshotAsync(user.Id)).Status);
        using var list = await _client.SendAsync(HttpMethod.Get, "/api/session", user.AccessToken);
        using var body = await list.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(2, body.RootElement.GetProperty("items").GetArrayLength());
    }

    private async Task<ICounselingSessionGrain> StartAsync(string userId)
    {
        var session = factory.Grains.GetGrain<ICounselingSessionGrain>(Guid.NewGuid().ToString("N"));
        await session.StartAsync(new StartSession(userId, "clocked", new SessionConsent(true, true)));
        return session;
    }
}
