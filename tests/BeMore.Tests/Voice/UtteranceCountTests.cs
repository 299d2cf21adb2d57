using System.Text.Json;
using System.Threading.Channels;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Tests.Voice;

/// <summary>
/// The live utterance count a person watches and the report's count they read afterwards are one number: both count
/// finished utterances, so the last live vad_update carries the report's count.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class UtteranceCountTests(FastAudioWebFactory factory) : IClassFixture<FastAudioWebFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task UploadAudio_WholeRecording_LastLiveCountEqualsReportCount()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        await using var stream = await AudioSession.StartAsync(factory);

        await stream.SendAsync(fixture.Pcm);
        stream.Chunks.Writer.Complete();
        await stream.Upload;
        await stream.EndAsync();

        var (live, report) = await stream.CountsAsync();
        Assert.Equal(fixture.Utterances.Count, report);
        Assert.Equal(report, live);
    }

    [Fact]
    public async Task UploadAudio_SessionEndsMidUtterance_UnfinishedUtteranceCountsNowhere()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        var second = fixture.Utterances[1];
        await using var stream = await AudioSession.StartAsync(factory);

        // Up to the middle of the second sentence: it has started (the live view saw speech begin) but not finished.
        var middleOfSecond = (int)((second.StartMs + second.EndMs) / 2 * 32) & ~1;
        await stream.SendAsync(fixture.Pcm[..middleOfSecond]);
        var seen = await stream.ReceiveUntilAsync(
            events => events.Count(e => IsVad(e) && e.GetProperty("data").GetProperty("speaking").GetBoolean() && e.GetProperty("data").GetProperty("utteranceMs").GetInt64() == 0) == 2,
            Timeout);
        await stream.EndAsync();
        stream.Chunks.Writer.Complete();
        // The stream's closing update arrives after the end and is refused with it.
        await Assert.ThrowsAsync<HubException>(() => stream.Upload);

        var (live, report) = await stream.CountsAsync();
        Assert.Equal(1, report);
        Assert.Equal(report, live);
        Assert.Equal(1, seen.Where(IsVad).Max(e => e.GetProperty("data").GetProperty("utteranceCount").GetInt32()));
    }

    private static bool IsVad(JsonElement sessionEvent) => sessionEvent.GetProperty("type").GetString() == "vad_update";

    /// <summary>A session with analysis consent, joined on the hub, with one open audio upload fed from <see cref="Chunks"/>.</summary>
    private sealed class AudioSession : IAsyncDisposable
    {
        private readonly HttpClient _http;
        private readonly SignedInUser _user;
        private readonly string _sessionId;
        private readonly List<JsonElement> _pushed = [];

        private AudioSession(HttpClient http, SignedInUser user, string sessionId, LiveClient client)
        {
            _http = http;
            _user = user;
            _sessionId = sessionId;
            Client = client;
            Upload = client.Connection.InvokeAsync<long>("UploadAudio", sessionId, new { encoding = "pcm16", sampleRate = 16000, channels = 1 }, Chunks.Reader);
        }

        public LiveClient Client { get; }

        public Channel<byte[]> Chunks { get; } = Channel.CreateUnbounded<byte[]>();

        public Task<long> Upload { get; }

        public static async Task<AudioSession> StartAsync(FastAudioWebFactory factory)
        {
            var http = factory.CreateApiClient();
            var user = await http.SignUpAsync();
            var sessionId = await LiveSessions.CreateAsync(http, user, analysis: true);
            var client = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken);
            await client.JoinAsync(sessionId);
            return new AudioSession(http, user, sessionId, client);
        }

        /// <summary>Quarter-second chunks, as the console sends them.</summary>
        public async Task SendAsync(byte[] pcm)
        {
            for (var offset = 0; offset < pcm.Length; offset += 8000)
            {
                await Chunks.Writer.WriteAsync(pcm[offset..Math.Min(offset + 8000, pcm.Length)]);
            }
        }

        public async Task EndAsync()
        {
            using var ended = await _http.SendAsync(HttpMethod.Post, $"/api/session/{_sessionId}/end", _user.AccessToken);
            Assert.True(ended.IsSuccessStatusCode, $"end answered {(int)ended.StatusCode}");
        }

        public async Task<List<JsonElement>> ReceiveUntilAsync(Func<IReadOnlyCollection<JsonElement>, bool> done, TimeSpan timeout)
        {
            var received = await Client.ReceiveUntilAsync(done, timeout);
            _pushed.AddRange(received);
            return received;
        }

        /// <summary>The count on the last vad_update pushed live, and the report's count.</summary>
        public async Task<(int Live, int Report)> CountsAsync()
        {
            using var report = await (await _http.SendAsync(HttpMethod.Get, $"/api/session/{_sessionId}/report", _user.AccessToken)).ReadJsonAsync();
            using var events = await (await _http.SendAsync(HttpMethod.Get, $"/api/session/{_sessionId}/events?limit=1000", _user.AccessToken)).ReadJsonAsync();
            var lastSeq = events.RootElement.EnumerateArray().Max(LiveClient.SeqOf);
            if (_pushed.Count == 0 || _pushed.Max(LiveClient.SeqOf) < lastSeq)
            {
                _pushed.AddRange(await Client.ReceiveThroughSeqAsync(lastSeq, Timeout));
            }

            var live = _pushed.Last(IsVad).GetProperty("data").GetProperty("utteranceCount").GetInt32();
            return (live, report.RootElement.GetProperty("voice").GetProperty("utteranceCount").GetInt32());
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            _http.Dispose();
        }
    }
}
