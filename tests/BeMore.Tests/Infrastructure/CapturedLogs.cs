using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Tests.Infrastructure;

/// <summary>Every rendered log line of the server, with its properties, for checks that secrets never reach a log.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watchers = [];

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The same events as <see cref="Lines"/>, with their level and exception, for checks of how something is logged.</summary>
    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var line = $"{logEvent.RenderMessage(CultureInfo.InvariantCulture)} {string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} {logEvent.Exception}";
        lock (_watchers)
        {
            _lines.Enqueue(line);
            _events.Enqueue(logEvent);
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
