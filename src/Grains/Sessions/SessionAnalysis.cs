using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Analysis.Llm;
using Microsoft.Extensions.Logging;

namespace BeMore.Grains.Sessions;

/// <summary>A transcript segment as it arrives, whoever produced it; <see cref="DedupKey"/> makes a repeat a no-op.</summary>
internal sealed record SegmentInput(
    string DedupKey, string? ClientSegmentId, string Text, long StartMs, long EndMs, string Language, string Source);

/// <summary>A segment read and numbered, not yet stored: <see cref="Findings"/> cite <see cref="Seq"/>.</summary>
internal sealed record SegmentReading(
    long Seq, DateTimeOffset At, TranscriptSegment Segment, string DedupKey, IReadOnlyList<SessionEventData> Findings);

/// <summary>
/// The session's <see cref="LiveAnalysis"/> wired to its journal and to the LLM: each input's findings are appended,
/// what the analysis asks the LLM for is queued on the <see cref="RefinementWorker"/> (falling back to the local result
/// at once when its queue is full), and each timer tick appends what became due. Knows nothing of Orleans: the grain
/// owns the timer that calls <see cref="OnTickAsync"/> while <see cref="Runs"/>.
/// </summary>
internal sealed partial class SessionAnalysis(
    string sessionId,
    SessionJournal journal,
    CounselingSessionOptions options,
    RefinementWorker refinement,
    TimeProvider time,
    TimeSpan refinementDeadline,
    ILogger logger)
{
    private const string NarrativeDedupKey = "narrative";

    private readonly LiveAnalysis _analysis = new(options);

    /// <summary>Whether the session's timer should tick: it is active and analysis is consented to.</summary>
    public bool Runs => journal.IsStarted && State.Status == SessionStatus.Active && State.Scope.Analysis;

    private CounselingSessionState State => journal.State;

    /// <summary>Rollups are timed from now: the session started, or its activation began.</summary>
    public void Restart() => _analysis.StartRollups(time.GetUtcNow());

    /// <summary>
    /// Reads a transcript segment (its text only where the scope keeps it) and what the text gives rise to, numbered as
    /// the journal's next append: the text is analysed in memory even when it is not stored, and the findings, which
    /// follow the segment, cite its seq. Nothing is stored until <see cref="AppendAsync"/>, which must be the journal's
    /// next append.
    /// </summary>
    public SegmentReading ReadSegment(SegmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = State.Scope;
        var words = input.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var segment = new TranscriptSegment(
            input.ClientSegmentId, scope.StoreText ? input.Text : null, input.StartMs, input.EndMs, input.Language, words, input.Source);
        // A segment is never withheld: it takes the next seq, and its findings cite it.
        var segmentSeq = journal.NextSeq;
        var at = journal.LogTime();
        var refine = refinement.Enabled && scope.OutsideModel;
        var findings = _analysis.OnTranscript(segmentSeq, input.Text, input.Language, scope, at, refine);
        foreach (var unread in _analysis.TakeUnreadParts())
        {
            LogAnalysisIncomplete(sessionId, segmentSeq, unread.Part, unread.Cause);
        }

        return new SegmentReading(segmentSeq, at, segment, input.DedupKey, findings);
    }

    /// <summary>
    /// Appends the segment and its findings in one batch, the segment first; what the analysis asks the LLM for is
    /// queued once they are durable.
    /// </summary>
    public async Task<IReadOnlyList<SessionEvent>> AppendAsync(SegmentReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var batch = new List<(SessionEventData, string?)>(reading.Findings.Count + 1) { (reading.Segment, reading.DedupKey) };
        batch.AddRange(reading.Findings.Select(finding => (finding, (string?)null)));
        var appended = await journal.AppendAsync(batch, reading.At);
        await RequestRefinementsAsync();
        return appended;
    }

    /// <summary>The text emotion the live analysis read from segment <paramref name="segmentSeq"/>, if it read one.</summary>
    public EmotionReading? TextEmotionOf(long segmentSeq) => _analysis.TextEmotionOf(segmentSeq);

    /// <summary>
    /// Stores the voice facts (as the scope allows), reads the utterance's prosody for voice emotion and follows the
    /// user's speech, delivering an intervention held for a pause: one append for all of it.
    /// </summary>
    public async Task OnVoiceActivityAsync(VoiceActivityReport report)
    {
        var now = time.GetUtcNow();
        var produced = new List<SessionEventData>();
        if (State.Scope.Voice)
        {
            produced.AddRange(InOrder(report));
            if (report.Prosody is { } prosody)
            {
                _analysis.OnProsody(prosody);
            }
        }

        // Followed even when voice analysis is not in scope: interventions still wait for the user's pause.
        produced.AddRange(_analysis.OnVoiceActivity(report.Updates, now));
        if (_analysis.TakeEmotionUpdate(now) is { } emotion)
        {
            produced.Add(emotion);
        }

        await journal.AppendAsync(produced);
    }

    /// <summary>Feeds face frames when the session's scope allows face emotion; false when they were not taken.</summary>
    public async Task<bool> OnFaceFramesAsync(IReadOnlyList<LandmarkFrame> frames)
    {
        if (!State.Scope.FaceEmotion)
        {
            return false;
        }

        _analysis.OnFaceFrames(frames);
        await AppendEmotionUpdateAsync();
        return true;
    }

    /// <summary>
    /// An LLM answer. The narrative is stored once: every later report reads it instead of asking the LLM again. A live
    /// refinement only matters while the session runs; afterwards the local results stand.
    /// </summary>
    public async Task OnRefinementAsync(RefinementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Kind == RefinementKind.Narrative)
        {
            if (result.Text is { } text && await journal.FindAsync(NarrativeDedupKey) is null)
            {
                await journal.AppendAsync(new NarrativeSummaryWritten(text, result.ThroughSeq), NarrativeDedupKey);
            }
        }
        else if (State.Status == SessionStatus.Active)
        {
            await journal.AppendAsync(_analysis.ApplyRefinement(result, time.GetUtcNow()));
        }
    }

    /// <summary>Flushes a throttled emotion update, delivers an intervention whose refinement is overdue, and rolls up.</summary>
    public async Task OnTickAsync()
    {
        if (State.Status != SessionStatus.Active)
        {
            return;
        }

        var now = time.GetUtcNow();
        await journal.AppendAsync(_analysis.OnTick(now, refinementDeadline));
        if (_analysis.TakeRollup(now, State.Aggregates) is { } rollup)
        {
            await journal.AppendAsync(rollup);
        }
    }

    /// <summary>At the end: the emotion reading the throttle still holds reaches the log, whatever the interval.</summary>
    public async Task FlushAsync(DateTimeOffset now)
    {
        if (_analysis.FlushEmotionUpdate(now) is { } lastEmotion)
        {
            await journal.AppendAsync(lastEmotion);
        }
    }

    /// <summary>
    /// After the end, off the turn: the worker builds the report, asks for its narrative and reports back; on failure
    /// the report composes its own.
    /// </summary>
    public void RequestNarrative()
    {
        if (State.Scope.Analysis)
        {
            refinement.TryEnqueue(new RefinementJob(sessionId, State.OwnerId, RefinementKind.Narrative, 1, journal.LastSeq, Messages: null));
        }
    }

    /// <summary>Each finished utterance right after the speech stop that ended it.</summary>
    private static IEnumerable<SessionEventData> InOrder(VoiceActivityReport report)
    {
        var pending = new Queue<Utterance>(report.Utterances);
        foreach (var update in report.Updates)
        {
            yield return update;
            while (!update.Speaking && pending.TryPeek(out var utterance) && utterance.EndMs <= update.AtMs)
            {
                yield return pending.Dequeue();
            }
        }

        foreach (var utterance in pending)
        {
            yield return utterance;
        }
    }

    private async Task AppendEmotionUpdateAsync()
    {
        if (_analysis.TakeEmotionUpdate(time.GetUtcNow()) is { } update)
        {
            await journal.AppendAsync(update);
        }
    }

    /// <summary>Queues what the analysis asked the LLM for; one the queue cannot take falls back to the local result at once.</summary>
    private async Task RequestRefinementsAsync()
    {
        foreach (var request in _analysis.TakeRefinementRequests())
        {
            var job = new RefinementJob(sessionId, State.OwnerId, request.Kind, request.SegmentSeq, request.SegmentSeq, request.Messages);
            if (!refinement.TryEnqueue(job))
            {
                var fallback = new RefinementResult(request.Kind, request.SegmentSeq, request.SegmentSeq, Text: null);
                await journal.AppendAsync(_analysis.ApplyRefinement(fallback, time.GetUtcNow()));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: the {Part} analysis of segment {Seq} was skipped ({Cause}); the segment is stored")]
    private partial void LogAnalysisIncomplete(string sessionId, long seq, string part, string cause);
}
