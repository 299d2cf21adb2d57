using BeMore.Domain.Voice;
using Xunit.Abstractions;

namespace BeMore.Tests.Voice;

public sealed class VoiceActivityDetectorRealAudioTests(ITestOutputHelper output)
{
    private const long BoundaryToleranceMs = 150;

    [Fact]
    public async Task Process_ThreeSpokenSentences_YieldsThreeUtterancesWithinToleranceOfManifest()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.ThreeSentences);

        var utterances = Vad.Utterances(Vad.Run(fixture.Pcm));

        for (var i = 0; i < Math.Min(utterances.Count, fixture.Utterances.Count); i++)
        {
            output.WriteLine(
                $"utterance {i + 1}: detected {utterances[i].StartMs}-{utterances[i].EndMs} ms, expected " +
                $"{fixture.Utterances[i].StartMs}-{fixture.Utterances[i].EndMs} ms, errors " +
                $"{utterances[i].StartMs - fixture.Utterances[i].StartMs:+0;-0;0} / {utterances[i].EndMs - fixture.Utterances[i].EndMs:+0;-0;0} ms");
        }

        Assert.Equal(3, utterances.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(utterances[i].StartMs, fixture.Utterances[i].StartMs - BoundaryToleranceMs, fixture.Utterances[i].StartMs + BoundaryToleranceMs);
            Assert.InRange(utterances[i].EndMs, fixture.Utterances[i].EndMs - BoundaryToleranceMs, fixture.Utterances[i].EndMs + BoundaryToleranceMs);
        }
    }

    [Fact]
    public async Task Process_NoiseOnlyAfterDigitalSilence_YieldsNoUtterance()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.NoiseOnly);

        var detector = new VoiceActivityDetector();
        var transitions = new List<VoiceActivityTransition>();
        detector.Process(fixture.Pcm, transitions);
        var state = detector.State;
        detector.Complete(transitions);

        Assert.Empty(transitions);
        Assert.False(state.IsSpeaking);
        Assert.Equal(fixture.DurationMs, state.PauseMs);
        Assert.NotNull(state.NoiseFloorDb);
        Assert.InRange(state.NoiseFloorDb.Value, -60, -45);
    }
}
