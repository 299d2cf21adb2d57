using System.Net;
using BeMore.Client;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Client;

/// <summary>Refusals reach the client's caller as one exception type carrying the documented code, from REST and the hub.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ClientRefusalTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task AnotherUsersSession_IsNotFound_OverRestAndTheHub(LiveProtocol protocol)
    {
        using var http = factory.CreateApiClient();
        var owner = await ClientAccounts.SignedUpAsync(http);
        var session = await owner.CreateSessionAsync("mine", new SessionConsent(true, true));
        var stranger = await ClientAccounts.SignedUpAsync(http);
        await using var live = await SessionConnection.ConnectAsync(stranger, protocol);

        var read = await Assert.ThrowsAsync<BeMoreApiException>(() => stranger.GetSessionAsync(session.Id));
        var report = await Assert.ThrowsAsync<BeMoreApiException>(() => stranger.DownloadReportPdfAsync(session.Id));
        var join = await Assert.ThrowsAsync<BeMoreApiException>(() => live.JoinAsync(session.Id));
        var send = await Assert.ThrowsAsync<BeMoreApiException>(() => live.SendTranscriptAsync(session.Id, new TranscriptSegment("x", "hello", 0, 10, "en")));

        Assert.Equal((HttpStatusCode.NotFound, "SESSION_NOT_FOUND"), (read.Status!.Value, read.Code));
        Assert.Equal((HttpStatusCode.NotFound, "SESSION_NOT_FOUND"), (report.Status!.Value, report.Code));
        Assert.Equal((null, "SESSION_NOT_FOUND"), (join.Status, join.Code));
        Assert.Equal("SESSION_NOT_FOUND", send.Code);
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task OversizedPayloads_ArePayloadTooLarge_AndTheConnectionStaysUsable(LiveProtocol protocol)
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var session = await api.CreateSessionAsync("big", new SessionConsent(true, true));
        await using var live = await SessionConnection.ConnectAsync(api, protocol);
        await live.JoinAsync(session.Id);
        var huge = new string('a', 70_000);

        var overHub = await Assert.ThrowsAsync<BeMoreApiException>(() => live.SendTranscriptAsync(session.Id, new TranscriptSegment("big", huge, 0, 10, "en")));
        var overChunk = await Assert.ThrowsAsync<BeMoreApiException>(() => live.UploadAudioAsync(session.Id, Chunks(new byte[40_000])));
        var overRest = await Assert.ThrowsAsync<BeMoreApiException>(() => api.AppendTranscriptAsync(session.Id, new TranscriptSegment("big", new string('a', 1_100_000), 0, 10, "en")));
        var fine = await live.SendTranscriptAsync(session.Id, new TranscriptSegment("small", "still here", 0, 10, "en"));

        Assert.Equal("PAYLOAD_TOO_LARGE", overHub.Code);
        Assert.Equal("PAYLOAD_TOO_LARGE", overChunk.Code);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE"), (overRest.Status!.Value, overRest.Code));
        Assert.Equal("transcript_segment", fine.Type);
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task InvalidInput_IsAValidationErrorNamingTheField_AndFaceFramesWithoutConsentAreForbidden(LiveProtocol protocol)
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var session = await api.CreateSessionAsync("no analysis", new SessionConsent(false, true));
        await using var live = await SessionConnection.ConnectAsync(api, protocol);
        await live.JoinAsync(session.Id);
        var face = new LandmarkFrame(0, Enumerable.Range(0, 468).Select(_ => new[] { 0.5, 0.5, 0.0 }).ToArray());

        var rest = await Assert.ThrowsAsync<BeMoreApiException>(() => api.SubmitFeedbackAsync(session.Id, rating: 9));
        var vad = await Assert.ThrowsAsync<BeMoreApiException>(() => live.SendVadAsync(session.Id, [new VadFrame(0, true, 2.0, 20)]));
        var landmarks = await Assert.ThrowsAsync<BeMoreApiException>(() => live.SendLandmarksAsync(session.Id, [face]));

        Assert.Equal((HttpStatusCode.BadRequest, "VALIDATION_ERROR"), (rest.Status!.Value, rest.Code));
        Assert.Contains("rating", rest.Errors.Keys);
        Assert.NotNull(rest.RequestId);
        Assert.Equal("VALIDATION_ERROR", vad.Code);
        Assert.Contains("energy", vad.Message, StringComparison.Ordinal);
        Assert.Equal("FORBIDDEN", landmarks.Code);
    }

    private static async IAsyncEnumerable<byte[]> Chunks(params byte[][] chunks)
    {
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            yield return chunk;
        }
    }
}
