using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Bench.Load;

/// <summary>
/// The two servers of a comparison, each with the same call made the way it is made there: the echo hub's method on
/// the baseline, the live hub's on BeMore.
/// </summary>
public sealed record HubTarget(string Name, HubConnection[] Connections, Func<HubConnection, int, Task> Call, int Pid)
{
    public Task Invoke(int index) => Call(Connections[index % Connections.Length], index);
}

/// <summary>Users and sessions on a BeMore server, set up through its REST API.</summary>
public static class BeMoreSetup
{
    /// <summary>Users the sessions are spread over (the per-user connection cap is raised for the run, so a few do).</summary>
    public const int Users = 4;

    /// <summary>
    /// Sessions spread over a few new users; <paramref name="analysis"/> is the consent that decides whether the
    /// session records analysis events (voice activity among them).
    /// </summary>
    public static async Task<List<(string Token, string SessionId)>> SessionsAsync(
        BenchOptions options, int count, string name, bool analysis, CancellationToken cancellationToken)
    {
        using var api = new BeMoreApi(options.BeMore);
        var tokens = await api.SignUpManyAsync(name, Math.Min(Users, count), cancellationToken);
        return await api.CreateSessionsAsync(tokens, count, analysis, cancellationToken);
    }
}
