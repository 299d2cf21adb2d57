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
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
            new { clientSegmentId = "big", text = new string('x', 100 * 1024), startMs = 0, endMs = 1, language = "en" }));
        var joined = await client.JoinAsync(sessionId);

        Assert.Equal("PAYLOAD_TOO_LARGE", LiveClient.CodeOf(error));
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        Assert.Equal(1, joined.GetProperty("snapshot").GetProperty("lastSeq").GetInt64());
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task LandmarkBatch_AtTheDocumentedMaximumOfTheWidestNumbers_IsAccepted_AndOneMoreFrameIsAValidationError(LiveProtocol protocol)
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        await client.Connection.InvokeAsync("SendLandmarks", sessionId, WidestFaces(DocumentedLandmarkFrames, firstTsMs: 0));
        var tooMany = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendLandmarks", sessionId, WidestFaces(DocumentedLandmarkFrames + 1, firstTsMs: 10_000)));

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(tooMany));
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task FaceFrames_ToASessionWithoutAnalysisConsent_AreForbidden(LiveProtocol protocol)
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: false);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendLandmarks", sessionId, WidestFaces(1, firstTsMs: 0)));

        Assert.Equal("FORBIDDEN", LiveClient.CodeOf(error));
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Fact]
    public async Task AudioChunkOverTheLimit_IsAnsweredPayloadTooLarge()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);

        var error = await Assert.ThrowsAsync<HubException>(() => client.UploadAudioAsync(sessionId, new byte[40 * 1024], chunkBytes: 40 * 1024));

        Assert.Equal("PAYLOAD_TOO_LARGE", LiveClient.CodeOf(error));
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Fact]
    public async Task MessageOverTheTransportsHardCap_ClosesTheConnection_AndStoresNothing()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);

        await Assert.ThrowsAnyAsync<Exception>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
            new { clientSegmentId = "huge", text = new string('x', 600 * 1024), startMs = 0, endMs = 1, language = "en" }));
        await client.Closed.WaitAsync(Wait);

        using var snapshot = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}", user.AccessToken);
        using var body = await snapshot.ReadJsonAsync();
        Assert.Equal(1, body.RootElement.GetProperty("lastSeq").GetInt64());
    }

    [Fact]
    public async Task Join_WithFewMissedEvents_SaysThereAreNoMore()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);

        var joined = await client.JoinAsync(sessionId);

        Assert.Equal(JsonValueKind.False, joined.GetProperty("hasMore").ValueKind);
        Assert.Equal(1, joined.GetProperty("missed").GetArrayLength());
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task ValidationError_NamesTheFieldByItsWireNameInWordsAPersonReads(LiveProtocol protocol)
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var vad = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendVad", sessionId,
            new[] { new { tsMs = 0L, isSpeech = true, energy = 2.0, durationMs = 20 } }));
        var segment = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
            new { clientSegmentId = "w", text = "words", startMs = 0, endMs = 10, language = "fr" }));

        Assert.EndsWith("VALIDATION_ERROR: frames[0].energy: energy must be between 0 and 1.", vad.Message, StringComparison.Ordinal);
        Assert.EndsWith("VALIDATION_ERROR: language: language must be ko or en.", segment.Message, StringComparison.Ordinal);
    }

    private static object[] WidestFaces(int count, long firstTsMs) =>
        Enumerable.Range(0, count)
            .Select(i => (object)new { tsMs = firstTsMs + (i * 33L), points = Enumerable.Range(0, 468).Select(_ => new[] { WidestJsonNumber, WidestJsonNumber, WidestJsonNumber }).ToArray() })
            .ToArray();
}
