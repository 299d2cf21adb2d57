using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Counseling;

namespace BeMore.Grains.Sessions;

/// <summary>
/// The session grain's side of the conversation: it stores the user's chat messages and the counselor's replies like
/// every other fact, hands live reply pieces to the viewers, and tells the session's <see cref="ICounselorGrain"/> what
/// the conversation depends on (a finished user turn, speech, a pause or end, no viewers left). The conversation's own
/// logic lives in the counselor grain.
/// </summary>
public sealed partial class CounselingSessionGrain
{
    /// <summary>
    /// A turn went to the counselor in this activation, so a reply may be waiting or streaming. Until then a pause, the
    /// end, speech or the last viewer leaving has nothing to stop, and the counselor grain is not woken for it (every
    /// session ends; most never converse). A reply outlives no activation: it is bounded by its total timeout.
    /// </summary>
    private bool _counselorEngaged;

    public Task<SessionEvent> AppendChatMessageAsync(string callerId, TranscriptInput message)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnsureOwner(callerId);
        if (State.CounselorMode == CounselorMode.Off)
        {
            throw new InvalidSessionStateException("The counselor is off for this session.");
        }

        return AppendSegmentAsync(
            new SegmentInput($"chat:{message.ClientSegmentId}", message.ClientSegmentId, message.Text, message.StartMs, message.EndMs,
                message.Language, TranscriptSegment.FromChat),
            requireActive: true);
    }

    public async Task AppendCounselorReplyAsync(string callerId, CounselorReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        EnsureOwner(callerId);
        var dedupKey = ReplyDedupKey(reply.ReplyId);
        if (await _journal.FindAsync(dedupKey) is null)
        {
            await _journal.AppendAsync(reply, dedupKey);
        }
    }

    public Task PublishLiveAsync(SessionLiveMessage message) => _journal.NotifyLiveAsync(message);

    /// <summary>
    /// What the counselor hears of a user turn, read before it is stored: every chat message, and in auto mode every
    /// spoken or typed turn; null when the counselor takes no part. The words go along only when the session keeps its
    /// transcript.
    /// </summary>
    private CounselorTurn? CounselorTurnOf(long seq, TranscriptSegment segment, IReadOnlyList<SessionEventData> caused, string text)
    {
        if (segment.Source != TranscriptSegment.FromChat && State.CounselorMode != CounselorMode.Auto)
        {
            return null;
        }

        _counselorEngaged = true;
        var scope = State.Scope;
        var findings = caused.Where(scope.Permits).ToList();
        var language = TextLanguages.Resolve(segment.Language, text);
        var alert = findings.OfType<RiskAlert>().FirstOrDefault();
        var riskRaised = alert is not null;
        // A turn whose risk could not be read is met as one after an alert (a check-in, no denial believed), not as safe.
        var riskUnread = TextReaders.RiskUnread(caused);
        return new CounselorTurn(
            State.OwnerId,
            seq,
            segment.Source,
            language.ToCode(),
            riskRaised,
            // The live analysis already read the turn (as the scope allows): the counselor hears that reading, not a second one.
            LocalReplyComposer.HeardEmotion(_analysis.TextEmotionOf(seq)),
            findings.OfType<DistortionDetected>().OrderByDescending(d => d.Confidence).FirstOrDefault()?.DistortionType,
            findings.OfType<CbtIntervention>().FirstOrDefault(i => i.Kind == "question")?.Text,
            State.Consent.StoreTranscript ? text : null,
            _options.CrisisLineIn(language.ToCode()),
            riskRaised || riskUnread || State.Aggregates.RiskLevel != RiskLevels.None,
            !riskRaised && !riskUnread && DeniesRisk(text, language),
            ConversationMoves.Read(text, language, riskRaised),
            alert?.Severity,
            alert?.Level);
    }

    /// <summary>Whether the turn denies risk; a check that timed out even on its retry, or failed, counts as no denial.</summary>
    private static bool DeniesRisk(string text, TextLanguage language)
    {
        try
        {
            return RiskDetector.DeniesRisk(text, language);
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// A chat message sent again that was stored but never answered (its commit's acknowledgement was lost, so the first
    /// attempt failed and dropped its reply) is answered now, from what the analysis stored with it, or refused when the
    /// session is no longer active (as a new message would be), rather than promised a reply that never comes. A message
    /// whose reply is stored, or still streaming (the counselor knows), gets no second one.
    /// </summary>
    private async Task AnswerRepeatedMessageAsync(SessionEvent message, string text)
    {
        if (await _journal.FindAsync(ReplyDedupKey(CounselorGrain.ReplyIdOf(message.Seq))) is not null)
        {
            return;
        }

        SessionLifecycle.EnsureActive(State.Status, "answer a message");

        // What the message caused was appended with it, in one batch stamped with one instant.
        var after = await _journal.ReadAsync(message.Seq, 32);
        var findings = after.TakeWhile(e => e.At == message.At && e.Data is not TranscriptSegment).Select(e => e.Data).ToList();
        if (CounselorTurnOf(message.Seq, (TranscriptSegment)message.Data, findings, text) is { } turn)
        {
            await Counselor.BeginReplyAsync(turn);
        }
    }

    private static string ReplyDedupKey(string replyId) => $"reply:{replyId}";

    /// <summary>
    /// A person who talked with the counselor in a session that raised a risk alert, and ends it without the goodbye that
    /// would have left the crisis line, gets it as the session's last reply: fixed text, never generated, in the language
    /// of the counselor's last reply, in reply to the segment that raised the last alert.
    /// </summary>
    private async Task LeaveSafetyNetAsync()
    {
        var aggregates = State.Aggregates;
        if (State.CounselorMode == CounselorMode.Off || aggregates.LastRiskSegmentSeq == 0 || aggregates.LastReplySeq == 0)
        {
            return;
        }

        // Ending must not depend on the recap: a reply that cannot be read back leaves the session to end without one.
        if (await _journal.ReadAsync(aggregates.LastReplySeq - 1, 1) is not [{ Data: CounselorReply lastReply }])
        {
            return;
        }

        var language = TextLanguages.Resolve(null, lastReply.Text).ToCode();
        var crisisLine = _options.CrisisLineIn(language);
        if (lastReply.Text.Contains(crisisLine, StringComparison.Ordinal))
        {
            return;
        }

        var reply = new CounselorReply(
            $"end{aggregates.LastRiskSegmentSeq}", aggregates.LastRiskSegmentSeq, $"{SafetyTexts.EndingSafetyNet.In(language)} {crisisLine}",
            CounselorReply.FromSafety, Complete: true, Cancelled: false);
        await _journal.AppendAsync(reply, ReplyDedupKey(reply.ReplyId));
    }

    /// <summary>A pause or the end stops replies in progress; in auto mode the user's speech does too.</summary>
    private async Task SignalCounselorAsync(IReadOnlyList<SessionEvent> appended)
    {
        if (!_counselorEngaged)
        {
            return;
        }

        foreach (var sessionEvent in appended)
        {
            var kind = sessionEvent.Data switch
            {
                StatusChanged { To: SessionStatus.Paused or SessionStatus.Ended } => CounselorSignalKind.SessionStopped,
                VadUpdate vad when State.CounselorMode == CounselorMode.Auto =>
                    vad.Speaking ? CounselorSignalKind.UserSpeaking : CounselorSignalKind.UserSilent,
                _ => (CounselorSignalKind?)null,
            };
            if (kind is { } signal)
            {
                await Counselor.OnSignalAsync(new CounselorSignal(signal));
            }
        }
    }

    /// <summary>When the session's last viewer (on any node) has gone, a reply nobody can see is stopped.</summary>
    private async Task OnObserverLeftAsync()
    {
        if (_counselorEngaged && !_journal.HasObservers)
        {
            await Counselor.OnSignalAsync(new CounselorSignal(CounselorSignalKind.NoViewers));
        }
    }

    private ICounselorGrain Counselor => GrainFactory.Reference<ICounselorGrain>(SessionId);
}
