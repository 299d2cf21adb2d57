using System.Globalization;
using BeMore.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Bench.Load.Scenarios;

/// <summary>
/// Scenario 5: what an idle joined session costs the server: growth of the server's resident memory when N
/// connections each join their own session (BeMore: <c>JoinSession</c>; the sessions exist beforehand) against N bare
/// echo-hub connections each joining a group. run.sh starts both servers afresh for it (a process whose heap earlier
/// scenarios grew absorbs new connections without growing), and a first small round of connections, closed before
/// measuring, loads and compiles the code paths, so what is measured is the connections.
/// </summary>
public static class IdleConnections
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var count = options.Number("connections", options.Quick ? 50 : 1000);
        // Lets the server finish the joins' allocations and its background work before memory is read.
        var settle = TimeSpan.FromSeconds(options.Quick ? 1 : 3);
        var protocol = Hubs.ParseProtocol(options.Text("protocol", "messagepack"));
        var warm = Math.Min(count, 50);
        var sessions = await BeMoreSetup.SessionsAsync(options, count + warm, "idle", analysis: false, cancellationToken);
        await Hubs.DisposeAllAsync(await Hubs.ConnectManyAsync(warm, (i, ct) => JoinEchoAsync(options, protocol, i, ct), cancellationToken));
        await Hubs.DisposeAllAsync(await Hubs.ConnectManyAsync(warm, (i, ct) => JoinAsync(options, protocol, sessions[count + i], ct), cancellationToken));

        var baseline = await GrowthPerConnectionAsync(options.BaselinePid, count, settle, (i, ct) => JoinEchoAsync(options, protocol, i, ct), cancellationToken);
        var bemore = await GrowthPerConnectionAsync(options.BeMorePid, count, settle, (i, ct) => JoinAsync(options, protocol, sessions[i], ct), cancellationToken);
        ResultTable.Row("5 idle joined session", $"RSS per connection, N={count}{options.Label}", baseline / 1024, bemore / 1024, " KiB");
    }

    private static async Task<SessionConnection> JoinAsync(BenchOptions options, WireProtocol protocol, (string Token, string SessionId) session, CancellationToken cancellationToken)
    {
        var connection = await Hubs.ConnectSessionAsync(options.BeMore, session.Token, protocol, cancellationToken);
        await connection.JoinAsync(session.SessionId, cancellationToken: cancellationToken);
        return connection;
    }

    private static async Task<HubConnection> JoinEchoAsync(BenchOptions options, WireProtocol protocol, int index, CancellationToken cancellationToken)
    {
        var connection = await Hubs.ConnectAsync(options.Baseline, Hubs.EchoPath, null, protocol, cancellationToken);
        await connection.InvokeAsync("Join", $"group-{index}", cancellationToken);
        return connection;
    }

    private static async Task<double> GrowthPerConnectionAsync<T>(
        int pid, int count, TimeSpan settle, Func<int, CancellationToken, Task<T>> connect, CancellationToken cancellationToken)
        where T : IAsyncDisposable
    {
        await Task.Delay(settle, cancellationToken);
        var before = ProcessStats.RssBytes(pid);
        var connections = await Hubs.ConnectManyAsync(count, connect, cancellationToken);
        try
        {
            await Task.Delay(settle, cancellationToken);
            var perConnection = (ProcessStats.RssBytes(pid) - before) / (double)count;
            ResultTable.Progress(string.Create(CultureInfo.InvariantCulture,
                $"idle: pid {pid} grew {(ProcessStats.RssBytes(pid) - before) / 1048576.0:0.0} MB for {count} joined connections ({perConnection / 1024:0.0} KiB each)"));
            return perConnection;
        }
        finally
        {
            await Hubs.DisposeAllAsync(connections.Cast<IAsyncDisposable>());
        }
    }
}
