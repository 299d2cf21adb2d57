using BeMore.Domain.Reports;
using BeMore.Domain.Voice;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Sessions;

namespace BeMore.Tests.Voice;

/// <summary>
/// The one speech/pause reckoning of voice-activity updates, which the live view's speech ratio and the report's voice
/// figures both read.
/// </summary>
public sealed class SpeechPauseCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Observe_ThreeSentenceRecording_MatchesManifest()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        var speech = new SpeechPauseCalculator();

        foreach (var (speaking, atMs) in AsVadUpdates(Vad.Run(fixture.Pcm)))
        {
            speech.Observe(speaking, atMs);
        }

        speech.Observe(speaking: false, fixture.DurationMs);

        var pauses = fixture.Utterances.Zip(fixture.Utterances.Skip(1), (a, b) => b.StartMs - a.EndMs).ToList();
        var averageUtterance = fixture.Utterances.Average(u => u.DurationMs);
        Assert.Equal(3, speech.UtteranceCount);
        Assert.InRange(speech.SpeechRatio(countOpenUtterance: false)!.Value, fixture.SpeechRatio - 0.03, fixture.SpeechRatio + 0.03);
        Assert.InRange(speech.AverageUtteranceMs, averageUtterance - 150, averageUtterance + 150);
        Assert.InRange(speech.AveragePauseMs, pauses.Average() - 150, pauses.Average() + 150);
        Assert.InRange(speech.LongestPauseMs, pauses.Max() - 150, pauses.Max() + 150);
    }

    [Fact]
    public void Observe_Pauses_AreTheSilencesBetweenUtterances()
    {
        var speech = Folded((true, 5000), (false, 6000), (true, 7000), (false, 8000), (true, 11_000), (false, 12_000), (false, 20_000));

        Assert.Equal((3, 3000L, 1000.0), (speech.UtteranceCount, speech.SpeechMs, speech.AverageUtteranceMs));
        Assert.Equal((2, 2000.0, 3000L), (speech.PauseCount, speech.AveragePauseMs, speech.LongestPauseMs));
        Assert.Equal(20_000, speech.SpanMs);
        Assert.Equal(0.15, speech.SpeechRatio(countOpenUtterance: false));
    }

    [Fact]
    public void SpeechRatio_OpenUtterance_CountsOnlyWhenAskedAndIsNotAnUtteranceYet()
    {
        var speech = Folded((false, 0), (true, 1000), (true, 4000));

        Assert.Equal(0.75, speech.SpeechRatio(countOpenUtterance: true));
        Assert.Equal(0.0, speech.SpeechRatio(countOpenUtterance: false));
        Assert.Equal((0, 0.0), (speech.UtteranceCount, speech.AverageUtteranceMs));
    }

    [Fact]
    public void SpeechRatio_NoTimePassed_IsNull()
    {
        Assert.Null(new SpeechPauseCalculator().SpeechRatio(countOpenUtterance: true));
        Assert.Null(Folded((true, 0), (false, 0)).SpeechRatio(countOpenUtterance: false));
    }

    [Fact]
    public void Observe_RepeatedSpeakingFlag_KeepsTheUtteranceItsFirstStart()
    {
        var speech = Folded((true, 1000), (true, 1500), (true, 2000), (false, 3000), (false, 3500), (false, 4000));

        Assert.Equal((1, 2000L), (speech.UtteranceCount, speech.SpeechMs));
        Assert.Equal(0.5, speech.SpeechRatio(countOpenUtterance: true));
    }

    [Fact]
    public void Observe_NewStreamRestartsItsClock_StopBeforeStartCountsNoSpeechAndRatioStaysInRange()
    {
        // A second audio stream starts at 0 again: its stop can carry an offset earlier than the open start.
        var speech = Folded((true, 9000), (false, 500), (true, 600), (false, 1000));

        Assert.Equal((2, 400L), (speech.UtteranceCount, speech.SpeechMs));
        Assert.Equal((1, 0L), (speech.PauseCount, speech.LongestPauseMs));
        Assert.InRange(speech.SpeechRatio(countOpenUtterance: true)!.Value, 0, 1);
    }

    [Fact]
    public void WordsPerMinute_IsOverSpokenTimeOnly()
    {
        var speech = Folded((true, 0), (false, 3000), (true, 10_000), (false, 11_000), (false, 60_000));

        Assert.Equal(150.0, speech.WordsPerMinute(10));
        Assert.Equal(0.0, new SpeechPauseCalculator().WordsPerMinute(10));
    }

    [Fact]
    public void Observe_RandomSessions_KeepInvariants()
    {
        var random = new Random(7);
        for (var run = 0; run < 50; run++)
        {
            var speech = new SpeechPauseCalculator();
            var now = 0L;
            var spoken = 0L;
            var utterances = 0;
            for (var i = random.Next(0, 30); i > 0; i--)
            {
                var start = now + random.Next(0, 3000);
                var end = start + random.Next(0, 4000);
                speech.Observe(speaking: true, start);
                speech.Observe(speaking: false, end);
                spoken += end - start;
                utterances++;
                now = end;
            }

            speech.Observe(speaking: random.Next(2) == 0, now + random.Next(0, 2000));

            Assert.Equal((utterances, spoken), (speech.UtteranceCount, speech.SpeechMs));
            Assert.Equal(Math.Max(0, utterances - 1), speech.PauseCount);
            Assert.True(speech.LongestPauseMs >= speech.AveragePauseMs);
            Assert.InRange(speech.SpeechRatio(countOpenUtterance: true) ?? 0, speech.SpeechRatio(countOpenUtterance: false) ?? 0, 1);
        }
    }

    [Fact]
    public void Observe_ClientFramesAndServerAudioOfSameSpeech_GiveSameFigures()
    {
        // 1 s silence, 1 s speech, 1 s silence, 0.6 s speech, 1.4 s silence: once as audio, once as 20 ms client frames.
        var pcm = new VoiceTestAudio().Silence(1000).Tone(1000, toneDbfs: -20).Silence(1000).Tone(600, toneDbfs: -20).Silence(1400).ToArray();
        var rms = Math.Pow(10, -20 / 20.0);
        var frames = Enumerable.Range(0, 250)
            .Select(i => new ClientVadFrame(i * 20L, IsSpeech: i is >= 50 and < 100 or >= 150 and < 180, Energy: rms, DurationMs: 20))
            .ToArray();
        var segmenter = new ClientVadSegmenter();
        var clientTransitions = new List<VoiceActivityTransition>();
        segmenter.Accept(frames, clientTransitions);
        segmenter.Complete(clientTransitions);

        var fromAudio = Folded([.. AsVadUpdates(Vad.Run(pcm)), (false, 5000)]);
        var fromClient = Folded([.. AsVadUpdates(clientTransitions), (false, 5000)]);

        Assert.Equal(2, fromClient.UtteranceCount);
        Assert.Equal(Figures(fromAudio), Figures(fromClient));
    }

    [Fact]
    public void LiveViewAndReport_SameUpdatesEndingInSilence_GiveTheSameSpeechRatio()
    {
        (bool Speaking, long AtMs)[] updates = [(true, 1000), (false, 2500), (true, 4000), (false, 4800), (false, 6000)];
        var live = new LiveAnalysis(new CounselingSessionOptions());
        live.OnVoiceActivity([.. updates.Select(u => VadUpdateAt(u.Speaking, u.AtMs))], Start);

        var report = SessionReportBuilder.Build(Snapshot(), [.. updates.Select((u, i) => new SessionEvent("s", i + 1, Start.AddSeconds(i), VadUpdateAt(u.Speaking, u.AtMs)))]);
        var speech = Folded(updates);

        Assert.Equal(speech.SpeechRatio(countOpenUtterance: false), report.Voice.SpeechRatio);
        Assert.Equal(report.Voice.SpeechRatio, live.SpeechRatio);
        Assert.Equal((2, 1150.0, 1500.0, 1500.0), (report.Voice.UtteranceCount, report.Voice.AvgUtteranceMs, report.Voice.AvgPauseMs, report.Voice.LongestPauseMs));
    }

    private static SpeechPauseCalculator Folded(params (bool Speaking, long AtMs)[] updates)
    {
        var speech = new SpeechPauseCalculator();
        foreach (var (speaking, atMs) in updates)
        {
            speech.Observe(speaking, atMs);
        }

        return speech;
    }

    /// <summary>What the voice-activity grain records for each transition: a start at its start, a stop at its end.</summary>
    private static IEnumerable<(bool Speaking, long AtMs)> AsVadUpdates(IEnumerable<VoiceActivityTransition> transitions) =>
        transitions.Select(t => (t.IsStart, t.IsStart ? t.StartMs : t.EndMs ?? t.AtMs));

    private static (int, long, long, int, long, double?) Figures(SpeechPauseCalculator speech) =>
        (speech.UtteranceCount, speech.SpanMs, speech.SpeechMs, speech.PauseCount, speech.LongestPauseMs, speech.SpeechRatio(countOpenUtterance: true));

    private static VadUpdate VadUpdateAt(bool speaking, long atMs) => new(speaking, atMs, 0, 0, -20, 0);

    private static SessionSnapshot Snapshot() => new("s", SessionStatus.Ended, null, Start, Start.AddSeconds(6), 6000, 0, 5,
        new SessionConsent(true, true), null, new SessionMetrics(0, 0, 0, 0, RiskLevels.None, 0, null));
}
