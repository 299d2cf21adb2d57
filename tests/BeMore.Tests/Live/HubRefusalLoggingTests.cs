using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Tests.Live;

/// <summary>
/// Expected hub refusals (validation, unknown session, wrong state, rate limit) are a client's mistake, not the
/// server's: a burst of them leaves a few sampled Information lines without stack traces, while an unexpected
/// exception in a hub method is still logged at Error with its stack.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HubRefusalLoggingTests(HubRefusalLoggingTests.LoggingHubWebFactory factory) : IClassFixture<HubRefusalLoggingTests.LoggingHubWebFactory>
{
    private const int Burst = 150;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task BurstOfRefusedCalls_LogsAFewInformationLinesWithoutStacks_WhileAnUnexpectedFailureStillLogsAnError()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
        var before = factory.Logs.Events.Count;

        var codes = new List<string>();
        for (var i = 0; i < Burst; i++)
        {
            codes.Add(await RefusalCodeAsync(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
                new { clientSegmentId = $"bad-{i}", text = "backwards", startMs = 900, endMs = 100, language = "en" })));
            codes.Add(await RefusalCodeAsync(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("JoinSession", "0123456789abcdef0123456789abcdef", 0L)));
        }

        var unexpected = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("End", FaultInjectingHubFilter.FaultySessionId));
        await factory.Logs.WaitForAsync(line => line.Contains(FaultInjectingHubFilter.FaultMessage, StringComparison.Ordinal), Wait);
        // BeMore's own lines: the Orleans runtime's health monitor warns of a stalled thread pool when the shared host pauses.
        var logged = factory.Logs.Events.Skip(before)
            .Where(e => !(e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().StartsWith("\"Orleans.", StringComparison.Ordinal)))
            .ToList();
        var refusalLines = logged.Where(e => e.Exception is not InvalidOperationException { Message: FaultInjectingHubFilter.FaultMessage }).ToList();

        Assert.Equal(Burst, codes.Count(c => c == "VALIDATION_ERROR"));
        Assert.Equal(Burst, codes.Count(c => c == "SESSION_NOT_FOUND"));
        Assert.DoesNotContain("VALIDATION_ERROR", unexpected.Message, StringComparison.Ordinal);
        Assert.InRange(refusalLines.Count, 2, 6);
        Assert.All(refusalLines, e => Assert.Null(e.Exception));
        Assert.All(refusalLines, e => Assert.True(e.Level <= LogEventLevel.Information, $"{e.Level}: {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Contains(refusalLines, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("VALIDATION_ERROR", StringComparison.Ordinal));
        Assert.Contains(refusalLines, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("SESSION_NOT_FOUND", StringComparison.Ordinal));
        Assert.Contains(logged, e => e.Level == LogEventLevel.Error && e.Exception is InvalidOperationException { Message: FaultInjectingHubFilter.FaultMessage });
    }

    private static async Task<string> RefusalCodeAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        return LiveClient.CodeOf(error);
    }

    /// <summary>The server with its log captured, a budget that lets the burst through, and one hub call that fails unexpectedly.</summary>
    public sealed class LoggingHubWebFactory : BeMoreWebFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureStorage(IWebHostBuilder builder)
        {
            builder.UseSetting("BeMore:Hub:InvocationsPerSecond", "10000");
            builder.UseSetting("BeMore:Hub:InvocationBurst", "10000");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ILogEventSink>(Logs);
                services.Configure<HubOptions>(hub => hub.AddFilter(new FaultInjectingHubFilter()));
            });
        }
    }

    /// <summary>Stands in for a bug: one session id makes the call throw an exception no handler expects.</summary>
    private sealed class FaultInjectingHubFilter : IHubFilter
    {
        public const string FaultySessionId = "fffffffffffffffffffffffffffffff0";
        public const string FaultMessage = "injected fault for the logging test";

        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
            invocationContext.HubMethodArguments is [FaultySessionId, ..]
                ? throw new InvalidOperationException(FaultMessage)
                : next(invocationContext);
    }
}
