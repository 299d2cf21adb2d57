using BeMore.Domain.Voice;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Tests.Voice;

public sealed class ProsodyTrackerTests
{
    private static double Semitones(double hz) => 12 * Math.Log2(hz / 55);

    [Theory]
    [InlineData(90)]
    [InlineData(120)]
    [InlineData(210)]
    [InlineData(330)]
    public void TakeUtterance_SteadyVoice_MeasuresItsPitchWithinAQuarterTone(double hz)
    {
        var tracker = new ProsodyTracker();
        tracker.Process(new VoiceTestAudio().Voice(1200, hz, hz).ToArray());

        var sample = tracker.TakeUtterance();

        Assert.NotNull(sample);
        Assert.InRange(sample.PitchSemitones, Semitones(hz) - 0.5, Semitones(hz) + 0.5);
        Assert.InRange(sample.PitchSpreadSemitones, 0, 0.5);
        Assert.InRange(sample.VoicedMs, 1000, 1200);
    }

    [Fact]
    public void TakeUtterance_GlidingVoice_HasTheSpreadOfItsGlide()
    {
        var tracker = new ProsodyTracker();
        // 150 -> 300 Hz is one octave, spread evenly: its standard deviation is 12 / sqrt(12), about 3.5 semitones.
        tracker.Process(new VoiceTestAudio().Voice(2000, 150, 300).ToArray());

        var sample = tracker.TakeUtterance()!;

        Assert.InRange(sample.PitchSpreadSemitones, 2.8, 4.2);
        Assert.InRange(sample.PitchSemitones, Semitones(150) + 4, Semitones(300) - 4);
    }

    [Fact]
    public void TakeUtterance_QuieterVoice_IsQuieterByTheSameDecibels()
    {
        var loud = new ProsodyTracker();
        loud.Process(new VoiceTestAudio().Voice(1000, 140, 140, dbfs: -16).ToArray());
        var quiet = new ProsodyTracker();
        quiet.Process(new VoiceTestAudio().Voice(1000, 140, 140, dbfs: -28).ToArray());

        var difference = loud.TakeUtterance()!.LevelDb - quiet.TakeUtterance()!.LevelDb;

        Assert.InRange(difference, 11, 13);
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(-60)]
    public void TakeUtterance_NoiseOrSilence_GivesNothing(double noiseDbfs)
    {
        var tracker = new ProsodyTracker();
        tracker.Process(new VoiceTestAudio(noiseDbfs, seed: 7).Silence(2000).ToArray());

        Assert.Null(tracker.TakeUtterance());
    }

    [Fact]
    public void TakeUtterance_TooShortAVoicedStretch_GivesNothing()
    {
        var tracker = new ProsodyTracker();
        tracker.Process(new VoiceTestAudio().Voice(150, 140, 140).Silence(500).ToArray());

        Assert.Null(tracker.TakeUtterance());
    }

    [Fact]
    public void TakeUtterance_AfterATake_StartsAfresh()
    {
        var tracker = new ProsodyTracker();
        tracker.Process(new VoiceTestAudio().Voice(800, 100, 100).ToArray());
        var first = tracker.TakeUtterance()!;
        tracker.Process(new VoiceTestAudio().Voice(800, 200, 200).ToArray());
        var second = tracker.TakeUtterance()!;

        Assert.InRange(second.PitchSemitones - first.PitchSemitones, 11.5, 12.5);
    }

    [Fact]
    public void Process_InChunksThatSplitSamples_MeasuresTheSameAsInOnePiece()
    {
        var pcm = new VoiceTestAudio().Voice(1500, 120, 180, dbfs: -22).ToArray();
        var whole = new ProsodyTracker();
        whole.Process(pcm);
        var chunked = new ProsodyTracker();
        for (var offset = 0; offset < pcm.Length; offset += 333)
        {
            chunked.Process(pcm.AsSpan(offset, Math.Min(333, pcm.Length - offset)));
        }

        Assert.Equal(whole.TakeUtterance(), chunked.TakeUtterance());
    }

    [Fact]
    public async Task TakeUtterance_RecordedSpeech_FindsAnAdultVoiceInEachSentence()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);
        var tracker = new ProsodyTracker();
        var samples = new List<ProsodySample>();
        foreach (var utterance in fixture.Utterances)
        {
            tracker.Process(fixture.Pcm.AsSpan((int)PcmFormat.BytesForMs(utterance.StartMs), (int)PcmFormat.BytesForMs(utterance.DurationMs)));
            samples.Add(tracker.TakeUtterance()!);
        }

        Assert.Equal(fixture.Utterances.Count, samples.Count(s => s is not null));
        Assert.All(samples.Zip(fixture.Utterances), pair =>
        {
            Assert.InRange(pair.First.PitchSemitones, Semitones(70), Semitones(300));
            Assert.InRange(pair.First.VoicedMs, pair.Second.DurationMs / 4, pair.Second.DurationMs);
        });
    }
}
