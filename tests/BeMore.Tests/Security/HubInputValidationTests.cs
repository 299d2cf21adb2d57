using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Tests.Security;

/// <summary>
/// Every hub method that takes input refuses what the REST API refuses, in both protocols, with VALIDATION_ERROR and
/// before anything is stored: each over-limit or malformed value is sent through a real SignalR client on real Kestrel,
/// then the session's event log is read back over REST.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HubInputValidationTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _http = factory.CreateApiClient();

    /// <summary>Transcript bodies the REST route refuses with 400; the hub must refuse each of them too.</summary>
    private static readonly Dictionary<string, object> BadTranscripts = new(StringComparer.Ordinal)
    {
        ["text-5001"] = Segment(text: new string('a', 5001)),
        ["text-60000"] = Segment(text: new string('a', 60_000)),
        ["text-missing"] = Segment(text: null),
        ["text-blank"] = Segment(text: "   "),
        ["text-rtl-override"] = Segment(text: "I paid \u202Eeerf ti tog\u202C today"),
        ["text-bidi-isolate"] = Segment(text: "name \u2066hidden\u2069 here"),
        ["text-nul"] = Segment(text: "before\0after"),
        ["text-bell"] = Segment(text: "ring\u0007ring"),
        ["text-c1-control"] = Segment(text: "next\u0085line"),
        ["start-negative"] = Segment(startMs: -5, endMs: -1),
        ["end-negative"] = Segment(startMs: 0, endMs: -1),
        ["end-past-a-day"] = Segment(startMs: 0, endMs: 86_400_001),
        ["end-before-start"] = Segment(startMs: 900, endMs: 100),
        ["segment-id-2200"] = Segment(clientSegmentId: new string('s', 2200)),
        ["segment-id-129"] = Segment(clientSegmentId: new string('s', 129)),
        ["segment-id-missing"] = Segment(clientSegmentId: null),
        ["language-script"] = Segment(language: "zz-<script>"),
        ["language-missing"] = Segment(language: null),
    };

    public static TheoryData<LiveProtocol, string> TranscriptCases() => Cross(BadTranscripts.Keys);

    [Theory]
    [MemberData(nameof(TranscriptCases))]
    public async Task SendTranscript_ValueRestRefuses_IsRefusedWithValidationErrorAndNothingIsStored(LiveProtocol protocol, string badCase)
    {
        var body = BadTranscripts[badCase];
        var (user, sessionId) = await NewSessionAsync(analysis: false);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId, body));
        using var rest = await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken, body);
        using var restProblem = await rest.ReadJsonAsync();

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(error));
        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        Assert.Equal("VALIDATION_ERROR", restProblem.Code());
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        await AssertNothingStoredAsync(user, sessionId);
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task SendTranscript_WithoutASegment_IsRefusedWithValidationError(LiveProtocol protocol)
    {
        var (user, sessionId) = await NewSessionAsync(analysis: false);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId, null));

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(error));
        await AssertNothingStoredAsync(user, sessionId);
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task SendTranscript_TabsAndLineBreaks_AreStoredAsSpacesLikeOverRest(LiveProtocol protocol)
    {
        var (user, sessionId) = await NewSessionAsync(analysis: false);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var viaHub = JsonSerializer.SerializeToElement(await client.Connection.InvokeAsync<Dictionary<string, object?>>("SendTranscript", sessionId,
            Segment(clientSegmentId: "hub", text: "first line\r\n\tsecond line\n")));
        using var viaRest = await _http.SendAsync(HttpMethod.Post, $"/api/session/{sessionId}/transcript", user.AccessToken,
            Segment(clientSegmentId: "rest", text: "third\tline\nfourth"));
        using var restBody = await viaRest.ReadJsonAsync();
        using var events = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/transcript", user.AccessToken);
        using var stored = await events.ReadJsonAsync();

        Assert.Equal("first line second line", viaHub.GetProperty("data").GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.Created, viaRest.StatusCode);
        Assert.Equal(["first line second line", "third line fourth"],
            stored.RootElement.EnumerateArray().Select(e => e.GetProperty("data").GetProperty("text").GetString()));
    }

    /// <summary>Voice-activity batches the hub refuses (REST has no such route; the limits are the hub's own).</summary>
    private static readonly Dictionary<string, object?> BadVadBatches = new(StringComparer.Ordinal)
    {
        ["none"] = Array.Empty<object>(),
        ["frames-201"] = Enumerable.Range(0, 201).Select(i => Vad(tsMs: i * 20L)).ToArray(),
        ["ts-negative"] = new[] { Vad(tsMs: -20) },
        ["ts-past-a-day"] = new[] { Vad(tsMs: 86_400_001) },
        ["ts-not-increasing"] = new[] { Vad(tsMs: 40), Vad(tsMs: 40) },
        ["energy-above-one"] = new[] { Vad(energy: 1.5) },
        ["energy-negative"] = new[] { Vad(energy: -0.1) },
        ["duration-zero"] = new[] { Vad(durationMs: 0) },
        ["duration-over-a-second"] = new[] { Vad(durationMs: 1001) },
        ["frame-null"] = new object?[] { null },
        ["frames-missing"] = null,
    };

    public static TheoryData<LiveProtocol, string> VadCases() => Cross(BadVadBatches.Keys);

    [Theory]
    [MemberData(nameof(VadCases))]
    public async Task SendVad_MalformedFrames_AreRefusedWithValidationErrorAndNothingIsStored(LiveProtocol protocol, string badCase)
    {
        var (user, sessionId) = await NewSessionAsync(analysis: true);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendVad", sessionId, BadVadBatches[badCase]));

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(error));
        await AssertNothingStoredAsync(user, sessionId);
    }

    [Fact]
    public async Task SendVad_NotANumberEnergy_IsRefusedWithValidationError()
    {
        var (user, sessionId) = await NewSessionAsync(analysis: true);
        // MessagePack, because JSON cannot carry NaN.
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, LiveProtocol.MessagePack);

        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendVad", sessionId, new[] { Vad(energy: double.NaN) }));

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(error));
        await AssertNothingStoredAsync(user, sessionId);
    }

    private static readonly Dictionary<string, object?> BadLandmarkBatches = new(StringComparer.Ordinal)
    {
        ["none"] = Array.Empty<object>(),
        ["frames-31"] = Enumerable.Range(0, 31).Select(i => new { tsMs = i * 33L, points = new[] { new[] { 0.5, 0.5, 0.0 } } }).ToArray(),
        ["points-467"] = new[] { Face(pointCount: 467) },
        ["points-missing"] = new[] { new { tsMs = 0L, points = (double[][]?)null } },
        ["point-two-coordinates"] = new[] { new { tsMs = 0L, points = Enumerable.Range(0, 468).Select(i => i == 3 ? new[] { 0.5, 0.5 } : new[] { 0.5, 0.5, 0.0 }).ToArray() } },
        ["ts-negative"] = new[] { Face(tsMs: -1) },
        ["ts-not-increasing"] = new[] { Face(tsMs: 66), Face(tsMs: 33) },
        ["frames-missing"] = null,
    };

    public static TheoryData<LiveProtocol, string> LandmarkCases() => Cross(BadLandmarkBatches.Keys);

    [Theory]
    [MemberData(nameof(LandmarkCases))]
    public async Task SendLandmarks_MalformedFrames_AreRefusedWithValidationErrorAndNothingIsStored(LiveProtocol protocol, string badCase)
    {
        var (user, sessionId) = await NewSessionAsync(analysis: true);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendLandmarks", sessionId, BadLandmarkBatches[badCase]));

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(error));
        await AssertNothingStoredAsync(user, sessionId);
    }

    private static readonly Dictionary<string, (object? Format, byte[] Chunk)> BadAudio = new(StringComparer.Ordinal)
    {
        ["encoding-opus"] = (new { encoding = "opus", sampleRate = 16000, channels = 1 }, new byte[640]),
        ["sample-rate-8000"] = (new { encoding = "pcm16", sampleRate = 8000, channels = 1 }, new byte[640]),
        ["channels-2"] = (new { encoding = "pcm16", sampleRate = 16000, channels = 2 }, new byte[640]),
        ["format-missing"] = (null, new byte[640]),
        ["chunk-empty"] = (Pcm16Format, []),
        ["chunk-odd-bytes"] = (Pcm16Format, new byte[641]),
        ["chunk-over-32k"] = (Pcm16Format, new byte[(32 * 1024) + 2]),
    };

    public static TheoryData<LiveProtocol, string> AudioCases() => Cross(BadAudio.Keys);

    [Theory]
    [MemberData(nameof(AudioCases))]
    public async Task UploadAudio_MalformedFormatOrChunk_IsRefusedWithValidationErrorAndNothingIsStored(LiveProtocol protocol, string badCase)
    {
        var (format, chunk) = BadAudio[badCase];
        var (user, sessionId) = await NewSessionAsync(analysis: true);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);
        var chunks = Channel.CreateUnbounded<byte[]>();
        await chunks.Writer.WriteAsync(chunk);
        chunks.Writer.Complete();

        var error = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<long>("UploadAudio", sessionId, format, chunks.Reader));

        Assert.Equal(badCase == "chunk-over-32k" ? "PAYLOAD_TOO_LARGE" : "VALIDATION_ERROR", LiveClient.CodeOf(error));
        await AssertNothingStoredAsync(user, sessionId);
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task JoinSession_NegativeAfterSeq_IsRefusedWithValidationErrorLikeRestsAfter(LiveProtocol protocol)
    {
        var (user, sessionId) = await NewSessionAsync(analysis: false);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);

        var error = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync(sessionId, afterSeq: -1));
        using var rest = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?after=-1", user.AccessToken);
        var joined = await client.JoinAsync(sessionId, afterSeq: 0);

        Assert.Equal("VALIDATION_ERROR", LiveClient.CodeOf(error));
        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        Assert.Equal(1, joined.GetProperty("missed").GetArrayLength());
    }

    [Theory]
    [InlineData(LiveProtocol.Json)]
    [InlineData(LiveProtocol.MessagePack)]
    public async Task WellFormedFramesAndAudio_AtTheLimits_AreAccepted(LiveProtocol protocol)
    {
        var (user, sessionId) = await NewSessionAsync(analysis: true);
        await using var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken, protocol);
        var vad = Enumerable.Range(0, 200).Select(i => Vad(tsMs: i * 20L, energy: i % 2, durationMs: i == 0 ? 1000 : 20)).ToArray();
        var faces = new[] { Face(tsMs: 0), Face(tsMs: 33) };

        await client.Connection.InvokeAsync("SendVad", sessionId, vad);
        await client.Connection.InvokeAsync("SendLandmarks", sessionId, faces);
        var uploaded = await client.UploadAudioAsync(sessionId, new byte[32 * 1024], chunkBytes: 32 * 1024);

        Assert.Equal(32 * 1024, uploaded);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    private static object Pcm16Format => new { encoding = "pcm16", sampleRate = 16000, channels = 1 };

    private static object Segment(
        string? clientSegmentId = "segment-1", string? text = "a plain sentence", long startMs = 0, long endMs = 900, string? language = "en") =>
        new { clientSegmentId, text, startMs, endMs, language };

    private static object Vad(long tsMs = 0, double energy = 0.3, int durationMs = 20) => new { tsMs, isSpeech = true, energy, durationMs };

    private static object Face(long tsMs = 0, int pointCount = 468) =>
        new { tsMs, points = Enumerable.Range(0, pointCount).Select(_ => new[] { 0.5, 0.5, 0.0 }).ToArray() };

    private static TheoryData<LiveProtocol, string> Cross(IEnumerable<string> cases)
    {
        var data = new TheoryData<LiveProtocol, string>();
        foreach (var protocol in new[] { LiveProtocol.Json, LiveProtocol.MessagePack })
        {
            foreach (var name in cases)
            {
                data.Add(protocol, name);
            }
        }

        return data;
    }

    private async Task<(SignedInUser User, string SessionId)> NewSessionAsync(bool analysis)
    {
        var user = await _http.SignUpAsync();
        return (user, await LiveSessions.CreateAsync(_http, user, analysis));
    }

    /// <summary>The session's log holds only its start: no segment, frame or audio fact got through.</summary>
    private async Task AssertNothingStoredAsync(SignedInUser user, string sessionId)
    {
        using var response = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events", user.AccessToken);
        using var events = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["status_changed"], events.RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }
}
