using BeMore.Domain.Voice;

namespace BeMore.Tests.Voice;

public sealed class ClientVadSegmenterTests
{
    private static readonly VoiceActivityOptions Defaults = new();

    [Fact]
    public void Accept_SpeechWithShortDip_YieldsOneUtteranceWithHangover()
    {
        var frames = Frames(0, 1000, false).Concat(Frames(1000, 800, true)).Concat(Frames(1800, 300, false))
            .Concat(Frames(2100, 800, true)).Concat(Frames(2900, 1000, false)).ToArray();

        var transitions = Run(frames);

        Assert.Equal([(1000L, 2900L + Defaults.HangoverMs)], Vad.Utterances(transitions));
    }

    [Fact]
    public void Accept_ShortBurst_YieldsNoUtterance()
    {
        var frames = Frames(0, 500, false).Concat(Frames(500, 100, true)).Concat(Frames(600, 1000, false)).ToArray();

        Assert.Empty(Run(frames));
    }

    [Fact]
    public void Accept_GapWithoutFrames_CountsAsSilence()
    {
        var frames = Frames(0, 600, true).Concat(Frames(2000, 600, true)).ToArray();

        var utterances = Vad.Utterances(Run(frames));

        Assert.Equal([(0L, 600L + Defaults.HangoverMs), (2000L, 2600L)], utterances);
    }

    [Fact]
    public void Accept_DuplicateOverlappingAndMalformedFrames_AreSkipped()
    {
        var segmenter = new ClientVadSegmenter();
        var transitions = new List<VoiceActivityTransition>();
        segmenter.Accept(Frames(0, 400, true).ToArray(), transitions);

        var accepted = segmenter.Accept(
            [
                new ClientVadFrame(380, true, 0.1, 20),
                new ClientVadFrame(400, true, 0.1, 0),
                new ClientVadFrame(400, true, 0.1, ClientVadSegmenter.MaxFrameMs + 1),
                new ClientVadFrame(ClientVadSegmenter.MaxTimestampMs + 1, true, 0.1, 20),
                new ClientVadFrame(400, true, double.NaN, 20),
            ],
            transitions);

        Assert.Equal(1, accepted);
        Assert.Equal(420, segmenter.State.AudioMs);
        Assert.Equal(PcmFormat.SilenceDb, segmenter.State.LevelDb);
    }

    [Fact]
    public void State_AfterSpeechFrames_ReportsSpeakingAndLevelFromEnergy()
    {
        var segmenter = new ClientVadSegmenter();
        var transitions = new List<VoiceActivityTransition>();

        segmenter.Accept(Frames(0, 500, false).Concat(Frames(500, 700, true, energy: 0.1)).ToArray(), transitions);

        Assert.Equal((true, 1200L, 700L, 0L), (segmenter.State.IsSpeaking, segmenter.State.AudioMs, segmenter.State.UtteranceMs, segmenter.State.PauseMs));
        Assert.Equal(-20, segmenter.State.LevelDb, 6);
        Assert.Equal(-20, Assert.Single(transitions).LevelDb, 6);
    }

    private static List<VoiceActivityTransition> Run(ClientVadFrame[] frames)
    {
        var segmenter = new ClientVadSegmenter();
        var transitions = new List<VoiceActivityTransition>();
        segmenter.Accept(frames, transitions);
        segmenter.Complete(transitions);
        return transitions;
    }

    private static IEnumerable<ClientVadFrame> Frames(long fromMs, int lengthMs, bool isSpeech, double energy = 0.1) =>
        Enumerable.Range(0, lengthMs / 20).Select(i => new ClientVadFrame(fromMs + (i * 20L), isSpeech, isSpeech ? energy : 0.001, 20));
}
