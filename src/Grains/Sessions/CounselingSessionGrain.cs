using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Telemetry;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Analysis.Llm;
using BeMore.Grains.Storage;
using BeMore.Grains.Voice.SpeechToText;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace BeMore.Grains.Sessions;

[GrainType("counseling-session")]
public sealed partial class CounselingSessionGrain : Grain, ICounselingSessionGrain, IRemindable
{
    public const string IdleReminderName = "idle-check";

    /// <summary>State is written on status changes and every this many events, never per segment.</summary>
    private const int StateWriteInterval = 100;

    private const string NarrativeDedupKey = "narrative";

    private static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(5);

    private readonly IPersistentState<CounselingSessionState> _state;
    private readonly ISessionEventLog _eventLog;
    private readonly IRetentionStore _retention;
    private readonly TimeProvider _time;
    private readonly CounselingSessionOptions _options;
    private readonly ObserverManager<ISessionObserver> _observers;
    private readonly LiveAnalysis _analysis;
    private readonly TranscriptionWorker _transcription;
    private readonly RefinementWorker _refinement;
    private readonly TimeSpan _refinementDeadline;
    private readonly ActiveSessionTally _tally = new();
    private IGrainTimer? _analysisTimer;
    private DateTimeOffset _lastRollupAt;
    private bool _rollupDue;
    private long _lastSeq;
    private long _persistedSeq;
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
        ILogger<CounselingSessionGrain> logger)
    {
        _state = state;
        _eventLog = eventLog;
        _retention = retention;
        _time = time;
        _options = options.Value;
        _observers = new ObserverManager<ISessionObserver>(ObserverExpiry, logger);
        _analysis = new LiveAnalysis(_options);
        _transcription = transcription;
        _refinement = refinement;
        // A held intervention waits for its refined question at most this long (queue wait included), then goes out as is.
        _refinementDeadline = llm.Value.Timeout * 2;
    }

    private string SessionId => this.GetPrimaryKeyString();

    private CounselingSessionState State => _state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var tail = await _eventLog.GetTailAsync(SessionId, cancellationToken);
        _lastSeq = tail.LastSeq;
        _lastActivityAt = tail.LastAt ?? _time.GetUtcNow();
        if (_lastSeq > State.AppliedSeq)
        {
            await CatchUpStateAsync(cancellationToken);
        }

        _persistedSeq = State.AppliedSeq;
        _tally.Set(_lastSeq > 0 ? State.Status : null);

        if (_lastSeq > 0 && State.Status != SessionStatus.Ended)
        {
            // In-memory reminders (embedded profile) do not survive a restart; re-arming is idempotent.
            await this.RegisterOrUpdateReminder(IdleReminderName, _options.IdleCheckPeriod, _options.IdleCheckPeriod, cancellationToken);
        }

        _lastRollupAt = _time.GetUtcNow();
        UpdateAnalysisTimer();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _tally.Set(null);
        return Task.CompletedTask;
    }

    public async Task<SessionSnapshot> StartAsync(StartSession command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_lastSeq == 0)
        {
            var preferences = await PreferencesAsync(command.OwnerId);
            var startedAt = LogTime();
            // Registered with the owner before anything is written: the owner's grain refuses once the account is erased,
            // so no session outlives it. Nothing after this calls the owner's grain, so an erasure waiting for this
            // session cannot deadlock with it.
            await GrainFactory.GetGrain<IUserGrain>(command.OwnerId)
                .AddSessionAsync(new SessionIndexEntry(SessionId, startedAt, command.Title));
            State.OwnerId = command.OwnerId;
            State.Title = command.Title;
            State.Consent = command.Consent;
            State.CounselorMode = command.Counselor;
            if (preferences is not null)
            {
                State.PreferredLanguage = preferences.Language;
                State.OptIns = preferences.Analysis;
            }
            await AppendAsync([(new StatusChanged(From: null, SessionStatus.Active, "started"), null)], startedAt);
            await this.RegisterOrUpdateReminder(IdleReminderName, _options.IdleCheckPeriod, _options.IdleCheckPeriod);
            _lastRollupAt = _time.GetUtcNow();
            UpdateAnalysisTimer();
        }
        else
        {
            EnsureOwner(command.OwnerId);
        }

        return Snapshot();
    }

    public Task<SessionSnapshot> GetSnapshotAsync(string callerId)
    {
        EnsureOwner(callerId);
        return Task.FromResult(Snapshot());
    }

    public Task<SessionSnapshot> PauseAsync(string callerId) =>
        TransitionAsync(callerId, SessionStatus.Paused, from: SessionStatus.Active, "paused");

    public Task<SessionSnapshot> ResumeAsync(string callerId) =>
        TransitionAsync(callerId, SessionStatus.Active, from: SessionStatus.Paused, "resumed");

    public async Task<SessionSnapshot> EndAsync(string callerId)
    {
        EnsureOwner(callerId);
        await EndCoreAsync("ended");
        await DiscardUtteranceAudioAsync();
        return Snapshot();
    }

    public async Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string callerId, long afterSeq, int limit)
    {
        EnsureOwner(callerId);
        return await _eventLog.ReadAfterAsync(SessionId, Math.Max(0, afterSeq), Math.Clamp(limit, 1, SessionEventReading.MaxPageSize));
    }

    public Task<SessionEvent> AppendTranscriptAsync(string callerId, TranscriptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureOwner(callerId);
        return AppendSegmentAsync(
            TranscriptDedupKey(input.ClientSegmentId), input.ClientSegmentId, input.Text, input.StartMs, input.EndMs, input.Language,
            TranscriptSegment.FromClient, requireActive: true);
    }

    public Task<SessionEvent> AppendSpeechTranscriptAsync(string callerId, SpeechTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        EnsureOwner(callerId);
        return AppendSegmentAsync(
            $"stt:{transcript.UtteranceId}", clientSegmentId: null, transcript.Text, transcript.StartMs, transcript.EndMs, transcript.Language,
            TranscriptSegment.FromSpeechToText, requireActive: false);
    }

    public async Task RecordProcessingIssueAsync(string callerId, ProcessingIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        EnsureOwner(callerId);
        await AppendAsync([(issue, null)]);
    }

    public async Task RecordVoiceActivityAsync(string callerId, IReadOnlyList<VadUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        EnsureOwner(callerId);
        EnsureActive("receive voice activity");
        _lastActivityAt = _time.GetUtcNow();
        _rollupDue = true;
        if (State.OptIns.Voice)
        {
            await AppendAsync(Unkeyed(updates));
        }

        // Followed even when voice analysis is opted out: interventions still wait for the user's pause.
        await AppendAsync(Unkeyed(_analysis.OnVoiceActivity(updates, _time.GetUtcNow())));
    }

    public async Task ApplyPreferencesAsync(string callerId, UserPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        EnsureOwner(callerId);
        if (State.Status == SessionStatus.Ended
            || (State.PreferredLanguage == preferences.Language && State.OptIns == preferences.Analysis))
        {
            return;
        }

        State.PreferredLanguage = preferences.Language;
        State.OptIns = preferences.Analysis;
        await _state.WriteStateAsync();
        _persistedSeq = _lastSeq;
    }

    public async Task RecordProsodyAsync(string callerId, ProsodySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        EnsureOwner(callerId);
        // The last utterance of a stream can be measured just after a pause or the end: it is no longer live analysis.
        if (State.Status != SessionStatus.Active || !State.Consent.Analysis || !State.OptIns.Voice)
        {
            return;
        }

        _analysis.OnProsody(sample);
        if (_analysis.TakeEmotionUpdate(_time.GetUtcNow()) is { } update)
        {
            await AppendAsync([(update, null)]);
        }
    }

    public async Task RecordLandmarksAsync(string callerId, IReadOnlyList<LandmarkFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        EnsureOwner(callerId);
        EnsureActive("receive face frames");
        if (!State.Consent.Analysis || !State.OptIns.FaceEmotion)
        {
            return;
        }

        _lastActivityAt = _time.GetUtcNow();
        _rollupDue = true;
        foreach (var frame in frames)
        {
            _analysis.OnFaceFrame(frame);
        }

        if (_analysis.TakeEmotionUpdate(_time.GetUtcNow()) is { } update)
        {
            await AppendAsync([(update, null)]);
        }
    }

    public async Task<SessionEvent> SubmitFeedbackAsync(string callerId, int rating, string? comment)
    {
        EnsureOwner(callerId);
        return (await AppendAsync([(new FeedbackSubmitted(rating, comment), null)]))[0];
    }

    public async Task ApplyRefinementAsync(string callerId, RefinementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        EnsureOwner(callerId);
        if (result.Kind == RefinementKind.Narrative)
        {
            // Stored once: every later report reads this event instead of asking the LLM again.
            if (result.Text is { } text && await _eventLog.FindByDedupKeyAsync(SessionId, NarrativeDedupKey) is null)
            {
                await AppendAsync([(new NarrativeSummaryWritten(text, result.ThroughSeq), NarrativeDedupKey)]);
            }

            return;
        }

        // Live refinements only matter while the session runs; afterwards the local results stand.
        if (State.Status == SessionStatus.Active)
        {
            await AppendAsync(Unkeyed(_analysis.ApplyRefinement(result, _time.GetUtcNow())));
        }
    }

    public Task SubscribeAsync(string callerId, ISessionObserver observer)
    {
        EnsureOwner(callerId);
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ISessionObserver observer)
    {
        _observers.Unsubscribe(observer);
        return OnObserverLeftAsync();
    }

    public async Task EraseAsync(string callerId)
    {
        EnsureOwner(callerId);
        _transcription.DiscardSession(SessionId);
        await _eventLog.DeleteSessionAsync(SessionId);
        await _retention.RemoveAsync(SessionId);
        await _state.ClearStateAsync();
        _state.State = new CounselingSessionState();
        _lastSeq = 0;
        _persistedSeq = 0;
        _tally.Set(null);
        _observers.Clear();
        UpdateAnalysisTimer();
        await UnregisterIdleReminderAsync();
        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != IdleReminderName)
        {
            return;
        }

        if (_lastSeq == 0)
        {
            await UnregisterIdleReminderAsync();
            return;
        }

        switch (IdlePolicy.Decide(State.Status, _lastActivityAt, _time.GetUtcNow(), _options))
        {
            case IdleDecision.Pause:
                await RecordStatusChangeAsync(new StatusChanged(SessionStatus.Active, SessionStatus.Paused, "idle"));
                break;
            case IdleDecision.End:
                await EndCoreAsync("abandoned");
                await DiscardUtteranceAudioAsync();
                break;
            case IdleDecision.None when State.Status == SessionStatus.Ended:
                await UnregisterIdleReminderAsync();
                break;
        }
    }

    private async Task<SessionSnapshot> TransitionAsync(string callerId, SessionStatus to, SessionStatus from, string reason)
    {
        EnsureOwner(callerId);
        var current = State.Status;
        if (current == to)
        {
            return Snapshot();
        }

        if (current != from)
        {
            throw new InvalidSessionStateException($"A session that is {current.ToString().ToLowerInvariant()} cannot be {reason}.");
        }

        _lastActivityAt = _time.GetUtcNow();
        await RecordStatusChangeAsync(new StatusChanged(current, to, reason));
        UpdateAnalysisTimer();
        return Snapshot();
    }

    private async Task EndCoreAsync(string reason)
    {
        if (State.Status == SessionStatus.Ended)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_analysis.FlushEmotionUpdate(now) is { } lastEmotion)
        {
            await AppendAsync([(lastEmotion, null)]);
        }

        var aggregates = State.Aggregates;
        var ended = new SessionEnded(
            State.ActiveMsAt(now), State.PausedMsAt(now), aggregates.SegmentCount, aggregates.WordCount,
            aggregates.DominantEmotion, aggregates.RiskLevel);
        await AppendAsync([(new StatusChanged(State.Status, SessionStatus.Ended, reason), null), (ended, null)]);
        await _retention.ScheduleAsync(SessionId, State.OwnerId, State.EndedAt ?? now);
        await UnregisterIdleReminderAsync();
        UpdateAnalysisTimer();
        if (State.Consent.Analysis)
        {
            // Off the turn: the worker builds the report, asks for its narrative and reports back; on failure the report composes its own.
            _refinement.TryEnqueue(new RefinementJob(SessionId, State.OwnerId, RefinementKind.Narrative, 1, _lastSeq, Messages: null));
        }

        await GrainFactory.GetGrain<IUserGrain>(State.OwnerId).RecordSessionOutcomeAsync(new SessionOutcome(
            SessionId, State.EndedAt ?? now, State.ActiveMs, aggregates.DominantEmotion,
            new Dictionary<string, int>(aggregates.DistortionCounts), aggregates.RiskLevel));
    }

    /// <summary>
    /// The one path of every transcript segment, whoever produced it: idempotent by <paramref name="dedupKey"/>, stored
    /// as consent allows, then analysed. <paramref name="requireActive"/> is false for speech-to-text results, which
    /// may arrive after a pause or the end for speech that happened while the session was active.
    /// </summary>
    private async Task<SessionEvent> AppendSegmentAsync(
        string dedupKey, string? clientSegmentId, string text, long startMs, long endMs, string language, string source, bool requireActive)
    {
        if (await _eventLog.FindByDedupKeyAsync(SessionId, dedupKey) is { } existing)
        {
            return existing;
        }

        if (requireActive)
        {
            EnsureActive("receive transcript");
        }

        var segment = new TranscriptSegment(
            clientSegmentId,
            State.Consent.StoreTranscript ? text : null,
            startMs,
            endMs,
            language,
            CountWords(text),
            source);
        _lastActivityAt = _time.GetUtcNow();
        _rollupDue = true;
        var appended = (await AppendAsync([(segment, dedupKey)]))[0];
        // The text is analysed in memory even when it is not stored; what follows is appended after the segment it cites.
        // Words the user chose not to have kept are not handed to an outside model either.
        var refine = _refinement.Enabled && State.Consent.Analysis && State.Consent.StoreTranscript;
        var findings = _analysis.OnTranscript(appended.Seq, text, language, State.Scope, appended.At, refine);
        var found = await AppendAsync(Unkeyed(findings));
        await OnUserTurnAsync(appended, found, text);
        await RequestRefinementsAsync();
        return appended;
    }

    /// <summary>The owner's preferences; null for an owner without an account (then every analysis runs, in the segment's language).</summary>
    private async Task<UserPreferences?> PreferencesAsync(string ownerId)
    {
        try
        {
            return await GrainFactory.GetGrain<IUserGrain>(ownerId).GetPreferencesAsync();
        }
        catch (UserNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Queues what the analysis asked the LLM for; one the queue cannot take falls back to the local result at once.</summary>
    private async Task RequestRefinementsAsync()
    {
        foreach (var request in _analysis.TakeRefinementRequests())
        {
            var job = new RefinementJob(SessionId, State.OwnerId, request.Kind, request.SegmentSeq, request.SegmentSeq, request.Messages);
            if (!_refinement.TryEnqueue(job))
            {
                await AppendAsync(Unkeyed(_analysis.ApplyRefinement(new RefinementResult(request.Kind, request.SegmentSeq, request.SegmentSeq, Text: null), _time.GetUtcNow())));
            }
        }
    }

    /// <summary>
    /// Runs while the session is active with analysis consent: its ticks come on the silo's clock, and what is due is
    /// decided on the domain clock.
    /// </summary>
    private void UpdateAnalysisTimer()
    {
        var wanted = _lastSeq > 0 && State.Status == SessionStatus.Active && State.Consent.Analysis;
        if (wanted && _analysisTimer is null)
        {
            _analysisTimer = this.RegisterGrainTimer(OnAnalysisTickAsync, new GrainTimerCreationOptions(_options.AnalysisTick, _options.AnalysisTick));
        }
        else if (!wanted && _analysisTimer is not null)
        {
            _analysisTimer.Dispose();
            _analysisTimer = null;
        }
    }

    /// <summary>Flushes a throttled emotion update, delivers an intervention whose refinement is overdue, and rolls up.</summary>
    private async Task OnAnalysisTickAsync(CancellationToken cancellationToken)
    {
        if (State.Status != SessionStatus.Active)
        {
            return;
        }

        var now = _time.GetUtcNow();
        await AppendAsync(Unkeyed(_analysis.OnTick(now, _refinementDeadline)));
        if (_rollupDue && now - _lastRollupAt >= _options.AnalysisResultInterval)
        {
            var aggregates = State.Aggregates;
            _rollupDue = false;
            _lastRollupAt = now;
            await AppendAsync([(new AnalysisResult(
                aggregates.LatestEmotion?.Label, _analysis.SpeechRatio, aggregates.UtteranceCount,
                new Dictionary<string, int>(aggregates.DistortionCounts), aggregates.RiskLevel), null)]);
        }
    }

    private static List<(SessionEventData Data, string? DedupKey)> Unkeyed(IEnumerable<SessionEventData> items) =>
        items.Select(data => (data, (string?)null)).ToList();

    /// <summary>
    /// Raw audio does not outlive the session: utterances still waiting for speech-to-text are dropped with their
    /// temp files, and recorded as such. One already being transcribed finishes and is still appended.
    /// </summary>
    private async Task DiscardUtteranceAudioAsync()
    {
        var dropped = _transcription.DiscardSession(SessionId);
        await AppendAsync(Unkeyed(dropped.Select(job => new ProcessingIssue(
            ProcessingIssueKinds.UtteranceDropped, "The session ended before this utterance was transcribed.", job.StartMs, job.EndMs))));
    }

    private async Task RecordStatusChangeAsync(StatusChanged change) => await AppendAsync([(change, null)]);

    /// <summary>
    /// Log first, then state, then observers: nothing is pushed or acknowledged before it is durable. Analysis events
    /// are dropped here when the session's consent withholds analysis, whoever produced them.
    /// </summary>
    private async Task<IReadOnlyList<SessionEvent>> AppendAsync(
        IReadOnlyList<(SessionEventData Data, string? DedupKey)> items, DateTimeOffset? at = null)
    {
        var now = at ?? LogTime();
        var events = new List<(SessionEvent Event, string? DedupKey)>(items.Count);
        foreach (var (data, dedupKey) in items)
        {
            if (data.IsAnalysis && !State.Consent.Analysis)
            {
                continue;
            }

            events.Add((new SessionEvent(SessionId, _lastSeq + events.Count + 1, now, data), dedupKey));
        }

        if (events.Count == 0)
        {
            return [];
        }

        await _eventLog.AppendAsync(events);
        _lastSeq = events[^1].Event.Seq;
        var statusChanged = false;
        foreach (var (sessionEvent, _) in events)
        {
            State.Apply(sessionEvent);
            statusChanged |= sessionEvent.Data is StatusChanged;
        }

        _tally.Set(State.Status);

        if (statusChanged || _lastSeq - _persistedSeq >= StateWriteInterval)
        {
            await _state.WriteStateAsync();
            _persistedSeq = _lastSeq;
        }

        foreach (var (sessionEvent, _) in events)
        {
            await _observers.Notify(observer => observer.OnEventAsync(sessionEvent));
        }

        await SignalCounselorAsync(events.Select(e => e.Event));

        return events.Select(e => e.Event).ToList();
    }

    private async Task CatchUpStateAsync(CancellationToken cancellationToken)
    {
        var after = State.AppliedSeq;
        while (after < _lastSeq)
        {
            var page = await _eventLog.ReadAfterAsync(SessionId, after, SessionEventReading.MaxPageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var sessionEvent in page)
            {
                State.Apply(sessionEvent);
            }

            after = page[^1].Seq;
        }

        await _state.WriteStateAsync(cancellationToken);
    }

    private async Task UnregisterIdleReminderAsync()
    {
        if (await this.GetReminder(IdleReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void EnsureOwner(string callerId)
    {
        if (_lastSeq == 0 || !string.Equals(State.OwnerId, callerId, StringComparison.Ordinal))
        {
            throw new SessionNotFoundException();
        }
    }

    private void EnsureActive(string action)
    {
        if (State.Status != SessionStatus.Active)
        {
            throw new InvalidSessionStateException($"A session that is {State.Status.ToString().ToLowerInvariant()} cannot {action}.");
        }
    }

    /// <summary>Now, as the log keeps it (milliseconds): a live event carries the same instant a later read returns.</summary>
    private DateTimeOffset LogTime() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());

    private static string TranscriptDedupKey(string clientSegmentId) => $"transcript:{clientSegmentId}";

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;

    private SessionSnapshot Snapshot()
    {
        var now = _time.GetUtcNow();
        return new SessionSnapshot(
            SessionId,
            State.Status,
            State.Title,
            State.StartedAt,
            State.EndedAt,
            State.ActiveMsAt(now),
            State.PausedMsAt(now),
            _lastSeq,
            State.Consent,
            State.Aggregates.LatestEmotion,
            State.Aggregates.ToMetrics(),
            State.CounselorMode);
    }
}
