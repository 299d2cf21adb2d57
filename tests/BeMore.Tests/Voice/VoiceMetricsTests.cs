using BeMore.Domain.Voice;

namespace BeMore.Tests.Voice;

public sealed class VoiceMetricsTests
{
    [Fact]
    public async Task Snapshot_ThreeSentenceRecording_MatchesManifest()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        var metrics = new VoiceMetrics();

        foreach (var transition in Vad.Run(fixture.Pcm))
        {
            metrics.Observe(transition);
        }

        metrics.AdvanceTo(fixture.DurationMs);
        foreach (var sentence in fixture.Utterances)
        {
            metrics.AddWords(sentence.StartMs, sentence.EndMs, sentence.Text.Split(' ').Length);
        }

        var snapshot = metrics.Snapshot();
        var expectedPauses = fixture.Utterances.Zip(fixture.Utterances.Skip(1), (a, b) => b.StartMs - a.EndMs).ToList();
        Assert.Equal(3, snapshot.UtteranceCount);
        Assert.InRange(snapshot.SpeechRatio, fixture.SpeechRatio - 0.03, fixture.SpeechRatio + 0.03);
        Assert.InRange(snapshot.AvgUtteranceMs, fixture.Utterances.Average(u => u.DurationMs) - 150, fixture.Utterances.Average(u => u.DurationMs) + 150);
        Assert.InRange(snapshot.AvgPauseMs, expectedPauses.Average() - 150, expectedPauses.Average() + 150);
        Assert.InRange(snapshot.LongestPauseMs, expectedPauses.Max() - 150, expectedPauses.Max() + 150);
        Assert.Equal(3 * 60_000.0 / fixture.DurationMs, snapshot.UtterancesPerMinute, 6);

