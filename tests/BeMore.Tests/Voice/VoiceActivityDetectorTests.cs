using BeMore.Domain.Voice;

namespace BeMore.Tests.Voice;

public sealed class VoiceActivityDetectorTests
{
    private static readonly VoiceActivityOptions Defaults = new();

    [Fact]
    public void Process_ToneBetweenSilences_ReportsStartAtOnsetAndEndAfterHangover()
    {
        var pcm = new VoiceTestAudio().Silence(1000).Tone(1000).Silence(1500).ToArray();

        var transitions = Vad.Run(pcm);

        Assert.Equal([(1000L, 2000L + Defaults.HangoverMs)], Vad.Utterances(transitions));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public void Process_HangoverOption_ExtendsEndByHangover(int hangoverMs)
    {
        var pcm = new VoiceTestAudio().Silence(1000).Tone(1000).Silence(1500).ToArray();

        var transitions = Vad.Run(pcm, new VoiceActivityOptions { HangoverMs = hangoverMs });

        Assert.Equal([(1000L, 2000L + hangoverMs)], Vad.Utterances(transitions));
    }

    [Fact]
    public void Process_BurstShorterThanMinUtterance_StartsNoUtterance()
    {
        var pcm = new VoiceTestAudio().Silence(1000).Tone(Defaults.MinUtteranceMs - 40).Silence(1500).ToArray();

        var transitions = Vad.Run(pcm);

        Assert.Empty(transitions);
    }

    [Fact]
    public void Process_BurstAsLongAsMinUtterance_StartsOneUtterance()
    {
        var pcm = new VoiceTestAudio().Silence(1000).Tone(Defaults.MinUtteranceMs).Silence(1500).ToArray();

        var transitions = Vad.Run(pcm);

        Assert.Equal([(1000L, 1000L + Defaults.MinUtteranceMs + Defaults.HangoverMs)], Vad.Utterances(transitions));
    }

    [Fact]
    public void Process_DipShorterThanMinPause_KeepsOneUtterance()
    {
        var pcm = new VoiceTestAudio().Silence(1000).Tone(800).Silence(Defaults.MinPauseMs - 100).Tone(800).Silence(1500).ToArray();

        var utterances = Vad.Utterances(Vad.Run(pcm));

        Assert.Equal([(1000L, 1000L + 800 + (Defaults.MinPauseMs - 100) + 800 + Defaults.HangoverMs)], utterances);
    }

    [Fact]
    public void Process_PauseAsLongAsMinPause_SplitsUtterances()
    {
        var pcm = new VoiceTestAudio().Silence(1000).Tone(800).Silence(Defaults.MinPauseMs).Tone(800).Silence(1500).ToArray();

        var utterances = Vad.Utterances(Vad.Run(pcm));

        var secondStart = 1800L + Defaults.MinPauseMs;
        Assert.Equal([(1000L, 1800L + Defaults.HangoverMs), (secondStart, secondStart + 800 + Defaults.HangoverMs)], utterances);
    }

    [Fact]
    public void Process_Transitions_AreDecidedAfterMinUtteranceAndMinPause()
    {
        var pcm = new VoiceTestAudio().Silence(1000).Tone(1000).Silence(1500).ToArray();

        var transitions = Vad.Run(pcm);

        Assert.Collection(
            transitions,
            start => Assert.Equal((VoiceActivityTransitionKind.SpeechStarted, 1000L + Defaults.MinUtteranceMs, 1000L, (long?)null), (start.Kind, start.AtMs, start.StartMs, start.EndMs)),
            stop => Assert.Equal((VoiceActivityTransitionKind.SpeechStopped, 2000L + Defaults.MinPauseMs), (stop.Kind, stop.AtMs)));
    }

    [Fact]
    public void Process_ToneLevel_IsReportedOnTransitionsAndState()
    {
        var detector = new VoiceActivityDetector();
        var transitions = new List<VoiceActivityTransition>();

        detector.Process(new VoiceTestAudio().Silence(1000).Tone(1500, toneDbfs: -24).ToArray(), transitions);
        var speaking = detector.State;
        detector.Process(new VoiceTestAudio(seed: 2).Silence(1500).ToArray(), transitions);
        var paused = detector.State;

        Assert.Equal((true, 2500L, 1500L, 0L), (speaking.IsSpeaking, speaking.AudioMs, speaking.UtteranceMs, speaking.PauseMs));
        Assert.InRange(speaking.LevelDb, -25, -23);
        Assert.InRange(speaking.NoiseFloorDb!.Value, -62, -58);
        Assert.All(transitions, t => Assert.InRange(t.LevelDb, -25, -23));
        Assert.Equal((false, 0L, 4000L - 2500 - Defaults.HangoverMs), (paused.IsSpeaking, paused.UtteranceMs, paused.PauseMs));
        Assert.InRange(paused.LevelDb, -62, -58);
    }

    [Fact]
    public void Complete_WhileSpeaking_StopsAtEndOfAudio()
    {
        var detector = new VoiceActivityDetector();
        var transitions = new List<VoiceActivityTransition>();
        detector.Process(new VoiceTestAudio().Silence(500).Tone(1000).ToArray(), transitions);

        detector.Complete(transitions);

        Assert.Equal([(500L, 1500L)], Vad.Utterances(transitions));
        Assert.Throws<InvalidOperationException>(() => detector.Process(new byte[640], transitions));
    }

    [Fact]
    public void Process_QuietToneOverDigitalSilence_IsNotSpeechBelowMinLevel()
    {
        var pcm = new VoiceTestAudio(noiseDbfs: null).Silence(500).Tone(1000, toneDbfs: -70).Silence(1000).ToArray();

        Assert.Empty(Vad.Run(pcm));
    }

    [Fact]
    public void Process_NoiseGetsLouder_FloorFollowsWithinWindowAndSpeechIsStillDetected()
    {
        var quiet = new VoiceTestAudio(noiseDbfs: -70).Silence(3000).ToArray();
        var loud = new VoiceTestAudio(noiseDbfs: -45, seed: 3).Silence(Defaults.NoiseFloorWindowMs + 1000).Tone(1000, toneDbfs: -20).Silence(1000).ToArray();
        var detector = new VoiceActivityDetector();
        var transitions = new List<VoiceActivityTransition>();

        detector.Process(quiet, transitions);
        detector.Process(loud, transitions);
        detector.Complete(transitions);

        // The 25 dB step may pass for speech until the quiet frames leave the floor window, never longer.
        var toneStart = 3000L + Defaults.NoiseFloorWindowMs + 1000;
        var utterances = Vad.Utterances(transitions);
        Assert.InRange(detector.State.NoiseFloorDb!.Value, -47, -44);
        Assert.Equal((toneStart, toneStart + 1000 + Defaults.HangoverMs), utterances[^1]);
        Assert.All(utterances.SkipLast(1), u => Assert.InRange(u.EndMs, 3000, 3000 + Defaults.NoiseFloorWindowMs + Defaults.HangoverMs));
    }

    [Fact]
    public void Process_ThirtyMillisecondFrames_ReportsBoundariesOnFrameGrid()
    {
        var pcm = new VoiceTestAudio().Silence(990).Tone(1200).Silence(1500).ToArray();

        var utterances = Vad.Utterances(Vad.Run(pcm, new VoiceActivityOptions { FrameMs = 30, HangoverMs = 0 }));

        var utterance = Assert.Single(utterances);
        Assert.Equal((990L, 2190L), utterance);
    }

    [Fact]
    public void Process_RandomChunkSizes_GiveSameTransitionsAndStateAsWholeBuffer()
    {
        var pcm = new VoiceTestAudio().Silence(700).Tone(900).Silence(300).Tone(500).Silence(900).Tone(150).Silence(800).Tone(1200).ToArray();
        var expected = Vad.Run(pcm);

        var chunked = ProcessInRandomChunks(pcm, seed: 42);

        Assert.Equal(4, expected.Count);
        Assert.Equal(expected, chunked);
    }

    [Fact]
    public async Task Process_RealSpeechInRandomChunks_GivesSameTransitionsAsWholeBuffer()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        var expected = Vad.Run(fixture.Pcm);

        foreach (var seed in new[] { 1, 2, 3 })
        {
            Assert.Equal(expected, ProcessInRandomChunks(fixture.Pcm, seed));
        }
    }

