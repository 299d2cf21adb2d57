using System.Collections.Concurrent;
using System.Globalization;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Tests.Llm;

/// <summary>Every rendered log line of the server, with its properties, for checks that secrets never reach a log.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watchers = [];

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var line = $"{logEvent.RenderMessage(CultureInfo.InvariantCulture)} {string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} {logEvent.Exception}";
        lock (_watchers)
        {
            _lines.Enqueue(line);
            foreach (var watcher in _watchers.Where(w => w.Match(line)).ToList())
            {
                watcher.Seen.TrySetResult(line);
                _watchers.Remove(watcher);
            }
        }
    }

    /// <summary>The first line (already logged or yet to come) that matches; a log written from another thread may trail the event it explains.</summary>
    public Task<string> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watchers)
        {
            if (_lines.FirstOrDefault(match) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            _watchers.Add((match, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }
}

/// <summary>
/// The server with LLM refinement pointed at a loopback <see cref="FakeChatServer"/>, a one-second call timeout, a
/// one-second emotion interval and a fast analysis timer, logging at Debug into <see cref="Logs"/>.
/// </summary>
public class LlmWebFactory : BeMoreWebFactory, IAsyncLifetime
{
    public const string ApiKey = "sk-bemore-test-3f9a7c1e5d";
    public const string Model = "bemore-test-model";

    private FakeChatServer? _chat;

    public FakeChatServer Chat => _chat ?? throw new InvalidOperationException("The fake server starts in InitializeAsync.");

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync() => _chat = await FakeChatServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await Chat.DisposeAsync();

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Llm:Enabled", "true");
        builder.UseSetting("BeMore:Llm:Endpoint", Chat.Endpoint.ToString());
        builder.UseSetting("BeMore:Llm:Model", Model);
        builder.UseSetting("BeMore:Llm:ApiKey", ApiKey);
        builder.UseSetting("BeMore:Llm:Timeout", "00:00:01");
        builder.UseSetting("BeMore:Sessions:EmotionInterval", "00:00:01");
        builder.UseSetting("BeMore:Sessions:AnalysisTick", "00:00:00.050");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        ConfigureLlm(builder);
    }

    protected virtual void ConfigureLlm(IWebHostBuilder builder)
    {
    }
}

/// <summary>The LLM server with a queue of one and a single worker, and a timeout far longer than any test.</summary>
public sealed class OneSlotLlmWebFactory : LlmWebFactory
{
    protected override void ConfigureLlm(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Llm:QueueCapacity", "1");
        builder.UseSetting("BeMore:Llm:MaxConcurrentRequests", "1");
        builder.UseSetting("BeMore:Llm:Timeout", "00:02:00");
    }
}