        // 8 + 8 + 9 words over the manifest's spoken time.
        Assert.Equal(25 * 60_000.0 / fixture.Utterances.Sum(u => u.DurationMs), snapshot.SpeechRateWpm!.Value, 6);
        Assert.NotNull(snapshot.EnergyVariabilityDb);
        Assert.InRange(snapshot.EnergyVariabilityDb.Value, 0, 6);
    }

    [Fact]
    public void Snapshot_OverlappingUtterances_SpeechRatioIsClampedToOne()
    {
        var metrics = new VoiceMetrics();

        metrics.Observe(Start(0, at: 200));
        metrics.Observe(Stop(0, 1000, at: 1000));
        metrics.Observe(Start(0, at: 1000));
        metrics.Observe(Stop(0, 1000, at: 1000));

        var snapshot = metrics.Snapshot();
        Assert.Equal(1.0, snapshot.SpeechRatio);
        Assert.Equal(1.0, snapshot.Timeline.Single().SpeechRatio);
        Assert.Equal(1.0, metrics.WindowSnapshot().SpeechRatio);
    }

    [Fact]
    public void Snapshot_OpenUtterance_CountsSpeechSoFarButNotAsCompleted()
    {
        var metrics = new VoiceMetrics();

        metrics.Observe(Start(1000, at: 1200));
        metrics.AdvanceTo(4000);

        var snapshot = metrics.Snapshot();
        Assert.Equal(0.75, snapshot.SpeechRatio, 6);
        Assert.Equal(0, snapshot.UtteranceCount);
        Assert.Equal(0, snapshot.AvgUtteranceMs);
    }

    [Fact]
    public void Snapshot_Pauses_AreTheSilencesBetweenUtterances()
    {
        var metrics = new VoiceMetrics();

        Utterance(metrics, 5000, 6000, -20);
        Utterance(metrics, 7000, 8000, -30);
        Utterance(metrics, 11_000, 12_000, -25);
        metrics.AdvanceTo(20_000);

        var snapshot = metrics.Snapshot();
        Assert.Equal((2000L, 3000L), (snapshot.AvgPauseMs, snapshot.LongestPauseMs));
        Assert.Equal((3, 1000L), (snapshot.UtteranceCount, snapshot.AvgUtteranceMs));
        Assert.Equal(0.15, snapshot.SpeechRatio, 6);
        Assert.Equal(9.0, snapshot.UtterancesPerMinute, 6);
        Assert.Equal(Math.Sqrt(50.0 / 3), snapshot.EnergyVariabilityDb!.Value, 6);
    }

    [Fact]
    public void AddWords_Segments_GiveWordsPerMinuteOfSpokenTime()
    {
        var metrics = new VoiceMetrics();

        metrics.AddWords(0, 3000, 6);
        metrics.AddWords(10_000, 11_000, 4);

        Assert.Equal(150.0, metrics.Snapshot().SpeechRateWpm);
    }

    [Fact]
    public void AddWords_NegativeCountOrReversedRange_Throws()
    {
        var metrics = new VoiceMetrics();

        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.AddWords(0, 1000, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.AddWords(2000, 1000, 3));
        Assert.Null(metrics.Snapshot().SpeechRateWpm);
    }

    [Fact]
    public void WindowSnapshot_AfterWindowPasses_ForgetsOlderUtterancesAndWords()
    {
        var metrics = new VoiceMetrics(new VoiceMetricsOptions { WindowMs = 10_000 });
        Utterance(metrics, 1000, 3000, -20);
        metrics.AddWords(1000, 3000, 5);
        Utterance(metrics, 12_000, 13_000, -30);
        metrics.AddWords(12_000, 13_000, 3);
        Utterance(metrics, 15_000, 16_000, -20);
        metrics.AdvanceTo(20_000);

        var window = metrics.WindowSnapshot();
        var session = metrics.Snapshot();

        Assert.Equal((10_000L, 20_000L), (window.FromMs, window.ToMs));
        Assert.Equal((2, 1000L, 0.2), (window.UtteranceCount, window.AvgUtteranceMs, window.SpeechRatio));

        // Pauses and utterances belong to the window they end in: the 9 s pause ended at 12 s.
        Assert.Equal((5500L, 9000L), (window.AvgPauseMs, window.LongestPauseMs));
        Assert.Equal(180.0, window.SpeechRateWpm);
        Assert.Equal(5.0, window.EnergyVariabilityDb!.Value, 6);
        Assert.Empty(window.Timeline);
        Assert.Equal((3, 9000L), (session.UtteranceCount, session.LongestPauseMs));
    }

    [Fact]
    public void Snapshot_LongSession_TimelineStaysBoundedAndKeepsTotals()
    {
        var metrics = new VoiceMetrics(new VoiceMetricsOptions { TimelineBucketMs = 1000, MaxTimelinePoints = 4 });
        for (var start = 0L; start < 100_000; start += 10_000)
        {
            Utterance(metrics, start + 500, start + 3000, -20);
            metrics.AddWords(start + 500, start + 3000, 7);
        }

        metrics.AdvanceTo(100_000);
        var snapshot = metrics.Snapshot();

        Assert.InRange(snapshot.Timeline.Count, 1, 4);
        Assert.Equal(10 * 2500, snapshot.Timeline.Sum(p => p.SpeechRatio * (p.EndMs - p.StartMs)), 3);
        Assert.Equal(10, snapshot.Timeline.Sum(p => p.UtteranceCount));
        Assert.Equal(70, snapshot.Timeline.Sum(p => p.WordCount));
        Assert.Equal((0L, 100_000L), (snapshot.Timeline[0].StartMs, snapshot.Timeline[^1].EndMs));
    }

    [Fact]
    public void Snapshot_RandomSessions_KeepInvariants()
    {
        var random = new Random(7);
        for (var run = 0; run < 50; run++)
        {
            var metrics = new VoiceMetrics(new VoiceMetricsOptions { TimelineBucketMs = 1000, MaxTimelinePoints = 8, WindowMs = 5000 });
            var now = 0L;
            var totalSpeech = 0L;
            for (var i = random.Next(0, 30); i > 0; i--)
            {
                var start = now + random.Next(0, 3000);
                var end = start + random.Next(0, 4000);
                Utterance(metrics, start, end, -40 + (random.NextDouble() * 30));
                totalSpeech += end - start;
                now = end;
            }

            metrics.AdvanceTo(now + random.Next(0, 2000));
            var snapshot = metrics.Snapshot();
            var window = metrics.WindowSnapshot();

            Assert.All([snapshot, window], s => Assert.InRange(s.SpeechRatio, 0, 1));
            Assert.All(snapshot.Timeline, p => Assert.InRange(p.SpeechRatio, 0, 1));
            Assert.True(snapshot.LongestPauseMs >= snapshot.AvgPauseMs);
            Assert.True(window.LongestPauseMs >= window.AvgPauseMs);
            Assert.True(window.UtteranceCount <= snapshot.UtteranceCount);
            Assert.Equal(totalSpeech, snapshot.Timeline.Sum(p => p.SpeechRatio * (p.EndMs - p.StartMs)), 3);
            Assert.Equal(snapshot.ToMs == 0 ? 0 : totalSpeech / (double)snapshot.ToMs, snapshot.SpeechRatio, 9);
        }
    }

    [Fact]
    public void Observe_ClientFramesAndServerAudioOfSameSpeech_GiveSameMetrics()
    {
        // 1 s silence, 1 s speech, 1 s silence, 0.6 s speech, 1.4 s silence: once as audio, once as 20 ms client frames.
        var pcm = new VoiceTestAudio().Silence(1000).Tone(1000, toneDbfs: -20).Silence(1000).Tone(600, toneDbfs: -20).Silence(1400).ToArray();
        var fromAudio = new VoiceMetrics();
        foreach (var transition in Vad.Run(pcm))
        {
            fromAudio.Observe(transition);
        }

        fromAudio.AdvanceTo(5000);

        var rms = Math.Pow(10, -20 / 20.0);
        var frames = Enumerable.Range(0, 250)
            .Select(i => new ClientVadFrame(i * 20L, IsSpeech: i is >= 50 and < 100 or >= 150 and < 180, Energy: rms, DurationMs: 20))
            .ToArray();
        var segmenter = new ClientVadSegmenter();
        var clientTransitions = new List<VoiceActivityTransition>();
        segmenter.Accept(frames, clientTransitions);
        segmenter.Complete(clientTransitions);
        var fromClient = new VoiceMetrics();
        foreach (var transition in clientTransitions)
        {
            fromClient.Observe(transition);
        }

        fromClient.AdvanceTo(5000);

        var audio = fromAudio.Snapshot();
        var client = fromClient.Snapshot();
        Assert.Equal(audio with { EnergyVariabilityDb = null, Timeline = [] }, client with { EnergyVariabilityDb = null, Timeline = [] });
        Assert.Equal(audio.EnergyVariabilityDb!.Value, client.EnergyVariabilityDb!.Value, 1);
        Assert.Equal(2, client.UtteranceCount);
    }

    private static VoiceActivityTransition Start(long startMs, long at) =>
        new(VoiceActivityTransitionKind.SpeechStarted, at, startMs, null, -20);

    private static VoiceActivityTransition Stop(long startMs, long endMs, long at, double levelDb = -20) =>
        new(VoiceActivityTransitionKind.SpeechStopped, at, startMs, endMs, levelDb);

    private static void Utterance(VoiceMetrics metrics, long startMs, long endMs, double levelDb)
    {
        metrics.Observe(Start(startMs, at: startMs));
        metrics.Observe(Stop(startMs, endMs, at: endMs, levelDb));
    }
}
