using BeMore.Web.Infrastructure.Security;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace BeMore.Tests.Security;

/// <summary>The redacting enricher on its own: a logger with an in-memory sink.</summary>
public sealed class SensitiveDataRedactorTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    private const string Refresh = "0123456789abcdef0123456789abcdef.89abcdef01234567.00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private static readonly string[] TranscriptItems = ["hopeless again"];

    [Theory]
    [InlineData("GET /hubs/session?id=abc&access_token=" + Jwt, "access_token=[REDACTED]")]
    [InlineData("Authorization: Bearer " + Jwt, "Bearer [REDACTED]")]
    [InlineData("token " + Jwt + " seen", "token [REDACTED] seen")]
    [InlineData("refresh " + Refresh, "refresh [REDACTED]")]
    [InlineData("{\"email\":\"a@b.co\",\"password\":\"hunter2-secret\"}", "\"password\":\"[REDACTED]\"")]
    [InlineData("{\"clientSegmentId\":\"c1\",\"text\":\"I feel hopeless\"}", "\"text\":\"[REDACTED]\"")]
    [InlineData("/api/x?password=hunter2&keep=1", "password=[REDACTED]&keep=1")]
    public void ScrubText_WithSecret_MasksIt(string text, string expected)
    {
        var scrubbed = SensitiveDataRedactor.ScrubText(text);

        Assert.Contains(expected, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("hopeless", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void ScrubText_OrdinaryText_IsUnchanged()
    {
        const string text = "HTTP POST /api/session/0123456789abcdef0123456789abcdef/transcript responded 201 in 12.5 ms";

        Assert.Equal(text, SensitiveDataRedactor.ScrubText(text));
    }

    [Fact]
    public void Enricher_OnPropertiesAndStructures_RedactsByNameAndContent()
    {
        var sink = new ListSink();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().Enrich.With<SensitiveDataRedactor>().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Sign-in {@Request} from {Path} with {Authorization}",
                new { Email = "a@b.co", Password = "hunter2-secret", Nested = new { RefreshToken = Refresh } },
                "/hubs/session?access_token=" + Jwt,
                "Bearer " + Jwt);
            logger.Information("Segment {Text} / {Transcript} in {Session}", "I feel hopeless", TranscriptItems, "s1");
            logger.Information("Tokens {Tokens}", new Dictionary<string, string> { ["accessToken"] = Jwt, ["other"] = "ok" });
        }

        var rendered = string.Join("\n", sink.Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Select(p => p.Value.ToString()))));
        Assert.DoesNotContain("hunter2", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt, rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(Refresh, rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("hopeless", rendered, StringComparison.Ordinal);
        Assert.Contains("a@b.co", rendered, StringComparison.Ordinal);
        Assert.Contains("s1", rendered, StringComparison.Ordinal);
        Assert.Contains("ok", rendered, StringComparison.Ordinal);
        Assert.Contains(SensitiveDataRedactor.Mask, rendered, StringComparison.Ordinal);
    }

    private sealed class ListSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
