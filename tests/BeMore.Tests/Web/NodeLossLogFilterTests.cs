using BeMore.Web.Infrastructure.Errors;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Serilog.Events;
using Serilog.Parsing;

namespace BeMore.Tests.Web;

/// <summary>
/// Which copies of a node-loss failure the log drops (the unavailability log says it once per cause with a count) and
/// which lines it keeps: every source's other failures, and membership's own lines.
/// </summary>
public sealed class NodeLossLogFilterTests
{
    private static readonly NodeLossLogFilter Filter = new();

    public static TheoryData<string, string> Copies => new()
    {
        { "Orleans.Runtime.GrainDirectory.ClientDirectory", "Exception calling remote client directory" },
        { "Orleans.Runtime.GrainCallCancellationManager", "Error while cancelling {Count} requests to {SiloAddress}" },
        { "Microsoft.AspNetCore.SignalR.HubConnectionHandler", "Error when dispatching '{HubMethod}' on hub." },
        { "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler", "Exception occurred while processing message." },
        { "Orleans.Runtime.Messaging.MessageCenter", "Failed to address message {Message}" },
    };

    [Theory]
    [MemberData(nameof(Copies))]
    public void Copy_OfAnUnreachableNodesFailure_IsDropped(string source, string template)
    {
        Assert.False(Filter.IsEnabled(Event(source, template, new ConnectionFailedException("Unable to connect to 127.0.0.1:11111"))));
        Assert.False(Filter.IsEnabled(Event(source, template, new OrleansException("wrapped", new SiloUnavailableException("gone")))));
    }

    [Theory]
    [MemberData(nameof(Copies))]
    public void SameSource_WithAnyOtherFailure_KeepsItsLine(string source, string template)
    {
        Assert.True(Filter.IsEnabled(Event(source, template, new InvalidOperationException("a bug"))));
        Assert.True(Filter.IsEnabled(Event(source, template, exception: null)));
    }

    [Fact]
    public void MembershipLine_AboutTheDeadNode_Stays()
    {
        var probe = Event("Orleans.Runtime.MembershipService.SiloHealthMonitor", "Did not get response for probe #{Id} to silo {Silo}",
            new ConnectionFailedException("Unable to connect to 127.0.0.1:11111"));

        Assert.True(Filter.IsEnabled(probe));
    }

    private static LogEvent Event(string source, string template, Exception? exception) => new(
        DateTimeOffset.UtcNow,
        LogEventLevel.Error,
        exception,
        new MessageTemplateParser().Parse(template),
        [new LogEventProperty("SourceContext", new ScalarValue(source))]);
}
