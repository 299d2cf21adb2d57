using System.Globalization;
using System.Net;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using BeMore.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Tests.Telemetry;

/// <summary>
/// What an operator gets from a running node: Prometheus metrics on the management port (and never on the public one),
/// traces of REST requests and hub calls through the grains to the event-log write at an OTLP collector, and log lines
/// that name their node and, inside a session's request or hub call, the session.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class TelemetryTests(TelemetryTests.TelemetryWebFactory factory) : IClassFixture<TelemetryTests.TelemetryWebFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ScrapeEndpoint_ServesBeMoreMetricsOnTheManagementPortOnly()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user);
        await LiveSessions.AppendTranscriptAsync(http, user, sessionId, "a line for the metrics");
        await using (var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken))
        {
            await client.JoinAsync(sessionId);
            var refusal = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("JoinSession", "not-a-session", 0L));
            Assert.Equal("SESSION_NOT_FOUND", LiveClient.CodeOf(refusal));
        }

        using var management = new HttpClient { BaseAddress = factory.ManagementAddress };
        using var scrape = await management.GetAsync(new Uri("/metrics", UriKind.Relative));
        var metrics = await scrape.Content.ReadAsStringAsync();
        using var publicScrape = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var otherManagementPath = await management.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("bemore_session_events_appended_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("type=\"transcript_segment\"", metrics, StringComparison.Ordinal);
        Assert.Contains("bemore_eventlog_append_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("bemore_eventlog_commit_batch_size_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("bemore_session_active{", metrics, StringComparison.Ordinal);
        Assert.Contains("bemore_hub_refusals_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("code=\"SESSION_NOT_FOUND\"", metrics, StringComparison.Ordinal);
        Assert.Contains("signalr_server_active_connections", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(sessionId, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id, metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, publicScrape.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherManagementPath.StatusCode);
    }

    [Fact]
    public async Task Traces_OfARestRequestAndEachHubCall_ReachTheOtlpCollector_ThroughTheGrainCallToTheEventLogWrite()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user);
        await LiveSessions.AppendTranscriptAsync(http, user, sessionId, "a line for the traces");
        await using (var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken))
        {
            await client.JoinAsync(sessionId);
            await client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
                new { clientSegmentId = Guid.NewGuid().ToString("N"), text = "a hub line for the traces", startMs = 2000, endMs = 3000, language = "en" });
        }

        // Each request's own trace (this test's, among those of every server in the test process): the REST append, the
        // hub join and the hub append, the appends each reaching their event-log write.
        var spans = await factory.Collector.WaitForSpansAsync(all =>
            RestTrace(all, sessionId) is { } rest && HasAppend(all, rest)
            && HubTrace(all, sessionId, "SendTranscript") is { } hubAppend && HasAppend(all, hubAppend)
            && HubTrace(all, sessionId, "JoinSession") is not null, Wait);
        var restTrace = RestTrace(spans, sessionId);
        var joinTrace = HubTrace(spans, sessionId, "JoinSession");
        var sendTrace = HubTrace(spans, sessionId, "SendTranscript");
        var traces = await factory.Collector.WaitForAsync(e => e.Path == "/v1/traces", Wait);
        var metrics = await factory.Collector.WaitForAsync(e => e.Path == "/v1/metrics" && e.Contains("bemore.session.events.appended"), Wait);

        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.Equal("application/x-protobuf", metrics.ContentType);
        Assert.NotEqual(joinTrace, sendTrace);
        Assert.NotEqual(restTrace, sendTrace);
        Assert.Contains(spans, s => s.TraceId == restTrace && s.Name.Contains("ICounselingSessionGrain", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.Name.Contains("for the traces", StringComparison.Ordinal));
    }

    private static string? RestTrace(IReadOnlyList<OtlpSpan> spans, string sessionId) => spans.FirstOrDefault(s =>
        s.Name == "POST /api/session/{id}/transcript" && s.Attributes.GetValueOrDefault("url.path") == $"/api/session/{sessionId}/transcript")?.TraceId;

    private static string? HubTrace(IReadOnlyList<OtlpSpan> spans, string sessionId, string method) => spans.FirstOrDefault(s =>
        s.Name == $"SessionHub/{method}" && s.Attributes.GetValueOrDefault(HubTelemetryFilter.SessionIdTag) == sessionId)?.TraceId;

    private static bool HasAppend(IReadOnlyList<OtlpSpan> spans, string traceId) =>
        spans.Any(s => s.TraceId == traceId && s.Name == "bemore.eventlog.append");

    [Fact]
    public async Task LogLines_CarryTheNode_AndInsideASessionRequestOrHubCall_TheSessionId()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user);
        await LiveSessions.AppendTranscriptAsync(http, user, sessionId, "a line for the logs");
        await using (var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken))
        {
            // Refused inside the hub filters (end before start), which log the refusal while the call runs.
            var refusal = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
                new { clientSegmentId = "backwards", text = "backwards", startMs = 900, endMs = 100, language = "en" }));
            Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(refusal));
        }

        var node = factory.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.ToString();
        var restLine = await WaitForEventAsync(e => HasSessionId(e, sessionId) && e.RenderMessage(CultureInfo.InvariantCulture).Contains("/transcript", StringComparison.Ordinal));
        var hubLine = await WaitForEventAsync(e => HasSessionId(e, sessionId) && e.RenderMessage(CultureInfo.InvariantCulture).Contains("VALIDATION_ERROR", StringComparison.Ordinal));

        Assert.All(factory.Logs.Events, e => Assert.Equal(node, (e.Properties["Node"] as ScalarValue)?.Value as string));
        Assert.Equal(node, (restLine.Properties["Node"] as ScalarValue)?.Value);
        Assert.Equal(node, (hubLine.Properties["Node"] as ScalarValue)?.Value);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("a line for the logs", StringComparison.Ordinal));
    }

    private static bool HasSessionId(LogEvent logEvent, string sessionId) =>
        logEvent.Properties.TryGetValue("SessionId", out var value) && value is ScalarValue { Value: string id } && id == sessionId;

    private async Task<LogEvent> WaitForEventAsync(Func<LogEvent, bool> match)
    {
        await factory.Logs.WaitForAsync(_ => factory.Logs.Events.Any(match), Wait);
        return factory.Logs.Events.First(match);
    }

    /// <summary>The server with its log captured, a management port, and an OTLP/HTTP collector on loopback exported to every 200 ms.</summary>
    public sealed class TelemetryWebFactory : BeMoreWebFactory, IAsyncLifetime
    {
        private readonly int _metricsPort = FreePort.Next();

        public CapturedLogs Logs { get; } = new();

        public OtlpCollector Collector { get; private set; } = null!;

        public Uri ManagementAddress => new($"http://127.0.0.1:{_metricsPort.ToString(CultureInfo.InvariantCulture)}");

        public async Task InitializeAsync() => Collector = await OtlpCollector.StartAsync();

        async Task IAsyncLifetime.DisposeAsync() => await Collector.DisposeAsync();

        protected override void ConfigureStorage(IWebHostBuilder builder)
        {
            builder.UseSetting("BeMore:Telemetry:MetricsPort", _metricsPort.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("BeMore:Telemetry:OtlpEndpoint", Collector.Address.ToString());
            builder.UseSetting("BeMore:Telemetry:OtlpProtocol", "HttpProtobuf");
            builder.UseSetting("BeMore:Telemetry:ExportInterval", "00:00:00.200");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        }
    }
}
