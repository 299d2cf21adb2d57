using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Voice;

[GrainType("voice-activity")]
public sealed class VoiceActivityGrain : Grain, IVoiceActivityGrain
{
    private readonly List<VoiceActivityTransition> _transitions = [];
    private VoiceActivityDetector? _detector;
    private ClientVadSegmenter? _clientSegmenter;
    private VadUpdateRateLimiter _rate = new();
    private int _utterances;

    private ICounselingSessionGrain Session => GrainFactory.GetGrain<ICounselingSessionGrain>(this.GetPrimaryKeyString());

    public async Task BeginAudioAsync(string callerId)
    {
        var snapshot = await Session.GetSnapshotAsync(callerId);
        if (snapshot.Status != SessionStatus.Active)
        {
            throw new InvalidSessionStateException("Audio is accepted only while the session is active.");
        }

        _detector = new VoiceActivityDetector();
        _rate = new VadUpdateRateLimiter();
    }

    public async Task AppendAudioAsync(string callerId, byte[] pcm)
    {
        ArgumentNullException.ThrowIfNull(pcm);
        var detector = _detector ?? throw new InvalidSessionStateException("No audio stream was started.");
        _transitions.Clear();
        detector.Process(pcm, _transitions);
        await ForwardAsync(callerId, detector.State, _rate.ShouldEmit(detector.State.AudioMs, isSpeechTransition: false));
    }

    public async Task CompleteAudioAsync(string callerId)
    {
        if (_detector is not { } detector)
        {
            return;
        }

        _transitions.Clear();
        detector.Complete(_transitions);
        _detector = null;
        await ForwardAsync(callerId, detector.State, emitState: false);
    }

    public async Task AcceptClientVadAsync(string callerId, IReadOnlyList<ClientVadInput> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var segmenter = _clientSegmenter ??= new ClientVadSegmenter();
        _transitions.Clear();
        segmenter.Accept(frames.Select(f => new ClientVadFrame(f.TsMs, f.IsSpeech, f.Energy, f.DurationMs)).ToArray(), _transitions);
        await ForwardAsync(callerId, segmenter.State, _rate.ShouldEmit(segmenter.State.AudioMs, isSpeechTransition: false));
    }

    private async Task ForwardAsync(string callerId, VoiceActivityState state, bool emitState)
    {
        var updates = new List<VadUpdate>(_transitions.Count + 1);
        foreach (var transition in _transitions)
        {
            if (transition.IsStart)
            {
                _utterances++;
            }

            updates.Add(new VadUpdate(
                transition.IsStart,
                transition.IsStart ? transition.StartMs : transition.EndMs ?? transition.AtMs,
                transition.EndMs is { } end ? end - transition.StartMs : 0,
                transition.IsStart ? state.PauseMs : 0,
                Math.Round(transition.LevelDb, 1),
                _utterances));
        }

        if (updates.Count == 0 && emitState)
        {
            updates.Add(new VadUpdate(state.IsSpeaking, state.AudioMs, state.UtteranceMs, state.PauseMs, Math.Round(state.LevelDb, 1), _utterances));
        }

        if (updates.Count > 0)
        {
            await Session.RecordVoiceActivityAsync(callerId, updates);
        }
    }
}
