using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Sessions;
using BeMore.Grains.Storage;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BeMore.Tests.Grains;

/// <summary>The session journal alone, on the real event log (SQLite) and an in-memory grain state, without a silo.</summary>
public sealed class SessionJournalTests : IAsyncLifetime
{
    private static readonly PayloadProtector Protector = new(new EncryptionOptions
    {
        ActiveKeyId = "journal",
        Keys = { ["journal"] = Convert.ToBase64String(new byte[32]) },
    });

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private CountingSessionEventLog _log = null!;

    private TestFolder Folder { get; } = new("journal");

    private GroupCommitWriter? Writer { get; set; }

    public async Task InitializeAsync()
    {
        var target = StorageTarget.Embedded(Folder.Path);
        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        Writer = new GroupCommitWriter(target.Database);
        _log = new CountingSessionEventLog(new AdoNetSessionEventLog(target.Database, Protector, Writer));
    }

    public async Task DisposeAsync()
    {
        if (Writer is not null)
        {
            await Writer.DisposeAsync();
        }

        Folder.Dispose();
    }

    [Fact]
    public async Task Append_SeveralEvents_NumbersThemInOrderAndNotifiesOnceTheLogHoldsThem()
    {
        var (journal, _) = await OpenAsync(NewId(), analysis: true);
        var observer = new LogCheckingObserver(_log);
        journal.Subscribe(observer);

        await journal.AppendAsync(new StatusChanged(null, SessionStatus.Active, "started"));
        var appended = await journal.AppendAsync([Segment("a"), Segment("b")]);

        Assert.Equal([2L, 3L], appended.Select(e => e.Seq));
        Assert.Equal(3, journal.LastSeq);
        Assert.Equal(2, journal.State.Aggregates.SegmentCount);
        Assert.Equal([1L, 2L, 3L], observer.Seen);
        Assert.Equal([1, 2], observer.RoundSizes);
        Assert.All(observer.StoredWhenSeen, Assert.True);
    }

    [Fact]
    public async Task Find_ANewKey_IsAnsweredWithoutALookup_AKeyStoredBeforeOrSinceTheJournalOpenedIsFound()
    {
        var sessionId = NewId();
        var (journal, _) = await OpenAsync(sessionId, analysis: true);
        await journal.AppendAsync(new StatusChanged(null, SessionStatus.Active, "started"));

        Assert.Null(await journal.FindAsync("client:new"));
        Assert.Equal(0, _log.DedupLookupsOf(sessionId));
        var kept = await journal.AppendAsync(Segment("kept"), "client:kept");
        Assert.Equal(kept!.Seq, (await journal.FindAsync("client:kept"))?.Seq);
        Assert.Equal(1, _log.DedupLookupsOf(sessionId));

        var (reopened, _) = await OpenAsync(sessionId, analysis: true, fresh: false);
        Assert.Equal(kept.Seq, (await reopened.FindAsync("client:kept"))?.Seq);
        Assert.Null(await reopened.FindAsync("client:another"));
        Assert.Equal(2, _log.DedupLookupsOf(sessionId));
    }

    [Fact]
    public async Task Find_AKeyWhoseAppendFailedOrWentUnacknowledged_IsLookedUp()
    {
        var sessionId = NewId();
        var (journal, _) = await OpenAsync(sessionId, analysis: true);
        await journal.AppendAsync(new StatusChanged(null, SessionStatus.Active, "started"));

        _log.LoseAcknowledgementOfNextAppend(sessionId);
        await Assert.ThrowsAsync<TimeoutException>(() => journal.AppendAsync(Segment("committed"), "client:committed"));
        _log.HoldNextAppend(sessionId).SetException(new TimeoutException("the disk is gone"));
        await Assert.ThrowsAsync<TimeoutException>(() => journal.AppendAsync(Segment("lost"), "client:lost"));

        Assert.Equal(2, (await journal.FindAsync("client:committed"))?.Seq);
        Assert.Null(await journal.FindAsync("client:lost"));
        Assert.Equal(2, _log.DedupLookupsOf(sessionId));
    }

