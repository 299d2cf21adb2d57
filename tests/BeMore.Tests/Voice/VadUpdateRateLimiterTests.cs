using BeMore.Domain.Voice;

namespace BeMore.Tests.Voice;

public sealed class VadUpdateRateLimiterTests
{
    [Fact]
    public void ShouldEmit_AskedEveryFrame_EmitsAtMostTwicePerSecond()
    {
        var limiter = new VadUpdateRateLimiter();

        var emitted = Enumerable.Range(0, 500).Select(i => i * 20L).Where(ms => limiter.ShouldEmit(ms, isSpeechTransition: false)).ToList();

        Assert.Equal(20, emitted.Count);
        Assert.All(emitted.Zip(emitted.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 500));
    }

    [Fact]
    public void ShouldEmit_SpeechTransitionRightAfterAnUpdate_StillEmits()
    {
        var limiter = new VadUpdateRateLimiter();
        Assert.True(limiter.ShouldEmit(1000, isSpeechTransition: false));

        Assert.True(limiter.ShouldEmit(1020, isSpeechTransition: true));
        Assert.True(limiter.ShouldEmit(1040, isSpeechTransition: true));
        Assert.False(limiter.ShouldEmit(1060, isSpeechTransition: false));
        Assert.True(limiter.ShouldEmit(1540, isSpeechTransition: false));
    }

    [Fact]
    public void ShouldEmit_DrivenByDetectorChunks_EmitsEveryTransitionAndFewPeriodicUpdates()
    {
        var pcm = new VoiceTestAudio().Silence(1000).Tone(1200).Silence(700).Tone(900).Silence(1200).ToArray();
        var detector = new VoiceActivityDetector();
        var limiter = new VadUpdateRateLimiter();
        var transitions = new List<VoiceActivityTransition>();
        var updates = new List<(long AtMs, bool IsTransition)>();

        // 20 ms chunks, the worst case: a decision for every frame.
        for (var offset = 0; offset < pcm.Length; offset += 640)
        {
            transitions.Clear();
            detector.Process(pcm.AsSpan(offset, Math.Min(640, pcm.Length - offset)), transitions);
            updates.AddRange(transitions.Where(t => limiter.ShouldEmit(t.AtMs, isSpeechTransition: true)).Select(t => (t.AtMs, true)));
            if (limiter.ShouldEmit(detector.State.AudioMs, isSpeechTransition: false))
            {
                updates.Add((detector.State.AudioMs, false));
            }
        }

        Assert.Equal(4, updates.Count(u => u.IsTransition));
        var periodic = updates.Where(u => !u.IsTransition).Select(u => u.AtMs).ToList();
        Assert.All(periodic.Zip(periodic.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 500));
        Assert.InRange(periodic.Count, 5, 11);
    }
}
