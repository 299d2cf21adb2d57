using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace BeMore.Tests.Hosting;

/// <summary>
/// Each host writes its log lines through its own logger. Tests run many hosts in one process, and checks that a
/// secret never reaches a log only mean something if a host's lines go to that host's sinks and nowhere else.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HostLoggingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RequestLog_WithASecondHostStartedAndStopped_StaysWithItsOwnHost()
    {
        await using var first = new CapturingWebFactory();
        using var firstClient = first.CreateApiClient();
        var before = await GetAsync(firstClient);
        string during;
        string second;
        CapturedLogs secondLogs;
        await using (var other = new CapturingWebFactory())
        {
            using var otherClient = other.CreateApiClient();
            second = await GetAsync(otherClient);
            during = await GetAsync(firstClient);
            await other.Logs.WaitForAsync(line => line.Contains(second, StringComparison.Ordinal), Wait);
            secondLogs = other.Logs;
        }

        var after = await GetAsync(firstClient);

        foreach (var requestId in new[] { before, during, after })
        {
            await first.Logs.WaitForAsync(line => line.Contains(requestId, StringComparison.Ordinal), Wait);
        }

        Assert.DoesNotContain(first.Logs.Lines, line => line.Contains(second, StringComparison.Ordinal));
        Assert.DoesNotContain(secondLogs.Lines, line => line.Contains(before, StringComparison.Ordinal) || line.Contains(during, StringComparison.Ordinal));
    }

    /// <summary>A request with a fresh request id, which the request's log line carries.</summary>
    private static async Task<string> GetAsync(HttpClient client)
    {
        var requestId = $"host-log-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Request-Id", requestId);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return requestId;
    }

    private sealed class CapturingWebFactory : BeMoreWebFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureStorage(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}