    [Fact]
    public void Process_SecondsOfAudio_AllocatesNothingThatGrowsWithLength()
    {
        var fiveSeconds = new VoiceTestAudio().Silence(1000).Tone(1500).Silence(1000).Tone(1500).ToArray();
        var transitions = new List<VoiceActivityTransition>(capacity: 64);
        ProcessInChunks(new VoiceActivityDetector(), fiveSeconds, transitions);

        // The least of three runs: the runtime's own one-off work on this thread (a method recompiled at a higher tier
        // mid-run, as a loaded parallel suite makes likely) is counted too, but not in every run; an allocation per
        // chunk would be.
        var shortRun = Enumerable.Range(0, 3).Min(_ => AllocatedWhileProcessing(fiveSeconds, repeats: 1, transitions));
        var longRun = Enumerable.Range(0, 3).Min(_ => AllocatedWhileProcessing(fiveSeconds, repeats: 8, transitions));

        Assert.True(shortRun < 256, $"5 s of audio allocated {shortRun} bytes");
        Assert.True(longRun < 256, $"40 s of audio allocated {longRun} bytes");
    }

    [Theory]
    [InlineData(10, 80, 200, 500)]
    [InlineData(20, 500, 200, 500)]
    [InlineData(20, 80, 10, 500)]
    [InlineData(40, 80, 200, 500)]
    public void Validate_OutOfRangeOption_ThrowsNamingIt(int frameMs, int hangoverMs, int minUtteranceMs, int minPauseMs)
    {
        var options = new VoiceActivityOptions { FrameMs = frameMs, HangoverMs = hangoverMs, MinUtteranceMs = minUtteranceMs, MinPauseMs = minPauseMs };

        var error = Assert.Throws<ArgumentException>(() => new VoiceActivityDetector(options));

        Assert.StartsWith("VoiceActivityOptions.", error.Message, StringComparison.Ordinal);
    }

    private static long AllocatedWhileProcessing(byte[] pcm, int repeats, List<VoiceActivityTransition> transitions)
    {
        var detector = new VoiceActivityDetector();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < repeats; i++)
        {
            transitions.Clear();
            ProcessInChunks(detector, pcm, transitions);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void ProcessInChunks(VoiceActivityDetector detector, byte[] pcm, List<VoiceActivityTransition> transitions)
    {
        // 4001-byte chunks: odd, so frames and samples straddle chunk boundaries.
        for (var offset = 0; offset < pcm.Length; offset += 4001)
        {
            detector.Process(pcm.AsSpan(offset, Math.Min(4001, pcm.Length - offset)), transitions);
        }
    }

    private static List<VoiceActivityTransition> ProcessInRandomChunks(byte[] pcm, int seed)
    {
        var random = new Random(seed);
        var detector = new VoiceActivityDetector();
        var transitions = new List<VoiceActivityTransition>();
        var offset = 0;
        while (offset < pcm.Length)
        {
            var size = Math.Min(random.Next(0, 5000), pcm.Length - offset);
            detector.Process(pcm.AsSpan(offset, size), transitions);
            offset += size;
        }

        detector.Complete(transitions);
        return transitions;
    }
}
