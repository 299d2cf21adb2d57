using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Storage;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Storage;

/// <summary>The event log's behaviour, run against each real database it serves.</summary>
public abstract class SessionEventLogContract : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    protected TestFolder Folder { get; } = new("log");

    protected abstract Task<ISessionEventLog> CreateLogAsync();

    /// <summary>The stored payload column of the session's rows, as the database holds it.</summary>
    protected abstract Task<List<byte[]>> ReadRawPayloadsAsync(string sessionId);

    protected static PayloadProtector TestProtector { get; } = new(new EncryptionOptions
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

    public void Dispose()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
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

    private static string NewSessionId() => Guid.NewGuid().ToString("N");

    private static SessionEvent Event(string session, long seq, string? reason = null) =>
        new(session, seq, T0.AddSeconds(seq), new StatusChanged(SessionStatus.Active, SessionStatus.Paused, reason ?? $"reason {seq}"));
}

public sealed class SqliteSessionEventLogTests : SessionEventLogContract
{
    private StorageTarget? _target;

    protected override async Task<ISessionEventLog> CreateLogAsync()
    {
        _target = StorageTarget.Embedded(Folder.Path);
        await SchemaInstaller.ApplyAsync(_target, CancellationToken.None);
        return new AdoNetSessionEventLog(_target.Database, TestProtector);
    }

    protected override Task<List<byte[]>> ReadRawPayloadsAsync(string sessionId) => ReadPayloadsAsync(_target!.Database, sessionId);
}

public sealed class PostgresSessionEventLogTests : SessionEventLogContract
{
    private StorageTarget? _target;

    protected override async Task<ISessionEventLog> CreateLogAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        _target = new StorageTarget(StorageProfile.Postgres, await server.CreateDatabaseAsync());
        return new AdoNetSessionEventLog(_target.Database, TestProtector);
    }

    protected override Task<List<byte[]>> ReadRawPayloadsAsync(string sessionId) => ReadPayloadsAsync(_target!.Database, sessionId);
}
