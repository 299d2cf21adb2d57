using System.Net;
using BeMore.Client;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Client;

/// <summary>The client library integrators get drives a whole session against the real server, in both protocols.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ClientLibraryTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task WholeSession_SignUpCreateJoinAudioTranscriptEndReport_ThroughTheClient(LiveProtocol protocol)
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var created = await api.CreateSessionAsync("through the client", new SessionConsent(Analysis: true, StoreTranscript: true));
        await using var live = await SessionConnection.ConnectAsync(api, protocol);

        var joined = await live.JoinAsync(created.Id);
        var received = await live.UploadAudioAsync(created.Id, Silence(seconds: 1));
        var segment = await live.SendTranscriptAsync(created.Id, new TranscriptSegment("c-1", "today I spoke to my sister", 0, 1500, "en"));
        var ended = await live.EndAsync(created.Id);
        var types = await TypesUntilAsync(live, "session_ended");
        var report = await api.GetReportAsync(created.Id);

        Assert.Equal("active", joined.Status);
        Assert.Equal(32_000, received);
        Assert.Equal("transcript_segment", segment.Type);
        Assert.Equal("ended", ended.Status);
        Assert.Equal("status_changed", types[0]);
        Assert.Contains("transcript_segment", types);
        Assert.Equal("ended", report.GetProperty("status").GetString());
        Assert.Contains("today I spoke to my sister", report.GetProperty("transcript").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_ArriveAsTheirCodes_FromRestAndTheHub()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        await using var live = await SessionConnection.ConnectAsync(api);

        var rest = await Assert.ThrowsAsync<BeMoreApiException>(() => api.GetSessionAsync("00000000000000000000000000000000"));
        var hub = await Assert.ThrowsAsync<BeMoreApiException>(() => live.JoinAsync("00000000000000000000000000000000"));

        Assert.Equal((HttpStatusCode.NotFound, "SESSION_NOT_FOUND"), (rest.Status!.Value, rest.Code));
        Assert.Equal("SESSION_NOT_FOUND", hub.Code);
    }

    private static async Task<List<string>> TypesUntilAsync(SessionConnection live, string last)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var types = new List<string>();
        await foreach (var sessionEvent in live.Events.ReadAllAsync(timeout.Token))
        {
            types.Add(sessionEvent.Type);
            if (sessionEvent.Type == last)
            {
                return types;
            }
        }

        return types;
    }

    private static async IAsyncEnumerable<byte[]> Silence(int seconds)
    {
        for (var i = 0; i < seconds * 4; i++)
        {
            await Task.Yield();
            yield return new byte[8000];
        }
    }
}
