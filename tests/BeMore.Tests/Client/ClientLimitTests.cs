using System.Net;
using BeMore.Client;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using BeMore.Tests.Security;

namespace BeMore.Tests.Client;

/// <summary>A REST rate limit reaches the caller with its Retry-After.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ClientRateLimitTests(RateLimitedWebFactory factory) : IClassFixture<RateLimitedWebFactory>
{
    [Fact]
    public async Task BeyondTheRateLimit_TheRefusalCarriesRateLimitedAndRetryAfter()
    {
        using var http = LoopbackClients.From(factory.ServerAddress, IPAddress.Parse("127.0.0.71"));
        var api = await ClientAccounts.SignedUpAsync(http);

        var refused = await Assert.ThrowsAsync<BeMoreApiException>(async () =>
        {
            for (var i = 0; i <= RateLimitedWebFactory.PermitLimit; i++)
            {
                await api.GetProfileAsync();
            }
        });

        Assert.Equal((HttpStatusCode.TooManyRequests, "RATE_LIMITED"), (refused.Status!.Value, refused.Code));
        Assert.Equal(RateLimitedWebFactory.Window - TimeSpan.FromMinutes(1), refused.RetryAfter);
    }
}

/// <summary>The hub's own limits reach the caller as their codes: a call flood, and a connection beyond the user's limit.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ClientHubLimitTests(TightHubWebFactory factory) : IClassFixture<TightHubWebFactory>
{
    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task CallsBeyondTheConnectionsBudget_AreRateLimited(LiveProtocol protocol)
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        await using var live = await SessionConnection.ConnectAsync(api, protocol);

        // The burst and then as many more at once as can be refused without the connection being closed for it.
        var calls = Enumerable.Range(0, TightHubWebFactory.Burst + TightHubWebFactory.RejectionsBeforeClose - 1).Select(_ => live.LeaveAsync("00000000000000000000000000000000")).ToList();
        var refusals = new List<BeMoreApiException>();
        foreach (var call in calls)
        {
            try
            {
                await call;
            }
            catch (BeMoreApiException refused)
            {
                refusals.Add(refused);
            }
        }

        Assert.NotEmpty(refusals);
        Assert.All(refusals, refused => Assert.Equal("RATE_LIMITED", refused.Code));
    }

    [Fact]
    public async Task AConnectionBeyondTheUsersLimit_IsClosedWithTooManyConnections()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var open = new List<SessionConnection>();
        for (var i = 0; i < TightHubWebFactory.MaxConnectionsPerUser; i++)
        {
            open.Add(await SessionConnection.ConnectAsync(api));
        }

        Exception? refusal;
        try
        {
            await using var extra = await SessionConnection.ConnectAsync(api);
            refusal = await extra.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (BeMoreApiException refused)
        {
            refusal = refused;
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }

        Assert.Equal("TOO_MANY_CONNECTIONS", Assert.IsType<BeMoreApiException>(refusal).Code);
    }

    [Fact]
    public async Task Join_PastTheMissedLimit_PagesTheRestThroughRest_InSeqOrder()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var session = await api.CreateSessionAsync("catch up", new SessionConsent(false, true));
        for (var i = 0; i < TightHubWebFactory.JoinMissedLimit * 2; i++)
        {
            await api.AppendTranscriptAsync(session.Id, new TranscriptSegment($"m-{i}", $"line {i}", 0, 10, "en"));
        }

        await using var live = await SessionConnection.ConnectAsync(api);
        var joined = await live.JoinAsync(session.Id);
        var seqs = new List<long>();
        while (live.Events.TryRead(out var sessionEvent))
        {
            seqs.Add(sessionEvent.Seq);
        }

        Assert.Equal(Enumerable.Range(1, (int)joined.LastSeq).Select(i => (long)i), seqs);
        Assert.Equal(TightHubWebFactory.JoinMissedLimit * 2 + 1, joined.LastSeq);
    }
}
