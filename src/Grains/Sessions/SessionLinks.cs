using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;
using BeMore.Grains.Voice.SpeechToText;

namespace BeMore.Grains.Sessions;

/// <summary>
/// What outside the session its lifecycle reaches: the owner's account (preferences) and session index (dashboard outcome),
/// the retention sweep's schedule, and utterance audio still waiting for speech-to-text. (The idle sweep's list of open
/// sessions follows the log: see <see cref="IOpenSessionStore"/>.)
/// </summary>
internal sealed class SessionLinks(
    IGrainBase grain, string sessionId, IGrainFactory grains, IRetentionStore retention, TranscriptionWorker transcription)
{
    /// <summary>The reminder each session kept before the idle sweep; one still registered is retired when it fires.</summary>
    public const string LegacyIdleReminderName = "idle-check";

    /// <summary>
    /// Registers a new session with its owner and returns the owner's preferences (null for an owner without an
    /// account: then every analysis runs, in the segment's language). Done before anything is written: the owner's
    /// session index refuses once erasure has begun, so no session outlives it. Nothing after this calls the owner's
    /// grains, so an erasure waiting for this session cannot deadlock with it.
    /// </summary>
    public async Task<UserPreferences?> JoinOwnerAsync(string ownerId, DateTimeOffset startedAt, string? title)
    {
        UserPreferences? preferences;
        try
        {
            preferences = await grains.Reference<IUserGrain>(ownerId).GetPreferencesAsync();
        }
        catch (UserNotFoundException)
        {
            preferences = null;
        }

        await grains.Reference<IUserSessionsGrain>(ownerId).AddSessionAsync(new SessionIndexEntry(sessionId, startedAt, title));
        return preferences;
    }

    /// <summary>The owner's dashboard keeps the ended session's outcome.</summary>
    public Task RecordOutcomeAsync(string ownerId, SessionOutcome outcome) =>
        grains.Reference<IUserSessionsGrain>(ownerId).RecordSessionOutcomeAsync(outcome);

    public Task ScheduleErasureAsync(string ownerId, DateTimeOffset endedAt) => retention.ScheduleAsync(sessionId, ownerId, endedAt);

    public Task UnscheduleErasureAsync() => retention.RemoveAsync(sessionId);

    /// <summary>
    /// Raw audio does not outlive the session: utterances still waiting for speech-to-text are dropped with their temp
    /// files; returns what to record about them. One already being transcribed finishes and is still appended.
    /// </summary>
    public IReadOnlyList<ProcessingIssue> DiscardAudio() => transcription.DiscardSession(sessionId).Select(job => new ProcessingIssue(
        ProcessingIssueKinds.UtteranceDropped, "The session ended before this utterance was transcribed.", job.StartMs, job.EndMs)).ToList();

    /// <summary>Retires the reminder a session started before the idle sweep still has (persistent reminders outlive upgrades).</summary>
    public async Task RetireLegacyIdleReminderAsync()
    {
        if (await grain.GetReminder(LegacyIdleReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
