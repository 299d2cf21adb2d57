using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Storage;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Storage;

/// <summary>The event log's behaviour, group commit included, run against each real database it serves.</summary>
public abstract class SessionEventLogContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly List<GroupCommitWriter> _writers = [];
    private EventLogDatabase? _database;

    protected TestFolder Folder { get; } = new("log");

    /// <summary>A fresh database with the schema applied.</summary>
    protected abstract Task<EventLogDatabase> CreateDatabaseAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync();
        }

        Folder.Dispose();
    }

    private async Task<ISessionEventLog> CreateLogAsync()
    {
        _database = await CreateDatabaseAsync();
        _writers.Add(new GroupCommitWriter(_database));
        return new AdoNetSessionEventLog(_database, TestProtector, _writers[^1]);
    }

    /// <summary>The same database read by a node whose active key is a new one, the test key still in its ring.</summary>
    private AdoNetSessionEventLog LogAfterKeyRotation()
    {
        var rotated = new PayloadProtector(new EncryptionOptions
        {
            ActiveKeyId = "next",
            Keys = new Dictionary<string, string> { ["test"] = Convert.ToBase64String(new byte[32]), ["next"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) },
        });
        _writers.Add(new GroupCommitWriter(_database!));
        return new AdoNetSessionEventLog(_database!, rotated, _writers[^1]);
    }

    /// <summary>The stored payload column of the session's rows, as the database holds it.</summary>
    private Task<List<byte[]>> ReadRawPayloadsAsync(string sessionId) => ReadPayloadsAsync(_database!, sessionId);

    /// <summary>
    /// Holds the writer inside a batch until the returned gate opens, so every append started meanwhile waits and
    /// then goes into one and the same following batch.
    /// </summary>
    private async Task<(TaskCompletionSource Gate, Task Held)> HoldTheWriterAsync()
    {
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = _writers[^1].WriteAsync(async _ =>
        {
            inside.TrySetResult();
            await gate.Task;
        });
        await inside.Task;
        return (gate, held);
    }

    internal static PayloadProtector TestProtector { get; } = new(new EncryptionOptions
    {
        ActiveKeyId = "test",
        Keys = new Dictionary<string, string> { ["test"] = Convert.ToBase64String(new byte[32]) },
    });

    protected static async Task<List<byte[]>> ReadPayloadsAsync(EventLogDatabase database, string sessionId)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT payload FROM bemore_session_events WHERE session_id = '{sessionId}'";
        var payloads = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add((byte[])reader.GetValue(0));
        }

        return payloads;
    }

    [Fact]
    public async Task ReadAfter_AppendedEvents_ReturnsThoseAfterSeqInOrder()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        await log.AppendAsync([Event(session, 1), Event(session, 2)]);
        await log.AppendAsync([Event(session, 3)]);

        var events = await log.ReadAfterAsync(session, afterSeq: 1, limit: 10);

        Assert.Equal([2L, 3L], events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Equal(session, e.SessionId));
        Assert.Equal(T0.AddSeconds(3), events[1].At);
        var change = Assert.IsType<StatusChanged>(events[1].Data);
        Assert.Equal(SessionStatus.Paused, change.To);
        Assert.Equal("reason 3", change.Reason);
    }

    [Fact]
    public async Task Append_SameSeqAgain_KeepsTheFirstAndDoesNotDuplicate()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        await log.AppendAsync([Event(session, 1), Event(session, 2)]);

        await log.AppendAsync([Event(session, 2, reason: "retried"), Event(session, 3)]);

        var events = await log.ReadAfterAsync(session, 0, 10);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Seq));
        Assert.Equal("reason 2", ((StatusChanged)events[1].Data).Reason);
    }

    [Fact]
    public async Task ReadAfter_WithLimit_PagesThroughTheLog()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        await log.AppendAsync(Enumerable.Range(1, 7).Select(seq => Event(session, seq)).ToList());

        var first = await log.ReadAfterAsync(session, 0, 3);
        var second = await log.ReadAfterAsync(session, first[^1].Seq, 3);
        var last = await log.ReadAfterAsync(session, second[^1].Seq, 3);

        Assert.Equal([1L, 2L, 3L], first.Select(e => e.Seq));
        Assert.Equal([4L, 5L, 6L], second.Select(e => e.Seq));
        Assert.Equal([7L], last.Select(e => e.Seq));
    }

    [Fact]
    public async Task GetTail_ReflectsTheHighestStoredSeqAndItsTime()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        Assert.Equal(new EventLogTail(0, null), await log.GetTailAsync(session));

        await log.AppendAsync([Event(session, 1), Event(session, 2)]);

        Assert.Equal(new EventLogTail(2, T0.AddSeconds(2)), await log.GetTailAsync(session));
    }

    [Fact]
    public async Task FindByDedupKey_ReturnsTheEventTaggedWithIt()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        await log.AppendAsync([(Event(session, 1), null), (Event(session, 2), "client:abc")]);

        var found = await log.FindByDedupKeyAsync(session, "client:abc");
        var missing = await log.FindByDedupKeyAsync(session, "client:zzz");
        var otherSession = await log.FindByDedupKeyAsync(NewSessionId(), "client:abc");

        Assert.Equal(2, found?.Seq);
        Assert.Null(missing);
        Assert.Null(otherSession);
    }

    [Fact]
    public async Task ReadDedupKeys_HoldsTheSessionsKeysUnderEveryKeyOfTheRing_AndNoOtherSessions()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        var other = NewSessionId();
        await log.AppendAsync([(Event(session, 1), null), (Event(session, 2), "client:abc")]);
        await log.AppendAsync([(Event(other, 1), "client:other")]);
        var afterRotation = LogAfterKeyRotation();
        await afterRotation.AppendAsync([(Event(session, 3), "client:after-rotation")]);

        var keys = await afterRotation.ReadDedupKeysAsync(session);
        var none = await afterRotation.ReadDedupKeysAsync(NewSessionId());

        Assert.True(keys.MayHold("client:abc"));
        Assert.True(keys.MayHold("client:after-rotation"));
        Assert.False(keys.MayHold("client:zzz"));
        Assert.False(keys.MayHold("client:other"));
        Assert.False(none.MayHold("client:abc"));
    }

    [Fact]
    public async Task Append_DedupKey_IsStoredAsAKeyedDigestAndStillFound()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        await log.AppendAsync([(Event(session, 1), "transcript:client-segment-7f3a")]);

        var stored = await ReadDedupKeysAsync(_database!, session);
        var found = await log.FindByDedupKeyAsync(session, "transcript:client-segment-7f3a");

        var key = Assert.Single(stored);
        Assert.DoesNotContain("client-segment", key, StringComparison.Ordinal);
        Assert.Equal(1, found?.Seq);
    }

    [Fact]
    public async Task FindByDedupKey_AfterTheActiveKeyRotated_FindsWhatTheOldKeyStored()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        await log.AppendAsync([(Event(session, 1), "transcript:before-rotation")]);
        var afterRotation = LogAfterKeyRotation();

        var found = await afterRotation.FindByDedupKeyAsync(session, "transcript:before-rotation");
        await afterRotation.AppendAsync([(Event(session, 2), "transcript:after-rotation")]);
        var duplicate = await Assert.ThrowsAsync<DuplicateSessionEventException>(
            () => afterRotation.AppendAsync([(Event(session, 3), "transcript:after-rotation")]));

        Assert.Equal(1, found?.Seq);
        Assert.Equal(2, duplicate.Existing.Seq);
        Assert.Equal(2, (await ReadDedupKeysAsync(_database!, session)).Distinct().Count());
    }

    private static async Task<List<string>> ReadDedupKeysAsync(EventLogDatabase database, string sessionId)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT dedup_key FROM bemore_session_events WHERE session_id = '{sessionId}' AND dedup_key IS NOT NULL";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    [Fact]
    public async Task Append_TranscriptText_IsNotStoredInTheClear()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        const string Secret = "나는 항상 모든 걸 망쳐요 — a very private sentence";
        await log.AppendAsync([new SessionEvent(session, 1, T0, new TranscriptSegment("c1", Secret, 0, 1000, "ko", 6, TranscriptSegment.FromClient))]);

        var raw = await ReadRawPayloadsAsync(session);
        var roundTrip = await log.ReadAfterAsync(session, 0, 10);

        var payload = Assert.Single(raw);
        Assert.Equal(-1, payload.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("private sentence")));
        Assert.Equal(-1, payload.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("나는")));
        Assert.Equal(Secret, ((TranscriptSegment)roundTrip[0].Data).Text);
    }

    [Fact]
    public async Task DeleteSession_ErasesOnlyThatSession()
    {
        var log = await CreateLogAsync();
        var erased = NewSessionId();
        var kept = NewSessionId();
        await log.AppendAsync([Event(erased, 1), Event(kept, 1)]);

        await log.DeleteSessionAsync(erased);

        Assert.Empty(await log.ReadAfterAsync(erased, 0, 10));
        Assert.Equal(0, (await log.GetTailAsync(erased)).LastSeq);
        Assert.Single(await log.ReadAfterAsync(kept, 0, 10));
    }

    [Fact]
    public async Task Append_ConcurrentAppendsFromManySessions_KeepEachSessionsSeqOrderWithoutGaps()
    {
        var log = await CreateLogAsync();
        var sessions = Enumerable.Range(0, 40).Select(_ => NewSessionId()).ToList();

        // Each session appends one event at a time, as its grain does; the sessions run side by side.
        await Task.WhenAll(sessions.Select(session => Task.Run(async () =>
        {
            for (var seq = 1; seq <= 15; seq++)
            {
                await log.AppendAsync([Event(session, seq)]);
            }
        })));

        foreach (var session in sessions)
        {
            var events = await log.ReadAfterAsync(session, 0, 100);
            Assert.Equal(Enumerable.Range(1, 15).Select(seq => (long)seq), events.Select(e => e.Seq));
            Assert.Equal(Enumerable.Range(1, 15).Select(seq => $"reason {seq}"), events.Select(e => ((StatusChanged)e.Data).Reason));
        }
    }

    [Fact]
    public async Task Append_DuplicateDedupKeyInsideABatch_FailsThatAppendAloneWithTheExistingEvent()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        var others = Enumerable.Range(0, 10).Select(_ => NewSessionId()).ToList();
        var (gate, held) = await HoldTheWriterAsync();

        var first = log.AppendAsync([(Event(session, 1, "first"), "client:dup")]);
        var before = others.Take(5).Select(other => log.AppendAsync([(Event(other, 1), "client:dup"), (Event(other, 2), null)])).ToList();
        var duplicate = log.AppendAsync([(Event(session, 2, "duplicate"), null), (Event(session, 3, "duplicate"), "client:dup")]);
        var after = others.Skip(5).Select(other => log.AppendAsync([(Event(other, 1), "client:dup"), (Event(other, 2), null)])).ToList();
        gate.SetResult();
        await held;

        await first;
        await Task.WhenAll(before.Concat(after));
        var conflict = await Assert.ThrowsAsync<DuplicateSessionEventException>(() => duplicate);
        Assert.Equal(1, conflict.Existing.Seq);
        Assert.Equal("first", ((StatusChanged)conflict.Existing.Data).Reason);
        // All or none for the conflicting append: its unkeyed event is not stored either, so the log has no gap.
        Assert.Equal([1L], (await log.ReadAfterAsync(session, 0, 10)).Select(e => e.Seq));
        foreach (var other in others)
        {
            Assert.Equal([1L, 2L], (await log.ReadAfterAsync(other, 0, 10)).Select(e => e.Seq));
        }
    }

    [Fact]
    public async Task Append_AfterABatchLostItsConnection_CommitsOnAFreshOne()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        await log.AppendAsync([Event(session, 1)]);

        // The writer keeps its connection between batches: one closed under a batch fails that batch's commit, and
        // the next batch must not inherit it.
        var broken = _writers[^1].WriteAsync(transaction => transaction.Connection!.CloseAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => broken);
        await log.AppendAsync([Event(session, 2)]);

        Assert.Equal(2, (await log.GetTailAsync(session)).LastSeq);
        Assert.Equal([1L, 2L], (await log.ReadAfterAsync(session, 0, 10)).Select(e => e.Seq));
    }

    [Fact]
    public async Task Append_ReturnsOnlyAfterItsBatchCommitted()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        var (gate, held) = await HoldTheWriterAsync();

        var append = log.AppendAsync([Event(session, 1)]);

        Assert.False(append.IsCompleted);
        Assert.Empty(await log.ReadAfterAsync(session, 0, 10));
        gate.SetResult();
        await held;
        await append;
        Assert.Single(await log.ReadAfterAsync(session, 0, 10));
    }

    private static string NewSessionId() => Guid.NewGuid().ToString("N");

    private static SessionEvent Event(string session, long seq, string? reason = null) =>
        new(session, seq, T0.AddSeconds(seq), new StatusChanged(SessionStatus.Active, SessionStatus.Paused, reason ?? $"reason {seq}"));
}

public sealed class SqliteSessionEventLogTests : SessionEventLogContract
{
    protected override async Task<EventLogDatabase> CreateDatabaseAsync()
    {
        var target = StorageTarget.Embedded(Folder.Path);
        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        return target.Database;
    }
}

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class PostgresSessionEventLogTests : SessionEventLogContract
{
    protected override async Task<EventLogDatabase> CreateDatabaseAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        return new StorageTarget(StorageProfile.Postgres, await server.CreateDatabaseAsync()).Database;
    }
}
