using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Sessions;
using BeMore.Grains.Users;

namespace BeMore.Tests.Grains;

/// <summary>
/// Grain rules on the test cluster, driven by the fake domain clock: refresh-token rotation, reuse and expiry, session
/// ownership, and the retention sweep. The same rules hold behind REST and the hub; here they are asked directly.
/// </summary>
public sealed class GrainBehaviourTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private static readonly SessionConsent FullConsent = new(Analysis: true, StoreTranscript: true);

    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task RotateRefreshToken_CurrentThenSpentToken_RotatesOnceThenRevokesTheFamily()
    {
        var user = await RegisterAsync();
        var first = await user.IssueRefreshTokenAsync();

        var rotated = await user.RotateRefreshTokenAsync(first.Token);
        var replayed = await user.RotateRefreshTokenAsync(first.Token);
        var afterRevocation = await user.RotateRefreshTokenAsync(rotated.Token!.Token);

        Assert.Equal(RefreshOutcome.Rotated, rotated.Outcome);
        Assert.NotEqual(first.Token, rotated.Token.Token);
        Assert.Equal(first.ExpiresAt, rotated.Token.ExpiresAt);
        Assert.Equal(RefreshOutcome.Reused, replayed.Outcome);
        Assert.Equal(RefreshOutcome.Invalid, afterRevocation.Outcome);
    }

    [Fact]
    public async Task RotateRefreshToken_AfterTheFamilyLifetime_IsInvalidHoweverOftenRotated()
    {
        var user = await RegisterAsync();
        var token = (await user.IssueRefreshTokenAsync()).Token;
        var lifetime = new RefreshTokenOptions().RefreshTokenLifetime;

        cluster.Clock.Advance(lifetime / 2);
        token = (await user.RotateRefreshTokenAsync(token)).Token!.Token;
        cluster.Clock.Advance(lifetime / 2);
        var expired = await user.RotateRefreshTokenAsync(token);

        Assert.Equal(RefreshOutcome.Invalid, expired.Outcome);
    }

    [Fact]
    public async Task Lifecycle_CalledByAnotherUser_IsRefusedAsNotFoundAndChangesNothing()
    {
        var owner = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(NewId());
        await session.StartAsync(new StartSession(owner, "mine", FullConsent));

        foreach (var transition in new Func<ICounselingSessionGrain, string, Task<SessionSnapshot>>[]
                 { (s, caller) => s.PauseAsync(caller), (s, caller) => s.ResumeAsync(caller), (s, caller) => s.EndAsync(caller) })
        {
            await Assert.ThrowsAsync<SessionNotFoundException>(() => transition(session, NewId()));
        }

        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.GetAnalysisScopeAsync(NewId()));
        Assert.Equal(FullConsent, (await session.GetAnalysisScopeAsync(owner)).Consent);
        var snapshot = await session.GetSnapshotAsync(owner);
        Assert.Equal(SessionStatus.Active, snapshot.Status);
        Assert.Equal(1, snapshot.LastSeq);
    }

    [Fact]
    public async Task PauseResumeEnd_ByTheOwner_MovesThroughEachStateWithTheDomainClock()
    {
        var owner = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(NewId());
        await session.StartAsync(new StartSession(owner, null, FullConsent));

        cluster.Clock.Advance(TimeSpan.FromMinutes(3));
        var paused = await session.PauseAsync(owner);
        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        await session.ResumeAsync(owner);
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        var ended = await session.EndAsync(owner);

        Assert.Equal(SessionStatus.Paused, paused.Status);
        Assert.Equal(SessionStatus.Ended, ended.Status);
        Assert.Equal(TimeSpan.FromMinutes(5).TotalMilliseconds, ended.ActiveDurationMs);
        Assert.Equal(TimeSpan.FromMinutes(10).TotalMilliseconds, ended.PausedDurationMs);
        Assert.Equal(cluster.Clock.GetUtcNow(), ended.EndedAt);
    }

    [Fact]
    public async Task RetentionSweep_SessionEndedLongerAgoThanTheRetention_ErasesItAndItsIndexEntry()
    {
        var owner = NewId();
        await RegisterAsync(owner);
        var sessionId = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        await session.StartAsync(new StartSession(owner, "to forget", FullConsent));
        await session.EndAsync(owner);
        var retention = Grains.GetGrain<IRetentionGrain>(0);

        cluster.Clock.Advance(TimeSpan.FromDays(new RetentionOptions().Days) - TimeSpan.FromMinutes(1));
        await retention.SweepAsync();
        var keptBeforeItsTime = await session.GetSnapshotAsync(owner);
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        var erased = await retention.SweepAsync();

        Assert.Equal(SessionStatus.Ended, keptBeforeItsTime.Status);
        Assert.True(erased >= 1);
        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.GetSnapshotAsync(owner));
        Assert.DoesNotContain(sessionId, (await Grains.GetGrain<IUserSessionsGrain>(owner).ListSessionsAsync(null, 100)).Items.Select(item => item.SessionId));
    }

    [Fact]
    public async Task AppendTranscript_SegmentWithFindings_IsOneLogCommitAndOneNotificationRound()
    {
        var owner = NewId();
        var sessionId = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        await session.StartAsync(new StartSession(owner, null, FullConsent));
        var observer = new RoundObserver();
        var reference = Grains.CreateObjectReference<ISessionObserver>(observer);
        await session.SubscribeAsync(owner, reference);
        var input = new TranscriptInput("one-commit", "I always ruin everything I touch. I want to kill myself.", 0, 3000, "en");

        var segment = await session.AppendTranscriptAsync(owner, input);
        var repeated = await session.AppendTranscriptAsync(owner, input);
        var stored = await session.GetEventsAsync(owner, 0, 100);

        var findings = stored.Where(e => e.Data is RiskAlert { SegmentSeq: var cited } && cited == segment.Seq
            || e.Data is DistortionDetected { SegmentSeq: var found } && found == segment.Seq).Select(e => e.Seq).ToList();
        Assert.Contains(stored, e => e.Data is RiskAlert);
        Assert.Contains(stored, e => e.Data is DistortionDetected);
        Assert.Equal(segment.Seq, repeated.Seq);
        Assert.Single(stored, e => e.Data is TranscriptSegment);
        var caused = findings.Append(segment.Seq).ToHashSet();
        var commits = cluster.EventLog.CommitsOf(sessionId).Where(commit => commit.Any(caused.Contains)).ToList();
        Assert.Single(commits);
        Assert.Subset(commits[0].ToHashSet(), caused);
        var rounds = await observer.RoundsThroughAsync(caused.Max());
        Assert.Single(rounds, round => round.Any(caused.Contains));
        Assert.Equal(stored.Select(e => e.Seq).Where(seq => seq > 1), rounds.SelectMany(round => round));
        await session.UnsubscribeAsync(reference);
        Grains.DeleteObjectReference<ISessionObserver>(reference);
    }

    [Fact]
    public async Task Delete_WhileTheIndexStillHoldsASession_IsRefusedAndErasesNothing()
    {
        var owner = NewId();
        var user = await RegisterAsync(owner);
        var index = Grains.GetGrain<IUserSessionsGrain>(owner);
        var sessionId = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        await session.StartAsync(new StartSession(owner, "still here", FullConsent));

        Assert.Equal([sessionId], await index.BeginErasureAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(index.DeleteAsync);

        Assert.Equal(SessionStatus.Active, (await session.GetSnapshotAsync(owner)).Status);
        Assert.Equal([sessionId], (await index.ListSessionsAsync(null, 10)).Items.Select(item => item.SessionId));
        await Assert.ThrowsAsync<UserNotFoundException>(() => Grains.GetGrain<ICounselingSessionGrain>(NewId()).StartAsync(new StartSession(owner, "late", FullConsent)));
        await session.EraseAsync(owner);
        await index.RemoveSessionAsync(sessionId);
        await index.DeleteAsync();
        await user.DeleteAsync();
        await Assert.ThrowsAsync<UserNotFoundException>(user.GetProfileAsync);
        await Assert.ThrowsAsync<UserNotFoundException>(index.GetDashboardAsync);
    }

    [Fact]
    public async Task AppendTranscript_AfterACommitWhoseAcknowledgementWasLost_LosesNeitherSegment()
    {
        var owner = NewId();
        var sessionId = NewId();
        var session = Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        await session.StartAsync(new StartSession(owner, null, FullConsent));
        var first = new TranscriptInput("ack-lost", "The bus was late this morning.", 0, 2000, "en");
        cluster.EventLog.LoseAcknowledgementOfNextAppend(sessionId);

        await Assert.ThrowsAsync<TimeoutException>(() => session.AppendTranscriptAsync(owner, first));
        var next = await session.AppendTranscriptAsync(owner, new TranscriptInput("after", "Then I walked home.", 2000, 4000, "en"));
        var retried = await session.AppendTranscriptAsync(owner, first);

        var segments = (await session.GetEventsAsync(owner, 0, 100)).Where(e => e.Data is TranscriptSegment).Select(e => e.Seq).ToList();
        Assert.Equal(2, segments.Count);
        Assert.Equal([retried.Seq, next.Seq], segments);
    }

    private async Task<IUserGrain> RegisterAsync(string? userId = null)
    {
        var user = Grains.GetGrain<IUserGrain>(userId ?? NewId());
        await user.RegisterAsync(new NewAccount($"{Guid.NewGuid():N}@example.test", "Grain Test", "not-a-real-hash", "user"));
        return user;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Remembers the seqs each notification carried.</summary>
    private sealed class RoundObserver : ISessionObserver
    {
        private readonly System.Threading.Channels.Channel<long[]> _rounds = System.Threading.Channels.Channel.CreateUnbounded<long[]>();

        public Task OnEventsAsync(IReadOnlyList<SessionEvent> events)
        {
            _rounds.Writer.TryWrite(events.Select(e => e.Seq).ToArray());
            return Task.CompletedTask;
        }

        public Task OnLiveAsync(BeMore.Grains.Abstractions.Counseling.SessionLiveMessage message) => Task.CompletedTask;

        public Task OnClosedAsync() => Task.CompletedTask;

        /// <summary>The rounds received until one carried <paramref name="seq"/>.</summary>
        public async Task<List<long[]>> RoundsThroughAsync(long seq)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var rounds = new List<long[]>();
            while (!rounds.Any(round => round.Contains(seq)))
            {
                rounds.Add(await _rounds.Reader.ReadAsync(timeout.Token));
            }

            return rounds;
        }
    }
}
