using BeMore.Domain.Analysis.Llm;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Analysis.Llm;
using BeMore.Grains.Storage;
using BeMore.Grains.Voice.SpeechToText;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Sessions;

/// <summary>
/// The single writer of one session: it checks the caller, keeps the idle and analysis clocks, and coordinates its
/// parts: the <see cref="SessionJournal"/> (seq, <see cref="AnalysisScope"/> filter, log, state, observers), the
/// <see cref="SessionAnalysis"/> (what each input adds, appended with it), the lifecycle rules
/// (<see cref="SessionLifecycle"/>, <see cref="IdlePolicy"/>) and the <see cref="SessionLinks"/> outside the session.
/// Slow work (speech-to-text, LLM refinement) runs in workers outside its turns and reports back as input.
/// </summary>
[GrainType("counseling-session")]
public sealed partial class CounselingSessionGrain : Grain, ICounselingSessionGrain, IRemindable
{
    private readonly SessionJournal _journal;
    private readonly SessionAnalysis _analysis;
    private readonly SessionLinks _links;
    private readonly TimeProvider _time;
    private readonly CounselingSessionOptions _options;
    private IGrainTimer? _analysisTimer;
    private DateTimeOffset _lastActivityAt;

    public CounselingSessionGrain(
        [PersistentState("session", StorageNames.GrainState)] IPersistentState<CounselingSessionState> state,
        ISessionEventLog eventLog,
        IRetentionStore retention,
        [FromKeyedServices(DomainClock.Key)] TimeProvider time,
        IOptions<CounselingSessionOptions> options,
        TranscriptionWorker transcription,
        RefinementWorker refinement,
        IOptions<LlmOptions> llm,
        IGrainFactory grains,
        ILogger<CounselingSessionGrain> logger)
    {
        var sessionId = this.GetPrimaryKeyString();
        _time = time;
        _options = options.Value;
        _journal = new SessionJournal(sessionId, state, eventLog, time, logger, DeactivateOnIdle, SignalCounselorAsync);
        // A held intervention waits for its refined question at most this long (queue wait included), then goes out as is.
        _analysis = new SessionAnalysis(sessionId, _journal, _options, refinement, time, llm.Value.Timeout * 2, logger);
        _links = new SessionLinks(this, sessionId, grains, retention, transcription);
    }

    private string SessionId => this.GetPrimaryKeyString();

    private CounselingSessionState State => _journal.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastActivityAt = await _journal.OpenAsync(cancellationToken) ?? _time.GetUtcNow();
        _analysis.Restart();
        UpdateAnalysisTimer();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.CloseAsync();

    public async Task<SessionSnapshot> StartAsync(StartSession command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_journal.IsStarted)
        {
            EnsureOwner(command.OwnerId);
            return Snapshot();
        }

