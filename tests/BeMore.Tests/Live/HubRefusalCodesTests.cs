using System.Text.Json;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Tests.Live;

/// <summary>Each refusal the hub documents arrives as its code, on a connection that stays open (real WebSockets, both protocols).</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HubRefusalCodesTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private const int DocumentedLandmarkFrames = 10;

    /// <summary>The widest number a JSON writer produces for a double (23 characters).</summary>
    private const double WidestJsonNumber = -1.2345678901234567E-05;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = factory.CreateApiClient();

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task CallOverItsMethodsLimit_IsAnsweredPayloadTooLarge_AndTheConnectionStaysUsable(LiveProtocol protocol)
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => live.Client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", live.SessionId,
            new { clientSegmentId = "big", text = new string('x', 100 * 1024), startMs = 0, endMs = 1, language = "en" }));
        var joined = await live.Client.JoinAsync(live.SessionId);

        Assert.Equal("PAYLOAD_TOO_LARGE", LiveClient.CodeOf(error));
        Assert.Equal(HubConnectionState.Connected, live.Client.Connection.State);
        Assert.Equal(1, joined.GetProperty("snapshot").GetProperty("lastSeq").GetInt64());
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task LandmarkBatch_AtTheDocumentedMaximumOfTheWidestNumbers_IsAccepted_AndOneMoreFrameIsAValidationError(LiveProtocol protocol)
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http, protocol, analysis: true);

        await live.Client.Connection.InvokeAsync("SendLandmarks", live.SessionId, WidestFaces(DocumentedLandmarkFrames, firstTsMs: 0));
        var tooMany = await Assert.ThrowsAsync<HubException>(() => live.Client.Connection.InvokeAsync("SendLandmarks", live.SessionId, WidestFaces(DocumentedLandmarkFrames + 1, firstTsMs: 10_000)));

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(tooMany));
        Assert.Equal(HubConnectionState.Connected, live.Client.Connection.State);
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task FaceFrames_ToASessionWithoutAnalysisConsent_AreForbidden(LiveProtocol protocol)
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => live.Client.Connection.InvokeAsync("SendLandmarks", live.SessionId, WidestFaces(1, firstTsMs: 0)));

        Assert.Equal("FORBIDDEN", LiveClient.CodeOf(error));
        Assert.Equal(HubConnectionState.Connected, live.Client.Connection.State);
    }

    [Fact]
    public async Task AudioChunkOverTheLimit_IsAnsweredPayloadTooLarge()
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http);

        var error = await Assert.ThrowsAsync<HubException>(() => live.Client.UploadAudioAsync(live.SessionId, new byte[40 * 1024], chunkBytes: 40 * 1024));

        Assert.Equal("PAYLOAD_TOO_LARGE", LiveClient.CodeOf(error));
        Assert.Equal(HubConnectionState.Connected, live.Client.Connection.State);
    }

    [Fact]
    public async Task MessageOverTheTransportsHardCap_ClosesTheConnection_AndStoresNothing()
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http);

        await Assert.ThrowsAnyAsync<Exception>(() => live.Client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", live.SessionId,
            new { clientSegmentId = "huge", text = new string('x', 600 * 1024), startMs = 0, endMs = 1, language = "en" }));
        await live.Client.Closed.WaitAsync(Wait);

        using var snapshot = await _http.SendAsync(HttpMethod.Get, $"/api/session/{live.SessionId}", live.User.AccessToken);
        using var body = await snapshot.ReadJsonAsync();
        Assert.Equal(1, body.RootElement.GetProperty("lastSeq").GetInt64());
    }

    [Fact]
    public async Task Join_WithFewMissedEvents_SaysThereAreNoMore()
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http);

        var joined = await live.Client.JoinAsync(live.SessionId);

        Assert.Equal(JsonValueKind.False, joined.GetProperty("hasMore").ValueKind);
        Assert.Equal(1, joined.GetProperty("missed").GetArrayLength());
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task ValidationError_NamesTheFieldByItsWireNameInWordsAPersonReads(LiveProtocol protocol)
    {
        await using var live = await LiveSessions.OpenAsync(factory, _http, protocol, analysis: true);

        var vad = await Assert.ThrowsAsync<HubException>(() => live.Client.Connection.InvokeAsync("SendVad", live.SessionId,
            new[] { new { tsMs = 0L, isSpeech = true, energy = 2.0, durationMs = 20 } }));
        var segment = await Assert.ThrowsAsync<HubException>(() => live.Client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", live.SessionId,
            new { clientSegmentId = "w", text = "words", startMs = 0, endMs = 10, language = "fr" }));

        Assert.EndsWith("VALIDATION_ERROR: frames[0].energy: energy must be between 0 and 1.", vad.Message, StringComparison.Ordinal);
        Assert.EndsWith("VALIDATION_ERROR: language: language must be ko or en.", segment.Message, StringComparison.Ordinal);
    }

    private static object[] WidestFaces(int count, long firstTsMs) =>
        Enumerable.Range(0, count)
            .Select(i => (object)new { tsMs = firstTsMs + (i * 33L), points = Enumerable.Range(0, 468).Select(_ => new[] { WidestJsonNumber, WidestJsonNumber, WidestJsonNumber }).ToArray() })
            .ToArray();
}
