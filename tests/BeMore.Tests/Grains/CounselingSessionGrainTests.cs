using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Grains;

/// <summary>The session grain in the real co-hosted silo, on the embedded SQLite storage.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class CounselingSessionGrainTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private static readonly SessionConsent FullConsent = new(Analysis: true, StoreTranscript: true);

    private IGrainFactory Grains => factory.Grains;

    [Fact]
    public async Task Start_NewSession_IsActiveWithFirstEventAndIndexedForItsOwner()
    {
        var owner = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(NewId());

        var snapshot = await session.StartAsync(new StartSession(owner, "First talk", FullConsent));

        Assert.Equal(SessionStatus.Active, snapshot.Status);
        Assert.Equal(1, snapshot.LastSeq);
        Assert.Null(snapshot.EndedAt);
        var index = await Grains.GetGrain<IUserSessionsGrain>(owner).ListSessionsAsync(cursor: null, limit: 10);
        Assert.Equal([snapshot.Id], index.Items.Select(item => item.SessionId));
    }

    [Fact]
    public async Task Start_Repeated_DoesNotAppendOrIndexTwice()
    {
        var owner = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(NewId());
        await session.StartAsync(new StartSession(owner, "Once", FullConsent));

        var again = await session.StartAsync(new StartSession(owner, "Once", FullConsent));

        Assert.Equal(1, again.LastSeq);
        Assert.Single((await Grains.GetGrain<IUserSessionsGrain>(owner).ListSessionsAsync(null, 10)).Items);
    }

    [Fact]
    public async Task Lifecycle_PauseResumeEnd_AppendsOneEventPerRealTransition()
    {
        var owner = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(NewId());
        await session.StartAsync(new StartSession(owner, null, FullConsent));

        await session.PauseAsync(owner);
        await session.PauseAsync(owner);
        await session.ResumeAsync(owner);
        await session.ResumeAsync(owner);
        var ended = await session.EndAsync(owner);
        var endedAgain = await session.EndAsync(owner);

        Assert.Equal(SessionStatus.Ended, ended.Status);
        Assert.NotNull(ended.EndedAt);
        Assert.Equal(5, endedAgain.LastSeq);
        var events = await session.GetEventsAsync(owner, afterSeq: 0, limit: 100);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], events.Select(e => e.Seq));
        Assert.Equal(
            [SessionStatus.Active, SessionStatus.Paused, SessionStatus.Active, SessionStatus.Ended],
            events.Select(e => e.Data).OfType<StatusChanged>().Select(change => change.To));
        Assert.IsType<SessionEnded>(events[^1].Data);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task Transition_OnEndedSession_IsRefusedAsInvalidState(string transition)
    {
        var owner = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(NewId());
        await session.StartAsync(new StartSession(owner, null, FullConsent));
        await session.EndAsync(owner);

        var error = await Assert.ThrowsAsync<InvalidSessionStateException>(() =>
            transition == "pause" ? session.PauseAsync(owner) : session.ResumeAsync(owner));

        Assert.Equal(ErrorCodes.InvalidSessionState, error.Code);
        Assert.Equal(3, (await session.GetSnapshotAsync(owner)).LastSeq);
    }

    [Fact]
    public async Task EveryMethod_CalledByAnotherUser_AnswersSessionNotFound()
    {
        var owner = NewId();
        var stranger = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(NewId());
        await session.StartAsync(new StartSession(owner, "Private", FullConsent));

        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.GetSnapshotAsync(stranger));
        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.PauseAsync(stranger));
        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.ResumeAsync(stranger));
        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.EndAsync(stranger));
        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.GetEventsAsync(stranger, 0, 10));
        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.StartAsync(new StartSession(stranger, "Hijack", FullConsent)));
        Assert.Equal(SessionStatus.Active, (await session.GetSnapshotAsync(owner)).Status);
    }

    [Fact]
    public async Task GetSnapshot_SessionNeverStarted_AnswersSessionNotFound()
    {
        var session = Grains.GetGrain<ICounselingSessionGrain>(NewId());

        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.GetSnapshotAsync(NewId()));
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