    [Fact]
    public async Task Append_AnalysisWithoutConsent_IsWithheldAndTheRestNumberedWithoutAGap()
    {
        var (journal, _) = await OpenAsync(NewId(), analysis: false);

        await journal.AppendAsync(new StatusChanged(null, SessionStatus.Active, "started"));
        var appended = await journal.AppendAsync(
            [new EmotionUpdate("joy", 0.5, 0.5, 0.8, []), Segment("kept"), new RiskAlert(RiskLevels.High, 2, null, "call")]);

        Assert.Equal([typeof(TranscriptSegment), typeof(RiskAlert)], appended.Select(e => e.Data.GetType()));
        Assert.Equal([2L, 3L], appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task Append_ManyEvents_WritesStateEveryIntervalOnlyNotOnStatusChanges()
    {
        var (journal, state) = await OpenAsync(NewId(), analysis: true);

        await journal.AppendAsync(new StatusChanged(null, SessionStatus.Active, "started"));
        for (var i = 0; i < SessionJournal.StateWriteInterval; i++)
        {
            await journal.AppendAsync(Segment($"s{i}"));
        }

        await journal.AppendAsync(new StatusChanged(SessionStatus.Active, SessionStatus.Paused, "paused"));

        Assert.Equal(1, state.Writes);
        Assert.Equal(SessionJournal.StateWriteInterval, state.Stored!.AppliedSeq);
    }

    [Fact]
    public async Task Start_NoStateEverWritten_NextActivationRebuildsWhatTheSessionStartedWithFromTheLog()
    {
        var sessionId = NewId();
        var (first, written) = await OpenAsync(sessionId, analysis: true);
        var opening = new SessionOpening("owner-1", "Tuesday", new SessionConsent(Analysis: true, StoreTranscript: false),
            BeMore.Grains.Abstractions.Counseling.CounselorMode.Auto, "ko", new BeMore.Grains.Abstractions.Users.AnalysisOptIns(
                TextEmotion: true, FaceEmotion: false, Voice: true, Distortions: false));
        await first.AppendAsync(new StatusChanged(null, SessionStatus.Active, "started", opening));

        var rebuilt = new MemoryState();
        var reopened = new SessionJournal(sessionId, rebuilt, _log, _clock, NullLogger.Instance, () => { }, _ => Task.CompletedTask);
        await reopened.OpenAsync(CancellationToken.None);

        Assert.Equal(0, written.Writes);
        var state = reopened.State;
        Assert.Equal(
            (opening.OwnerId, opening.Title, opening.Consent, opening.Counselor, opening.Language, opening.OptIns, SessionStatus.Active, 1L),
            (state.OwnerId, state.Title, state.Consent, state.CounselorMode, state.PreferredLanguage, state.OptIns, state.Status, state.AppliedSeq));
        Assert.Equal(new AnalysisScope(opening.Consent, opening.OptIns!, "ko"), state.Scope);
    }

    [Fact]
    public async Task Open_StateBehindTheLog_FoldsInTheMissingEventsAndWritesTheState()
    {
        var sessionId = NewId();
        var (first, _) = await OpenAsync(sessionId, analysis: true);
        await first.AppendAsync(new StatusChanged(null, SessionStatus.Active, "started"));
        await first.AppendAsync([Segment("one two"), Segment("three")]);

        // The state as last written: after the start, before the segments (a crash in between).
        var (reopened, state) = await OpenAsync(sessionId, analysis: true, fresh: false);

        Assert.Equal(3, reopened.LastSeq);
        Assert.Equal(3, reopened.State.AppliedSeq);
        Assert.Equal(3, reopened.State.Aggregates.WordCount);
        Assert.Equal(SessionStatus.Active, reopened.State.Status);
        Assert.Equal(1, state.Writes);
    }

    private async Task<(SessionJournal Journal, MemoryState State)> OpenAsync(string sessionId, bool analysis, bool fresh = true)
    {
        var state = new MemoryState();
        state.State.Consent = new SessionConsent(analysis, StoreTranscript: true);
        if (!fresh)
        {
            state.State.Apply(new SessionEvent(sessionId, 1, _clock.GetUtcNow(), new StatusChanged(null, SessionStatus.Active, "started")));
        }

        var journal = new SessionJournal(sessionId, state, _log, _clock, NullLogger.Instance, () => { }, _ => Task.CompletedTask);
        await journal.OpenAsync(CancellationToken.None);
        return (journal, state);
    }

    private static TranscriptSegment Segment(string text) =>
        new("c", text, 0, 1000, "en", text.Split(' ').Length, TranscriptSegment.FromClient);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private sealed class MemoryState : IPersistentState<CounselingSessionState>
    {
        public CounselingSessionState State { get; set; } = new();

        public CounselingSessionState? Stored { get; private set; }

        public int Writes { get; private set; }

        public string? Etag => null;

        public bool RecordExists => Stored is not null;

        public Task ClearStateAsync() => ClearStateAsync(CancellationToken.None);

        public Task ClearStateAsync(CancellationToken cancellationToken)
        {
            Stored = null;
            return Task.CompletedTask;
        }

        public Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

        public Task WriteStateAsync(CancellationToken cancellationToken)
        {
            Writes++;
            Stored = new CounselingSessionState { AppliedSeq = State.AppliedSeq, Status = State.Status };
            return Task.CompletedTask;
        }

        public Task ReadStateAsync() => Task.CompletedTask;

        public Task ReadStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Looks in the log as each event is heard of: what is pushed must already be stored.</summary>
    private sealed class LogCheckingObserver(ISessionEventLog log) : ISessionObserver
    {
        public List<long> Seen { get; } = [];

        public List<bool> StoredWhenSeen { get; } = [];

        public List<int> RoundSizes { get; } = [];

        public Task OnLiveAsync(BeMore.Grains.Abstractions.Counseling.SessionLiveMessage message) => Task.CompletedTask;

        public Task OnClosedAsync() => Task.CompletedTask;

        public async Task OnEventsAsync(IReadOnlyList<SessionEvent> events)
        {
            RoundSizes.Add(events.Count);
            foreach (var sessionEvent in events)
            {
                Seen.Add(sessionEvent.Seq);
                StoredWhenSeen.Add((await log.ReadAfterAsync(sessionEvent.SessionId, sessionEvent.Seq - 1, 1)).Count == 1);
            }
        }
    }
}
