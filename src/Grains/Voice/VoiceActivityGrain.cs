using BeMore.Domain.Voice;
using BeMore.Domain.Voice.SpeechToText;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Telemetry;
using BeMore.Grains.Voice.SpeechToText;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Voice;

/// <summary>
/// Runs voice-activity detection on the session's audio stream and, when a speech-to-text provider is configured,
/// records each utterance to a temp file and queues it for the <see cref="TranscriptionWorker"/>, which transcribes
/// it outside this grain's turns.
/// </summary>
[GrainType("voice-activity")]
public sealed class VoiceActivityGrain(TranscriptionWorker transcription, UtteranceSpool spool, IOptions<SpeechToTextOptions> speechToText)
    : Grain, IVoiceActivityGrain
{
    private readonly List<VoiceActivityTransition> _transitions = [];
    private readonly bool _transcribes = speechToText.Value.Provider != SpeechToTextProvider.None;
    private UtteranceRecorder? _recorder;
    private FileStream? _utteranceFile;
    private string _streamId = "";
    private VoiceActivityDetector? _detector;
    private ClientVadSegmenter? _clientSegmenter;
    private ProsodyTracker? _prosody;
    private VadUpdateRateLimiter _rate = new();
    private UtteranceTally _utterances;
    private string? _verifiedOwner;

    private ICounselingSessionGrain? _session;

    /// <summary>Resolved once: Orleans reads the interface's attributes by reflection on every GetGrain call, per audio chunk here.</summary>
    private ICounselingSessionGrain Session => _session ??= GrainFactory.Reference<ICounselingSessionGrain>(this.GetPrimaryKeyString());

    public async Task BeginAudioAsync(string callerId)
    {
        var snapshot = await Session.GetSnapshotAsync(callerId);
        _verifiedOwner = callerId;
        // A fresh activation continues the session's count rather than restarting it at zero.
        _utterances = _utterances with { Count = Math.Max(_utterances.Count, snapshot.Metrics.UtteranceCount) };
        if (snapshot.Status != SessionStatus.Active)
        {
            throw new InvalidSessionStateException("Audio is accepted only while the session is active.");
        }

        _detector = new VoiceActivityDetector();
        // Prosody feeds only voice emotion: outside the session's analysis scope the audio is not measured for it. The
        // voice opt-in can change while the stream runs, so the session drops what its scope withholds when it arrives.
        _prosody = (await Session.GetAnalysisScopeAsync(callerId)).Analysis ? new ProsodyTracker() : null;
        _rate = new VadUpdateRateLimiter();
        await AbandonUtteranceAsync();
        _recorder = _transcribes ? new UtteranceRecorder() : null;
        _streamId = Guid.NewGuid().ToString("N");
    }

    public async Task AppendAudioAsync(string callerId, byte[] pcm)
    {
        ArgumentNullException.ThrowIfNull(pcm);
        await EnsureOwnerAsync(callerId);
        var detector = _detector ?? throw new InvalidSessionStateException("No audio stream was started.");
        _transitions.Clear();
        if (_recorder is not null)
        {
            await _recorder.AppendAsync(pcm);
        }

        detector.Process(pcm, _transitions);
        BeMoreTelemetry.AudioProcessed.Add((double)pcm.Length / PcmFormat.BytesPerSecond);
        _prosody?.Process(pcm);
        await RecordUtterancesAsync(callerId);
        await ForwardAsync(callerId, detector.State, closing: false, _prosody);
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
        await RecordUtterancesAsync(callerId);
        _recorder = null;
        // The closing state marks where the audio ended, so the report's speech ratio spans the whole recording.
        await ForwardAsync(callerId, detector.State, closing: true, _prosody);
        _prosody = null;
    }

    public async Task AcceptClientVadAsync(string callerId, IReadOnlyList<ClientVadInput> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        await EnsureOwnerAsync(callerId);
        var segmenter = _clientSegmenter ??= new ClientVadSegmenter();
        _transitions.Clear();
        segmenter.Accept(frames.Select(f => new ClientVadFrame(f.TsMs, f.IsSpeech, f.Energy, f.DurationMs)).ToArray(), _transitions);
        await ForwardAsync(callerId, segmenter.State, closing: false);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await AbandonUtteranceAsync();

    /// <summary>
    /// Only the session's owner may move this grain's detector state: a stranger's frames must be refused before they
    /// count, not after. The session grain answers the question once per activation.
    /// </summary>
    private async Task EnsureOwnerAsync(string callerId)
    {
        if (_verifiedOwner != callerId)
        {
            await Session.GetSnapshotAsync(callerId);
            _verifiedOwner = callerId;
        }
    }

    /// <summary>Starts and ends utterance recordings at the detector's transitions, queueing each finished one for speech-to-text.</summary>
    private async Task RecordUtterancesAsync(string callerId)
    {
        if (_recorder is not { } recorder)
        {
            return;
        }

        foreach (var transition in _transitions)
        {
            if (transition.IsStart)
            {
                _utteranceFile = spool.CreateUtteranceFile(this.GetPrimaryKeyString());
                await recorder.BeginAsync(_utteranceFile, transition.StartMs);
            }
            else if (_utteranceFile is { } file && transition.EndMs is { } endMs)
            {
                var utterance = await recorder.EndAsync(endMs);
                await file.DisposeAsync();
                _utteranceFile = null;
                var job = new UtteranceJob(this.GetPrimaryKeyString(), callerId, _streamId, file.Name, utterance.StartMs, utterance.EndMs);
                if (transcription.Enqueue(job) is { } dropped)
                {
                    await Session.RecordProcessingIssueAsync(callerId, new ProcessingIssue(
                        ProcessingIssueKinds.UtteranceDropped, "Speech-to-text fell behind; the oldest waiting utterance was not transcribed.", dropped.StartMs, dropped.EndMs));
                }
            }
        }
    }

    /// <summary>An utterance still open when its stream restarts or the grain goes away is never transcribed: its file goes.</summary>
    private async Task AbandonUtteranceAsync()
    {
        if (_utteranceFile is { } file)
        {
            _utteranceFile = null;
            await file.DisposeAsync();
            UtteranceSpool.DeleteFile(file.Name);
        }
    }

    /// <summary>
    /// Hands the session the durable voice facts of this chunk: its speech starts and stops, the utterances they finished
    /// (the last with its prosody, when measured) and, at a stream's end, where the audio ended. Between those, the level
    /// goes to the viewers live only, at most twice a second: it is not a fact a report needs.
    /// </summary>
    private async Task ForwardAsync(string callerId, VoiceActivityState state, bool closing, ProsodyTracker? prosody = null)
    {
        if (_transitions.Count == 0 && !closing)
        {
            if (_rate.ShouldEmit(state.AudioMs, isSpeechTransition: false))
            {
                var level = new VadLevel(state.IsSpeaking, Math.Round(state.LevelDb, 1), state.IsSpeaking ? state.UtteranceMs : 0);
                await Session.PublishVoiceLevelAsync(callerId, level);
            }

            return;
        }

        var updates = new List<VadUpdate>(_transitions.Count + 1);
        var finished = new List<Utterance>();
        var utterances = _utterances;
        foreach (var transition in _transitions)
        {
            var atMs = transition.IsStart ? transition.StartMs : transition.EndMs ?? transition.AtMs;
            utterances = utterances.Observe(transition.IsStart, atMs, out var ended);
            updates.Add(new VadUpdate(
                transition.IsStart,
                atMs,
                transition.EndMs is { } end ? end - transition.StartMs : 0,
                transition.IsStart ? state.PauseMs : 0,
                Math.Round(transition.LevelDb, 1),
                utterances.Count));
            if (ended is var (startMs, endMs))
            {
                finished.Add(new Utterance(startMs, endMs, endMs - startMs, null, null, null));
            }
        }

        if (updates.Count == 0)
        {
            utterances = utterances.Observe(state.IsSpeaking, state.AudioMs, out _);
            updates.Add(new VadUpdate(state.IsSpeaking, state.AudioMs, state.UtteranceMs, state.PauseMs, Math.Round(state.LevelDb, 1), utterances.Count));
        }

        var sample = finished.Count > 0 ? prosody?.TakeUtterance() : null;
        if (sample is not null)
        {
            finished[^1] = finished[^1] with
            {
                PitchHz = Math.Round(ProsodyTracker.ToHz(sample.PitchSemitones), 1),
                PitchSpreadSemitones = sample.PitchSpreadSemitones,
                LoudnessDb = sample.LevelDb,
            };
        }

        await Session.RecordVoiceActivityAsync(callerId, new VoiceActivityReport(updates, finished, sample));
        // Kept only once the session took the updates: a refused batch (session paused) must not run the live count ahead of the report's.
        _utterances = utterances;
    }
}
