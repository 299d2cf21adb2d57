using System.Globalization;
using System.Text.Json;

namespace BeMore.Bench.Load.Scenarios.Chaos;

/// <summary>
/// bench/chaos.sh's client: <c>chaos-run</c> drives the sessions while the script kills nodes and writes the ledger;
/// <c>chaos-check</c> compares the ledger with the database rows the script dumped and prints the verdict line.
/// </summary>
public static class Chaos
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var nodes = options.Required("nodes").Split(',').Select(url => new Uri(url)).ToList();
        var sessionCount = options.Number("sessions", 100);
        var seconds = options.Number("seconds", 300);
        var interval = TimeSpan.FromMilliseconds(options.Number("interval-ms", 4000));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var sessions = new List<ChaosSession>();
        for (var i = 0; i < sessionCount; i++)
        {
            using var api = new BeMoreApi(nodes[i % nodes.Count]);
            // Four sessions per user: a user's grain and its sessions' grains land on different nodes.
            var token = i % 4 == 0 || sessions.Count == 0 ? await api.SignUpAsync($"chaos{i}", cancellationToken) : sessions[^1].Token;
            sessions.Add(new ChaosSession(token, await api.CreateSessionAsync(token, analysis: false, cancellationToken), nodes, i, http));
        }

        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (session, ct) => await session.ConnectAsync(ct));
        Console.Error.WriteLine($"chaos: {sessions.Count} sessions connected; appending for {seconds} s");
        Console.WriteLine("READY");

        var stopAt = DateTime.UtcNow.AddSeconds(seconds);
        var random = new Random(7);
        await Task.WhenAll(sessions.Select(async session =>
        {
            // Spread over the interval, so appends arrive evenly rather than in waves.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next((int)interval.TotalMilliseconds)), cancellationToken);
            await session.AppendUntilAsync(stopAt, interval, cancellationToken);
        }));

        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (session, ct) => await session.CatchUpAsync(ct));
        var ledger = sessions.Select(session => new LedgerEntry(
            session.SessionId, session.Acknowledged, [.. session.Received.Order()], session.Failures, session.Unavailable, session.Retries)).ToList();
        await File.WriteAllTextAsync(options.Required("ledger"), JsonSerializer.Serialize(ledger, Json), cancellationToken);
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }

    /// <summary>Prints the counts and the verdict line; exit code 1 when anything was lost, duplicated, skipped, undelivered or failed.</summary>
    public static async Task<int> CheckAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var ledger = JsonSerializer.Deserialize<List<LedgerEntry>>(await File.ReadAllTextAsync(options.Required("ledger"), cancellationToken), Json)!;
        // session_id|seq|dedup_key, one stored event a line (psql -At).
        var rows = (await File.ReadAllLinesAsync(options.Required("rows"), cancellationToken))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('|'))
            .GroupBy(fields => fields[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);

        long acknowledged = 0, lost = 0, duplicated = 0, gaps = 0, undelivered = 0;
        foreach (var session in ledger)
        {
            var stored = rows.GetValueOrDefault(session.SessionId) ?? [];
            var seqs = stored.Select(fields => long.Parse(fields[1], CultureInfo.InvariantCulture)).ToList();
            var storedSeqs = seqs.ToHashSet();
            acknowledged += session.Acknowledged.Count;
            lost += session.Acknowledged.Values.Count(seq => !storedSeqs.Contains(seq));
            // Two segments told the same seq, the same seq stored twice, or one clientSegmentId stored under two seqs.
            duplicated += session.Acknowledged.Count - session.Acknowledged.Values.Distinct().Count();
            duplicated += seqs.Count - storedSeqs.Count;
            duplicated += stored.Where(fields => fields[2].Length > 0).GroupBy(fields => fields[2]).Sum(group => group.Count() - 1);
            gaps += storedSeqs.Count == 0 ? 0 : storedSeqs.Max() - storedSeqs.Count;
            var received = session.Received.ToHashSet();
            undelivered += storedSeqs.Count(seq => !received.Contains(seq));
        }

        var failures = ledger.SelectMany(session => session.Failures).ToList();
        var waits = ledger.SelectMany(session => session.Unavailable).Order().ToList();
        var maxUnavailable = waits.Count == 0 ? 0 : waits[^1];
        var p99 = waits.Count == 0 ? 0 : waits[Math.Min(waits.Count - 1, (int)Math.Ceiling(waits.Count * 0.99) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chaos: {ledger.Count} sessions, {ledger.Sum(session => session.Retries)} retried attempts, {waits.Count} appends needed a retry (p99 {p99:0.0} s), {failures.Count} failures other than 503 or a refused connection"));
        foreach (var failure in failures.GroupBy(failure => failure.Split(' ')[0]))
        {
            Console.WriteLine($"chaos: failure {failure.Key} x{failure.Count()}: {failure.First()[..Math.Min(200, failure.First().Length)]}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chaos: acknowledged {acknowledged}, lost {lost}, duplicated {duplicated}, gaps {gaps}, undelivered {undelivered}, max unavailable {maxUnavailable:0.0} s"));
        return lost + duplicated + gaps + undelivered + failures.Count == 0 ? 0 : 1;
    }

    private sealed record LedgerEntry(
        string SessionId, Dictionary<string, long> Acknowledged, List<long> Received, List<string> Failures, List<double> Unavailable, int Retries);
}
