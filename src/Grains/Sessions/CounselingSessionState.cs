using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;

namespace BeMore.Grains.Sessions;

/// <summary>
/// The small, bounded part of a session that lives in grain state. Everything that grows (transcript, analysis)
/// is in the event log; <see cref="AppliedSeq"/> says which logged events this state already reflects, so a crash
/// between the log write and the state write is repaired on the next activation.
/// </summary>
[GenerateSerializer, Alias("bemore.CounselingSessionState")]
public sealed class CounselingSessionState
{
    [Id(0)] public string OwnerId { get; set; } = "";
    [Id(1)] public string? Title { get; set; }
    [Id(2)] public SessionConsent Consent { get; set; } = new(Analysis: true, StoreTranscript: true);
    [Id(3)] public SessionStatus Status { get; set; }
    [Id(4)] public DateTimeOffset StartedAt { get; set; }
    [Id(5)] public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When the current status began; the open stretch is added to a duration when the status changes.</summary>
    [Id(6)] public DateTimeOffset StatusSince { get; set; }

    [Id(7)] public long ActiveMs { get; set; }
    [Id(8)] public long PausedMs { get; set; }
    [Id(9)] public long AppliedSeq { get; set; }
    [Id(10)] public SessionAggregates Aggregates { get; set; } = new();

    /// <summary>The owner's preferred language ("ko" or "en") when the session started: interventions are offered in it.</summary>
    [Id(11)] public string? PreferredLanguage { get; set; }

    /// <summary>The owner's analysis opt-ins when the session started (within the session's consent).</summary>
    [Id(12)] public AnalysisOptIns OptIns { get; set; } = AnalysisOptIns.All;

    /// <summary>When the counselor answers, chosen when the session started.</summary>
    [Id(13)] public Abstractions.Counseling.CounselorMode CounselorMode { get; set; }

    /// <summary>What may be produced and kept for this session now: its consent, narrowed by the owner's opt-ins.</summary>
    public AnalysisScope Scope => new(Consent, OptIns, PreferredLanguage);

    /// <summary>What the session started with (see <see cref="SessionOpening"/>).</summary>
    private void Open(SessionOpening opening)
    {
        OwnerId = opening.OwnerId;
        Title = opening.Title;
        Consent = opening.Consent;
        CounselorMode = opening.Counselor;
        PreferredLanguage = opening.Language;
        OptIns = opening.OptIns ?? AnalysisOptIns.All;
    }

    /// <summary>
    /// Follows the owner's changed language and opt-ins from the next input on; an ended session keeps the ones it ran
    /// with. False when nothing changed.
    /// </summary>
    public bool Follow(UserPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (Status == SessionStatus.Ended || (PreferredLanguage == preferences.Language && OptIns == preferences.Analysis))
        {
            return false;
        }

        PreferredLanguage = preferences.Language;
        OptIns = preferences.Analysis;
        return true;
    }

    /// <summary>Folds one logged event into the state: status changes move the lifecycle, the rest update the counts.</summary>
    public void Apply(SessionEvent sessionEvent)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        if (sessionEvent.Data is StatusChanged change)
        {
            Apply(change, sessionEvent.At, sessionEvent.Seq);
        }
        else
        {
            Aggregates.Apply(sessionEvent);
            AppliedSeq = sessionEvent.Seq;
        }
    }

    /// <summary>Applies a status change that happened at <paramref name="at"/>, closing the current stretch.</summary>
    public void Apply(StatusChanged change, DateTimeOffset at, long seq)
    {
        if (change.From is null)
        {
            StartedAt = at;
            if (change.Opening is { } opening)
            {
                Open(opening);
            }
        }
        else
        {
            var stretchMs = Math.Max(0, (long)(at - StatusSince).TotalMilliseconds);
            if (Status == SessionStatus.Active)
            {
                ActiveMs += stretchMs;
            }
            else if (Status == SessionStatus.Paused)
            {
                PausedMs += stretchMs;
            }
        }

        Status = change.To;
        StatusSince = at;
        EndedAt = change.To == SessionStatus.Ended ? at : null;
        AppliedSeq = seq;
    }

    public long ActiveMsAt(DateTimeOffset now) => ActiveMs + OpenStretchMs(SessionStatus.Active, now);

    public long PausedMsAt(DateTimeOffset now) => PausedMs + OpenStretchMs(SessionStatus.Paused, now);

    private long OpenStretchMs(SessionStatus status, DateTimeOffset now) =>
        Status == status ? Math.Max(0, (long)(now - StatusSince).TotalMilliseconds) : 0;
}
