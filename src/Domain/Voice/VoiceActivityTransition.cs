namespace BeMore.Domain.Voice;

public enum VoiceActivityTransitionKind
{
    SpeechStarted,
    SpeechStopped,
}

/// <summary>
/// An utterance starting or stopping. Times are audio milliseconds from stream start. <see cref="AtMs"/> is when the
/// decision was made, which is later than the boundary it reports: a start is confirmed only after
/// <see cref="VoiceActivityOptions.MinUtteranceMs"/> of speech, a stop after <see cref="VoiceActivityOptions.MinPauseMs"/>
/// of silence.
/// </summary>
/// <param name="EndMs">End of the utterance; null for <see cref="VoiceActivityTransitionKind.SpeechStarted"/>.</param>
/// <param name="LevelDb">Mean level of the voiced frames so far (dBFS).</param>
public readonly record struct VoiceActivityTransition(
    VoiceActivityTransitionKind Kind,
    long AtMs,
    long StartMs,
    long? EndMs,
    double LevelDb)
{
    public bool IsStart => Kind == VoiceActivityTransitionKind.SpeechStarted;
}

/// <summary>What a live <c>vad_update</c> shows: speaking or not, how long, and how loud.</summary>
/// <param name="AudioMs">Audio time processed so far.</param>
/// <param name="UtteranceMs">Length of the current utterance; 0 when not speaking.</param>
/// <param name="PauseMs">Time since the last utterance ended (or since stream start); 0 when speaking.</param>
/// <param name="LevelDb">Smoothed input level (dBFS).</param>
/// <param name="NoiseFloorDb">Current noise floor estimate; null until a non-silent frame has been heard.</param>
public readonly record struct VoiceActivityState(
    long AudioMs,
    bool IsSpeaking,
    long UtteranceMs,
    long PauseMs,
    double LevelDb,
    double? NoiseFloorDb);
