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
    public async Task GetLastSeq_ReflectsTheHighestStoredSeq()
    {
        var log = await CreateLogAsync();
        var session = NewSessionId();
        Assert.Equal(0, await log.GetLastSeqAsync(session));

        await log.AppendAsync([Event(session, 1), Event(session, 2)]);

        Assert.Equal(2, await log.GetLastSeqAsync(session));
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
        Assert.Equal(0, await log.GetLastSeqAsync(erased));
        Assert.Single(await log.ReadAfterAsync(kept, 0, 10));
    }

    private static string NewSessionId() => Guid.NewGuid().ToString("N");

    private static SessionEvent Event(string session, long seq, string? reason = null) =>
        new(session, seq, T0.AddSeconds(seq), new StatusChanged(SessionStatus.Active, SessionStatus.Paused, reason ?? $"reason {seq}"));
}

public sealed class SqliteSessionEventLogTests : SessionEventLogContract
{
    protected override async Task<ISessionEventLog> CreateLogAsync()
    {
        var target = StorageTarget.Embedded(Folder.Path);
        await SchemaInstaller.ApplyAsync(target, CancellationToken.None);
        return new AdoNetSessionEventLog(target.Database);
    }
}

public sealed class PostgresSessionEventLogTests : SessionEventLogContract
{
    protected override async Task<ISessionEventLog> CreateLogAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        var target = new StorageTarget(StorageProfile.Postgres, await server.CreateDatabaseAsync());
        return new AdoNetSessionEventLog(target.Database);
    }
}
