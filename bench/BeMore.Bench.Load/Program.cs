using BeMore.Bench.Load;
using BeMore.Bench.Load.Scenarios;
using BeMore.Bench.Load.Scenarios.Chaos;

// A SignalR client as load generator stalls for half a second at times with default thread-pool settings; run.sh
// also sets DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 (see STACK-NOTES.md).
ThreadPool.SetMinThreads(2, 2);

var options = BenchOptions.Parse(args);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (options.Command == "chaos-check")
{
    return await Chaos.CheckAsync(options, cancellation.Token);
}

var scenario = options.Command switch
{
    "warmup" => Warmup.RunAsync(options, cancellation.Token),
    "hub-round-trip" => HubRoundTrip.RunAsync(options, cancellation.Token),
    "streaming" => Streaming.RunAsync(options, cancellation.Token),
    "mixed" => Mixed.RunAsync(options, cancellation.Token),
    "counselor" => CounselorReplies.RunAsync(options, cancellation.Token),
    "append" => EventLogAppend.RunAsync(options, cancellation.Token),
    "rest-prepare" => RestPrepare.RunAsync(options, cancellation.Token),
    "idle" => IdleConnections.RunAsync(options, cancellation.Token),
    "reactivation-prepare" => Reactivation.PrepareAsync(options, cancellation.Token),
    "reactivation-measure" => Reactivation.MeasureAsync(options, cancellation.Token),
    "chaos-run" => Chaos.RunAsync(options, cancellation.Token),
    _ => throw new ArgumentException($"Unknown command '{options.Command}'. Commands: warmup, hub-round-trip, streaming, mixed, counselor, append, rest-prepare, idle, reactivation-prepare, reactivation-measure, chaos-run, chaos-check."),
};
await scenario;
return 0;
