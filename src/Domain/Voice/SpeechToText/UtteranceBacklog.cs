using BeMore.Grains.Abstractions.Telemetry;

namespace BeMore.Domain.Voice.SpeechToText;

/// <summary>An utterance recorded to <see cref="FilePath"/>, waiting for speech-to-text.</summary>
/// <param name="StreamId">The audio stream it was cut from: each stream's timeline restarts at 0 ms.</param>
public sealed record UtteranceJob(string SessionId, string CallerId, string StreamId, string FilePath, long StartMs, long EndMs)
{
    /// <summary>Identifies the utterance across retries, so its transcript is appended once.</summary>
    public string UtteranceId => $"{StreamId}:{StartMs}-{EndMs}";
}

/// <summary>
/// Per-session queues of utterances waiting for speech-to-text, bounded per session (the oldest is dropped when a
/// session's queue is full) and handed out one session at a time so each session's transcripts stay in order.
/// Thread-safe.
/// </summary>
public sealed class UtteranceBacklog(int maxQueuedPerSession)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SessionQueue> _sessions = new(StringComparer.Ordinal);

    /// <summary>
    /// Queues <paramref name="job"/>. Returns the job dropped to make room (or null), and whether the session just
    /// became ready: then the caller must schedule it, and later <see cref="TryTakeNext"/> until it answers false.
    /// </summary>
    public (UtteranceJob? Dropped, bool BecameReady) Enqueue(UtteranceJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_lock)
        {
            if (!_sessions.TryGetValue(job.SessionId, out var queue))
            {
                queue = new SessionQueue();
                _sessions[job.SessionId] = queue;
            }

            var dropped = queue.Pending.Count >= maxQueuedPerSession ? queue.Pending.Dequeue() : null;
            queue.Pending.Enqueue(job);
            if (dropped is null)
            {
                BeMoreTelemetry.SttQueueDepth.Add(1);
            }

            var becameReady = !queue.Scheduled;
            queue.Scheduled = true;
            return (dropped, becameReady);
        }
    }

    /// <summary>
    /// The session's next job, or false when its queue is empty: the session is then unscheduled, and the next
    /// <see cref="Enqueue"/> reports it ready again.
    /// </summary>
    public bool TryTakeNext(string sessionId, out UtteranceJob? job)
    {
        lock (_lock)
        {
            if (_sessions.TryGetValue(sessionId, out var queue) && queue.Pending.TryDequeue(out job))
            {
                BeMoreTelemetry.SttQueueDepth.Add(-1);
                return true;
            }

            _sessions.Remove(sessionId);
            job = null;
            return false;
        }
    }

    /// <summary>Removes the session's waiting jobs (the session ended) and returns them; a job being transcribed finishes.</summary>
    public IReadOnlyList<UtteranceJob> Discard(string sessionId)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(sessionId, out var queue))
            {
                return [];
            }

            var discarded = queue.Pending.ToList();
            queue.Pending.Clear();
            BeMoreTelemetry.SttQueueDepth.Add(-discarded.Count);
            return discarded;
        }
    }

    public int PendingCount(string sessionId)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(sessionId, out var queue) ? queue.Pending.Count : 0;
        }
    }

    private sealed class SessionQueue
    {
        public Queue<UtteranceJob> Pending { get; } = new();

        /// <summary>Waiting to be served or being served by a worker; only that worker takes its jobs.</summary>
        public bool Scheduled { get; set; }
    }
}
