using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using BeMore.Client;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Scenario 3: a durable transcript append (<c>SendTranscript</c> through the live hub: validated, appended to the
/// session's event log, sealed, the grain's small state saved, then answered) with few and with many prior segments,
/// against a raw single-row INSERT of the same size into the same table of the same database. Appends run one after
/// another, each timed from its own start. Bytes written per append: for SQLite, what the writing process (the server,
/// or this generator for the raw insert) wrote to storage; for PostgreSQL, the growth of the write-ahead log.
/// </summary>
public static class EventLogAppend
{
    private const string Sentence = "I keep thinking that everything will go wrong at work tomorrow, and I could not sleep at all last night.";

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var priors = options.Numbers("priors", options.Quick ? "10,100" : "10,2000");
        var measured = options.Number("appends", options.Quick ? 30 : 200);
        var database = Database.Open(options.Required("database"), options.BeMorePid);

        var sessions = await BeMoreSetup.SessionsAsync(options, 1, "append", analysis: false, cancellationToken);
        var (token, sessionId) = sessions[0];
        await using var hub = await Hubs.ConnectSessionAsync(options.BeMore, token, WireProtocol.MessagePack, cancellationToken);
        var rawSession = $"bench-raw-{Guid.NewGuid():N}";
        var appended = 0;
        var inserted = 0;
        int? payloadBytes = null;

        foreach (var prior in priors)
        {
            while (appended < prior)
            {
                await AppendAsync(hub, sessionId, appended++, cancellationToken);
            }

            payloadBytes ??= await database.AveragePayloadBytesAsync(sessionId, cancellationToken);
            while (inserted < prior)
            {
                await database.InsertRawAsync(rawSession, ++inserted, payloadBytes.Value, cancellationToken);
            }

            var raw = await MeasureAsync(database, Database.GeneratorPid, measured,
                () => database.InsertRawAsync(rawSession, ++inserted, payloadBytes.Value, cancellationToken), cancellationToken);
            var bemore = await MeasureAsync(database, database.ServerPid, measured,
                () => AppendAsync(hub, sessionId, appended++, cancellationToken), cancellationToken);
            ResultTable.Progress(string.Create(CultureInfo.InvariantCulture,
                $"append @{prior} prior: raw p99 {raw.Latencies.Ms(99):0.00} ms {raw.BytesPerAppend:0} B, BeMore p99 {bemore.Latencies.Ms(99):0.00} ms {bemore.BytesPerAppend:0} B (payload {payloadBytes} B)"));

            var scenario = "3 event-log append";
            ResultTable.Row(scenario, $"p50 @{prior} prior segments{options.Label}", raw.Latencies.Ms(50), bemore.Latencies.Ms(50), " ms");
            ResultTable.Row(scenario, $"p99 @{prior} prior segments{options.Label}", raw.Latencies.Ms(99), bemore.Latencies.Ms(99), " ms");
            ResultTable.Row(scenario, $"bytes written per append @{prior}{options.Label}", raw.BytesPerAppend, bemore.BytesPerAppend, " B");
        }
    }

    private static Task AppendAsync(SessionConnection hub, string sessionId, int index, CancellationToken cancellationToken) =>
        hub.SendTranscriptAsync(sessionId, new TranscriptSegment($"segment-{index}", Sentence, index * 5000L, (index * 5000L) + 4000, "en"), cancellationToken);

    private static async Task<(Latencies Latencies, double BytesPerAppend)> MeasureAsync(
        Database database, int writerPid, int count, Func<Task> append, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        var before = await database.BytesWrittenAsync(writerPid, cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await append();
            latencies.RecordSince(start);
        }

        var after = await database.BytesWrittenAsync(writerPid, cancellationToken);
        return (latencies, (after - before) / (double)count);
    }

    /// <summary>BeMore's database, opened by the generator for the raw inserts and the byte counts.</summary>
    private sealed class Database(DbDataSource source, bool isPostgres, int serverPid)
    {
        public int ServerPid => serverPid;

        /// <summary>0 means this process in <see cref="ProcessStats.WriteBytes"/>.</summary>
        public const int GeneratorPid = 0;

        /// <summary><c>sqlite:/path/bemore.db</c> or <c>postgres:Host=...;Database=...</c>.</summary>
        public static Database Open(string spec, int serverPid)
        {
            var separator = spec.IndexOf(':', StringComparison.Ordinal);
            var (kind, target) = (spec[..separator], spec[(separator + 1)..]);
            return kind switch
            {
                "sqlite" => new Database(SqliteFactory.Instance.CreateDataSource($"Data Source={target};Default Timeout=30"), false, serverPid),
                "postgres" => new Database(NpgsqlDataSource.Create(target), true, serverPid),
                _ => throw new ArgumentException($"--database must start with sqlite: or postgres:, not '{kind}:'."),
            };
        }

        public async Task<int> AveragePayloadBytesAsync(string sessionId, CancellationToken cancellationToken)
        {
            await using var command = source.CreateCommand(
                $"SELECT CAST(AVG({(isPostgres ? "octet_length" : "length")}(payload)) AS INTEGER) FROM bemore_session_events WHERE session_id = {Parameter("id")}");
            Add(command, "id", sessionId);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        /// <summary>One row shaped like a transcript event, in its own (autocommit) transaction, as durable as BeMore's.</summary>
        public async Task InsertRawAsync(string sessionId, long seq, int payloadBytes, CancellationToken cancellationToken)
        {
            await using var command = source.CreateCommand(
                "INSERT INTO bemore_session_events (session_id, seq, type, at_ms, dedup_key, key_id, payload) " +
                $"VALUES ({Parameter("s")}, {Parameter("q")}, 'transcript_segment', {Parameter("a")}, {Parameter("d")}, 'bench', {Parameter("p")})");
            var payload = new byte[payloadBytes];
            Random.Shared.NextBytes(payload);
            Add(command, "s", sessionId);
            Add(command, "q", seq);
            Add(command, "a", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            Add(command, "d", $"client:segment-{seq}");
            Add(command, "p", payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public async Task<long> BytesWrittenAsync(int pid, CancellationToken cancellationToken)
        {
            if (!isPostgres)
            {
                return ProcessStats.WriteBytes(pid);
            }

            await using var command = source.CreateCommand("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        private string Parameter(string name) => isPostgres ? $"@{name}" : $"${name}";

        private void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = Parameter(name);
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
