using BeMore.Domain.Voice;

namespace BeMore.Tests.Voice;

public sealed class UtteranceRecorderTests
{
    [Fact]
    public async Task Recorder_WithDetectorOverRealSpeech_WritesEachUtteranceAsWavOfItsExactAudio()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        var detector = new VoiceActivityDetector();
        var recorder = new UtteranceRecorder();
        var transitions = new List<VoiceActivityTransition>();
        var files = new List<(RecordedUtterance Utterance, byte[] Wav)>();
        MemoryStream? open = null;
        var random = new Random(5);

        for (var offset = 0; offset < fixture.Pcm.Length;)
        {
            var chunk = fixture.Pcm.AsMemory(offset, Math.Min(random.Next(1, 8000), fixture.Pcm.Length - offset));
            offset += chunk.Length;
            await recorder.AppendAsync(chunk);
            transitions.Clear();
            detector.Process(chunk.Span, transitions);
            foreach (var transition in transitions)
            {
                if (transition.IsStart)
                {
                    open = new MemoryStream();
                    Assert.Equal(transition.StartMs, await recorder.BeginAsync(open, transition.StartMs));
                }
                else
                {
                    files.Add((await recorder.EndAsync(transition.EndMs!.Value), open!.ToArray()));
                    await open.DisposeAsync();
                }
            }
        }

        Assert.Equal(3, files.Count);
        Assert.False(recorder.IsRecording);
        foreach (var (utterance, wav) in files)
        {
            var audio = await WavFile.ReadAsync(new MemoryStream(wav), maxDataBytes: 1024 * 1024);
            var from = (int)PcmFormat.BytesForMs(utterance.StartMs);
            Assert.Equal(fixture.Pcm.AsSpan(from, (int)utterance.DataBytes).ToArray(), audio.Pcm.ToArray());
            Assert.Equal(utterance.DurationMs, audio.DurationMs);
        }
    }

    [Fact]
    public async Task BeginAsync_StartOlderThanPreRoll_StartsAtOldestHeldAudio()
    {
        var recorder = new UtteranceRecorder(new UtteranceRecorderOptions { PreRollMs = 500 });
        await recorder.AppendAsync(new VoiceTestAudio().Tone(2000).ToArray());
        using var file = new MemoryStream();

        var recordedStart = await recorder.BeginAsync(file, startMs: 200);
        var utterance = await recorder.EndAsync(2000);

        Assert.Equal(1500, recordedStart);
        Assert.Equal((1500L, 2000L), (utterance.StartMs, utterance.EndMs));
    }

    [Fact]
    public async Task AppendAsync_PastMaxUtterance_StopsWritingAndFileStaysBounded()
    {
        var recorder = new UtteranceRecorder(new UtteranceRecorderOptions { MaxUtteranceMs = 1000 });
        using var file = new MemoryStream();
        await recorder.BeginAsync(file, 0);

        for (var i = 0; i < 10; i++)
        {
            await recorder.AppendAsync(new byte[PcmFormat.BytesForMs(500)]);
        }

        var utterance = await recorder.EndAsync(5000);

        Assert.Equal(1000, utterance.DurationMs);
        Assert.Equal(WavFile.HeaderSize + PcmFormat.BytesForMs(1000), file.Length);
    }

    [Fact]
    public async Task BeginAsync_WhileRecordingOrOnUnseekableStream_Throws()
    {
        var recorder = new UtteranceRecorder();
        using var first = new MemoryStream();
        await recorder.BeginAsync(first, 0);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await recorder.BeginAsync(new MemoryStream(), 0));
        await recorder.EndAsync(0);
        await Assert.ThrowsAsync<ArgumentException>(async () => await recorder.BeginAsync(new BufferedStream(new MemoryStream(new byte[1], writable: false)), 0));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await recorder.EndAsync(0));
    }
}
