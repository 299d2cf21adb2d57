using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace BeMore.Tests.Telemetry;

/// <summary>
/// Without an OTLP collector nothing records spans: no tracer listens, so grain calls and requests build no Activity
/// (the audio path makes one grain call per chunk).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class TracingOffTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Fact]
    public async Task NodeWithoutCollector_RecordsNoSpans()
    {
        var http = factory.CreateApiClient();
        var user = await http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(http, user);
        await LiveSessions.AppendTranscriptAsync(http, user, sessionId, "a line nobody traces");

        // Asked of this node's container: an ActivityListener is process-wide, and other tests' nodes do trace.
        Assert.Null(factory.Services.GetService<TracerProvider>());
    }
}
