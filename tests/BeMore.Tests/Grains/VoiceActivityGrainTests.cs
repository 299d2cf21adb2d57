using BeMore.Domain.Voice;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Tests.Grains;

/// <summary>The voice grain against its session on the test cluster: what a stream may still do once the session moved on.</summary>
public sealed class VoiceActivityGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    [Fact]
    public async Task AppendAudio_SilenceAfterTheSessionPaused_IsRefusedAtTheNextLevelUpdate()
    {
        var owner = Guid.NewGuid().ToString("N");
        var sessionId = Guid.NewGuid().ToString("N");
        var session = cluster.Grains.GetGrain<ICounselingSessionGrain>(sessionId);
        await session.StartAsync(new StartSession(owner, "stream", new SessionConsent(Analysis: true, StoreTranscript: true)));
        var voice = cluster.Grains.GetGrain<IVoiceActivityGrain>(sessionId);
        var quarterSecondOfSilence = new byte[PcmFormat.BytesPerSecond / 4];
        await voice.BeginAudioAsync(owner);
        await voice.AppendAudioAsync(owner, quarterSecondOfSilence);

        await session.PauseAsync(owner);

        // Silence starts and stops no speech, so only the live level (twice a second at most) reaches the session.
        await Assert.ThrowsAsync<InvalidSessionStateException>(async () =>
        {
            for (var chunk = 0; chunk < 8; chunk++)
            {
                await voice.AppendAudioAsync(owner, quarterSecondOfSilence);
            }
        });
    }
}