        var startedAt = _journal.LogTime();
        var preferences = await _links.JoinOwnerAsync(command.OwnerId, startedAt, command.Title);
        await _journal.AppendAsync([(SessionLifecycle.Start(command, preferences), null)], startedAt);
        _analysis.Restart();
        UpdateAnalysisTimer();
        return Snapshot();
    }

    public Task<SessionSnapshot> GetSnapshotAsync(string callerId)
    {
        EnsureOwner(callerId);
        return Task.FromResult(Snapshot());
    }

    public Task<AnalysisScope> GetAnalysisScopeAsync(string callerId)
    {
        EnsureOwner(callerId);
        return Task.FromResult(State.Scope);
    }

    public Task<SessionSnapshot> PauseAsync(string callerId) =>
        TransitionAsync(callerId, SessionStatus.Paused, from: SessionStatus.Active, "paused");

    public Task<SessionSnapshot> ResumeAsync(string callerId) =>
        TransitionAsync(callerId, SessionStatus.Active, from: SessionStatus.Paused, "resumed");

    public async Task<SessionSnapshot> EndAsync(string callerId)
    {
        EnsureOwner(callerId);
        if (State.Status != SessionStatus.Ended)
        {
            await LeaveSafetyNetAsync();
        }

        await EndCoreAsync("ended");
        return Snapshot();
    }

    public async Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string callerId, long afterSeq, int limit)
    {
        EnsureOwner(callerId);
        return await _journal.ReadAsync(afterSeq, limit);
    }

    public Task<SessionEvent> AppendTranscriptAsync(string callerId, TranscriptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureOwner(callerId);
        return AppendSegmentAsync(
            new SegmentInput($"transcript:{input.ClientSegmentId}", input.ClientSegmentId, input.Text, input.StartMs, input.EndMs, input.Language,
            TranscriptSegment.FromClient), requireActive: true);
    }

    public Task<SessionEvent> AppendSpeechTranscriptAsync(string callerId, SpeechTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        EnsureOwner(callerId);
        return AppendSegmentAsync(
            new SegmentInput($"stt:{transcript.UtteranceId}", ClientSegmentId: null, transcript.Text, transcript.StartMs, transcript.EndMs, transcript.Language,
            TranscriptSegment.FromSpeechToText), requireActive: false);
    }

    public async Task RecordProcessingIssueAsync(string callerId, ProcessingIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        EnsureOwner(callerId);
        await _journal.AppendAsync(issue);
    }

    public async Task RecordVoiceActivityAsync(string callerId, VoiceActivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        EnsureOwner(callerId);
        SessionLifecycle.EnsureActive(State.Status, "receive voice activity");
        _lastActivityAt = _time.GetUtcNow();
        await _analysis.OnVoiceActivityAsync(report);
    }

    public Task PublishVoiceLevelAsync(string callerId, VadLevel level)
    {
        EnsureOwner(callerId);
        SessionLifecycle.EnsureActive(State.Status, "receive audio");
        // An open microphone is activity even while nobody speaks.
        _lastActivityAt = _time.GetUtcNow();
        return _journal.NotifyLiveAsync(SessionLiveMessage.Now(SessionId, level));
    }

    public async Task ApplyPreferencesAsync(string callerId, UserPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        EnsureOwner(callerId);
        if (State.Follow(preferences))
        {
            await _journal.WriteStateAsync();
        }
    }

    public async Task RecordLandmarksAsync(string callerId, IReadOnlyList<LandmarkFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        EnsureOwner(callerId);
        if (!State.Scope.Analysis)
        {
            // Face frames are biometric input that only analysis reads: a session without analysis consent refuses them
            // (rather than dropping them silently), so a client learns to stop sending them.
            throw new ForbiddenException("This session's consent excludes analysis, so face frames are not accepted.");
        }

        SessionLifecycle.EnsureActive(State.Status, "receive face frames");
        var now = _time.GetUtcNow();
        if (await _analysis.OnFaceFramesAsync(frames))
        {
            _lastActivityAt = now;
        }
    }

    public async Task<SessionEvent> SubmitFeedbackAsync(string callerId, int rating, string? comment)
    {
        EnsureOwner(callerId);
        return (await _journal.AppendAsync(new FeedbackSubmitted(rating, comment)))!;
    }

    public async Task ApplyRefinementAsync(string callerId, RefinementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        EnsureOwner(callerId);
        await _analysis.OnRefinementAsync(result);
    }

    public Task<SessionSubscription> SubscribeAsync(string callerId, ISessionObserver observer)
    {
        EnsureOwner(callerId);
        var continues = _journal.Subscribe(observer);
        return Task.FromResult(new SessionSubscription(_journal.LastSeq, continues));
    }

    public Task UnsubscribeAsync(ISessionObserver observer)
    {
        _journal.Unsubscribe(observer);
        return OnObserverLeftAsync();
    }

    public async Task EraseAsync(string callerId)
    {
        EnsureOwner(callerId);
        _links.DiscardAudio();
        await _journal.DeleteEventsAsync();
        await _links.UnscheduleErasureAsync();
        await _journal.ForgetAsync();
        UpdateAnalysisTimer();
        DeactivateOnIdle();
    }

    public async Task<bool> CheckIdleAsync()
    {
        if (!_journal.IsStarted)
        {
            return false;
        }

        switch (IdlePolicy.Decide(State.Status, _lastActivityAt, _time.GetUtcNow(), _options))
        {
            case IdleDecision.Pause when SessionLifecycle.Transition(State.Status, SessionStatus.Paused, SessionStatus.Active, "idle") is { } pause:
                await _journal.AppendAsync(pause);
                UpdateAnalysisTimer();
                break;
            case IdleDecision.End:
                await EndCoreAsync("abandoned");
                break;
        }

        return State.Status != SessionStatus.Ended;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SessionLinks.LegacyIdleReminderName)
        {
            await _links.RetireLegacyIdleReminderAsync();
        }
    }

    private async Task<SessionSnapshot> TransitionAsync(string callerId, SessionStatus to, SessionStatus from, string reason)
    {
        EnsureOwner(callerId);
        if (SessionLifecycle.Transition(State.Status, to, from, reason) is { } change)
        {
            _lastActivityAt = _time.GetUtcNow();
            await _journal.AppendAsync(change);
            UpdateAnalysisTimer();
        }

        return Snapshot();
    }

    /// <summary>
    /// Ends the session once: its last emotion reading and its totals are logged, the retention sweep and the owner's
    /// dashboard learn of it, the narrative is asked for off the turn, and audio still waiting for speech-to-text goes.
    /// </summary>
    private async Task EndCoreAsync(string reason)
    {
        if (State.Status != SessionStatus.Ended)
        {
            var now = _time.GetUtcNow();
            await _analysis.FlushAsync(now);
            await _journal.AppendAsync(SessionLifecycle.Ending(State, reason, now));
            await _links.ScheduleErasureAsync(State.OwnerId, State.EndedAt ?? now);
            UpdateAnalysisTimer();
            _analysis.RequestNarrative();
            await _links.RecordOutcomeAsync(State.OwnerId, SessionLifecycle.Outcome(SessionId, State, now));
        }

        await _journal.AppendAsync(_links.DiscardAudio());
    }

    /// <summary>
    /// The one path of every transcript segment, whoever produced it: idempotent by its dedup key, stored as consent
    /// allows, then analysed. <paramref name="requireActive"/> is false for speech-to-text results, which
    /// may arrive after a pause or the end for speech that happened while the session was active.
    /// </summary>
    private async Task<SessionEvent> AppendSegmentAsync(SegmentInput input, bool requireActive)
    {
        if (await _journal.FindAsync(input.DedupKey) is { } existing)
        {
            if (input.Source == TranscriptSegment.FromChat)
            {
                await AnswerRepeatedMessageAsync(existing, input.Text);
            }

            return existing;
        }

        if (requireActive)
        {
            SessionLifecycle.EnsureActive(State.Status, "receive transcript");
        }

        _lastActivityAt = _time.GetUtcNow();
        var reading = _analysis.ReadSegment(input);
        var turn = CounselorTurnOf(reading.Seq, reading.Segment, reading.Findings, input.Text);
        var appending = _analysis.AppendAsync(reading);
        if (turn is null)
        {
            return (await appending)[0];
        }

        if (turn.Source == TranscriptSegment.FromChat)
        {
            // The counselor asks the LLM while the message commits; it shows nothing until the message is stored.
            var begun = Counselor.BeginReplyAsync(turn);
            await Task.WhenAll(appending, begun);
            return (await appending)[0];
        }

        var appended = await appending;
        await Counselor.OnSignalAsync(new CounselorSignal(CounselorSignalKind.UserTurn, turn));
        return appended[0];
    }

    /// <summary>
    /// Runs while the session is active with analysis consent: its ticks come on the silo's clock, and what is due is
    /// decided on the domain clock.
    /// </summary>
    private void UpdateAnalysisTimer()
    {
        var wanted = _analysis.Runs;
        if (wanted && _analysisTimer is null)
        {
            _analysisTimer = this.RegisterGrainTimer(_ => _analysis.OnTickAsync(), new GrainTimerCreationOptions(_options.AnalysisTick, _options.AnalysisTick));
        }
        else if (!wanted && _analysisTimer is not null)
        {
            _analysisTimer.Dispose();
            _analysisTimer = null;
        }
    }

    private void EnsureOwner(string callerId)
    {
        if (!_journal.IsStarted || !string.Equals(State.OwnerId, callerId, StringComparison.Ordinal))
        {
            throw new SessionNotFoundException();
        }
    }

    private SessionSnapshot Snapshot() => SessionLifecycle.Snapshot(SessionId, State, _journal.LastSeq, _time.GetUtcNow());
}
