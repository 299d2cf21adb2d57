using System.Reflection;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Infrastructure.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Serilog;
using Serilog.Extensions.Logging;

namespace BeMore.Tests.Web;

/// <summary>Which failures mean "a node is unreachable" (answered 503 / SERVICE_UNAVAILABLE), and how they are logged.</summary>
public sealed class SiloUnavailabilityTests
{
    public static TheoryData<Exception, string> Unavailable => new()
    {
        { new SiloUnavailableException("The target silo became unavailable"), nameof(SiloUnavailableException) },
        // Orleans raises it itself (its constructors are not public), as here.
        { (Exception)Activator.CreateInstance(typeof(OrleansMessageRejectionException), BindingFlags.NonPublic | BindingFlags.Instance, null, ["Exception while sending message"], null)!,
            nameof(OrleansMessageRejectionException) },
        { new ConnectionFailedException("Unable to connect to endpoint"), nameof(ConnectionFailedException) },
        { new TimeoutException("Response did not arrive on time"), nameof(TimeoutException) },
        { new OrleansException("wrapped", new ConnectionFailedException("refused")), nameof(ConnectionFailedException) },
        { new AggregateException(new InvalidOperationException("other"), new SiloUnavailableException("gone")), nameof(SiloUnavailableException) },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void CauseOf_AnUnreachableNode_NamesTheFailure(Exception exception, string cause)
    {
        Assert.Equal(cause, SiloUnavailability.CauseOf(exception));
    }

    [Fact]
    public void CauseOf_DomainRefusalsAndBugs_IsNone()
    {
        Assert.Null(SiloUnavailability.CauseOf(new SessionNotFoundException()));
        Assert.Null(SiloUnavailability.CauseOf(new InvalidOperationException("a bug", new ArgumentException("inner"))));
        Assert.Null(SiloUnavailability.CauseOf(new OrleansException("not a connectivity problem")));
    }

    [Fact]
    public void Record_AFloodOfOneCause_LogsTheFirstAtOnceThenOneLineWithTheCountPerInterval()
    {
        var captured = new CapturedLogs();
        using var factory = new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(captured).CreateLogger(), dispose: true);
        var clock = new FakeTimeProvider();
        using var log = new SiloUnavailabilityLog(clock, factory.CreateLogger<SiloUnavailabilityLog>());

        for (var i = 0; i < 500; i++)
        {
            log.Record(nameof(SiloUnavailableException), new SiloUnavailableException("silo S1 is dead"), "POST /api/session/{id}/transcript");
        }

        log.Record(nameof(ConnectionFailedException), new ConnectionFailedException("refused"), "hub method SendTranscript");
        Assert.Equal(2, captured.Events.Count);
        Assert.All(captured.Events, line => Assert.Null(line.Exception));

        clock.Advance(SiloUnavailabilityLog.Interval);
        var lines = captured.Lines.ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("499 more", lines[2], StringComparison.Ordinal);
        Assert.Contains(nameof(SiloUnavailableException), lines[2], StringComparison.Ordinal);

        // A quiet interval ends the episode: the next failure is logged at once again.
        clock.Advance(SiloUnavailabilityLog.Interval);
        clock.Advance(SiloUnavailabilityLog.Interval);
        log.Record(nameof(SiloUnavailableException), new SiloUnavailableException("silo S2 is dead"), "GET /api/session/{id}");
        Assert.Equal(4, captured.Lines.Count);
        Assert.Contains("silo S2 is dead", captured.Lines.Last(), StringComparison.Ordinal);
    }
}
