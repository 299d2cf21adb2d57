using System.Data.Common;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Storage;

/// <summary>
/// What one appended segment costs the store must not grow with the transcript: the grain's state row is not
/// rewritten per segment, and each segment's row is the same size whether it is the 10th or the 210th.
/// Measured in what the store holds, not in time.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class WriteCostTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Fact]
    public async Task AppendSegment_CostDoesNotDependOnPriorSegments()
    {
        // Not GUID-shaped, so the storage row keeps it as a string key the query below can find.
        var sessionId = $"cost-{Guid.NewGuid():N}";
        var session = factory.Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        await session.StartAsync(new StartSession("owner", "cost", new SessionConsent(Analysis: false, StoreTranscript: true)));
        // The state is first written with the 100th event (a new session's state is its log's to rebuild).
        await AppendAsync(session, 0, 110);
        var early = await MeasureAsync(sessionId);

        await AppendAsync(session, 110, 200);
        var late = await MeasureAsync(sessionId);

        // 200 more segments rewrote the state row at most twice (every 100 events), never per segment.
        Assert.InRange(late.StateVersion - early.StateVersion, 0, 2);
        Assert.Equal(early.LastRowBytes, late.LastRowBytes);
        // The state holds counters, not the transcript: 200 segments may widen a few varints, nothing more.
        Assert.InRange(late.StateBytes - early.StateBytes, 0, 16);
        Assert.True(late.StateBytes < 1024, $"session state is {late.StateBytes} bytes");
    }

    private static async Task AppendAsync(ICounselingSessionGrain session, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            // Same length every time, so any growth would be the store's, not the input's.
            await session.AppendTranscriptAsync("owner", new TranscriptInput($"seg-{i:D5}", $"sentence {i:D5} of the transcript", 100_000L + (i * 10), 100_005L + (i * 10), "en"));
        }
    }

    private async Task<(long StateVersion, long StateBytes, long LastRowBytes)> MeasureAsync(string sessionId)
    {
        await using var connection = await factory.Storage.Database.OpenAsync(CancellationToken.None);
        var (version, stateBytes) = await ReadPairAsync(connection,
            $"SELECT Version, length(PayloadBinary) FROM OrleansStorage WHERE GrainIdExtensionString = '{sessionId}'");
        var (_, rowBytes) = await ReadPairAsync(connection,
            $"SELECT seq, length(payload) + length(type) + length(dedup_key) FROM bemore_session_events WHERE session_id = '{sessionId}' ORDER BY seq DESC LIMIT 1");
        return (version, stateBytes, rowBytes);
    }

    private static async Task<(long, long)> ReadPairAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), sql);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
