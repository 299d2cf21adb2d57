namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>A voice-activity frame computed by the client (SendVad); energy is linear RMS, 0..1.</summary>
[GenerateSerializer, Immutable, Alias("bemore.ClientVadInput")]
public sealed record ClientVadInput(
    [property: Id(0)] long TsMs,
    [property: Id(1)] bool IsSpeech,
    [property: Id(2)] double Energy,
    [property: Id(3)] int DurationMs);

/// <summary>
/// A session's voice-activity detection (key: session id), beside the session grain so that audio, four chunks a
/// second, never queues behind the session's other work. Holds only the detector's small running state; raw audio
/// passes through and is never stored. Emits vad_update events to the session grain on speech start/stop and at
/// most twice a second in between.
/// </summary>
[Alias("bemore.IVoiceActivityGrain")]
public interface IVoiceActivityGrain : IGrainWithStringKey
{
    /// <summary>Starts a new audio stream for the session (its timeline restarts at 0 ms).</summary>
    [Alias("BeginAudio")]
    Task BeginAudioAsync(string callerId);

    /// <summary>Processes one chunk of 16 kHz mono PCM16 audio.</summary>
    [Alias("AppendAudio")]
    Task AppendAudioAsync(string callerId, [Immutable] byte[] pcm);

    /// <summary>Ends the stream, closing an utterance still open.</summary>
    [Alias("CompleteAudio")]
    Task CompleteAudioAsync(string callerId);

    /// <summary>Feeds client-computed VAD frames (used when no audio is streamed).</summary>
    [Alias("AcceptClientVad")]
    Task AcceptClientVadAsync(string callerId, IReadOnlyList<ClientVadInput> frames);
}
