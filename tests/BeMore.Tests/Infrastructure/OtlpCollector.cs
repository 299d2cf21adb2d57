using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BeMore.Tests.Infrastructure;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver on loopback: records every export request (path, content type,
/// protobuf body) and answers as a collector does, so the server's exporter runs on its real wire protocol.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly List<OtlpExport> _exports = [];
    private readonly List<(Func<OtlpExport, bool> Match, TaskCompletionSource<OtlpExport> Seen)> _watchers = [];
    private readonly List<OtlpSpan> _spans = [];
    private readonly List<(Func<IReadOnlyList<OtlpSpan>, bool> Done, TaskCompletionSource<IReadOnlyList<OtlpSpan>> Seen)> _spanWatchers = [];
    private LoopbackApp? _app;

    /// <summary>The base address to configure as <c>BeMore:Telemetry:OtlpEndpoint</c>.</summary>
    public Uri Address => _app?.Address ?? throw new InvalidOperationException("The collector is not started.");

    public static async Task<OtlpCollector> StartAsync()
    {
        var collector = new OtlpCollector();
        collector._app = await LoopbackApp.StartAsync(endpoints =>
        {
            endpoints.MapPost("/v1/traces", collector.ReceiveAsync);
            endpoints.MapPost("/v1/metrics", collector.ReceiveAsync);
        });
        return collector;
    }

    /// <summary>The first export (already received or yet to come) that matches.</summary>
    public Task<OtlpExport> WaitForAsync(Func<OtlpExport, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<OtlpExport>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_exports)
        {
            if (_exports.FirstOrDefault(match) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            _watchers.Add((match, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>Every span received so far, once (already or later) they satisfy <paramref name="done"/>.</summary>
    public Task<IReadOnlyList<OtlpSpan>> WaitForSpansAsync(Func<IReadOnlyList<OtlpSpan>, bool> done, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<IReadOnlyList<OtlpSpan>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_exports)
        {
            if (done(_spans))
            {
                return Task.FromResult<IReadOnlyList<OtlpSpan>>([.. _spans]);
            }

            _spanWatchers.Add((done, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var export = new OtlpExport(context.Request.Path, context.Request.ContentType, body.ToArray());
        lock (_exports)
        {
            _exports.Add(export);
            if (export.Path == "/v1/traces")
            {
                _spans.AddRange(OtlpSpans.Parse(export.Body));
                foreach (var watcher in _spanWatchers.Where(w => w.Done(_spans)).ToList())
                {
                    watcher.Seen.TrySetResult([.. _spans]);
                    _spanWatchers.Remove(watcher);
                }
            }

            foreach (var watcher in _watchers.Where(w => w.Match(export)).ToList())
            {
                watcher.Seen.TrySetResult(export);
                _watchers.Remove(watcher);
            }
        }

        // An empty ExportTraceServiceResponse / ExportMetricsServiceResponse: everything accepted.
        context.Response.ContentType = "application/x-protobuf";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One OTLP export request as the collector received it.</summary>
public sealed record OtlpExport(string Path, string? ContentType, byte[] Body)
{
    /// <summary>Whether the protobuf body holds <paramref name="text"/> (span names, attribute values and scope names are UTF-8 strings in it).</summary>
    public bool Contains(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
