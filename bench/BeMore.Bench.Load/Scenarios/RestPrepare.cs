namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Scenario 4 runs under wrk (run.sh); this signs up users with one session each and prints one line per user,
/// <c>BENCH_USER token sessionId</c>, for the wrk scripts, which take turns between the users: a session grain, like
/// its user's grain, serves one call at a time, so one user alone would measure one grain, not the server.
/// </summary>
public static class RestPrepare
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var users = options.Number("users", options.Quick ? 8 : 32);
        using var api = new BeMoreApi(options.BeMore);
        var tokens = await api.SignUpManyAsync("rest", users, cancellationToken);
        foreach (var (token, sessionId) in await api.CreateSessionsAsync(tokens, users, analysis: false, cancellationToken))
        {
            Console.WriteLine($"BENCH_USER {token} {sessionId}");
        }
    }
}
