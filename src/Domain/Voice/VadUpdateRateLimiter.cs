namespace BeMore.Domain.Voice;

/// <summary>
/// Decides when a <c>vad_update</c> is worth sending: always on a speech start/stop, otherwise at most once per
/// interval (default 500 ms, so at most 2 per second), never per frame. Driven by audio time, so it is deterministic
/// and costs no timers.
/// </summary>
public sealed class VadUpdateRateLimiter
{
    public const int DefaultMinIntervalMs = 500;

    private readonly int _minIntervalMs;
    private long? _lastEmittedMs;

    public VadUpdateRateLimiter(int minIntervalMs = DefaultMinIntervalMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minIntervalMs);
        _minIntervalMs = minIntervalMs;
    }

    /// <summary>
    /// True when an update should be sent at <paramref name="audioMs"/>; a true answer counts as sent.
    /// </summary>
    public bool ShouldEmit(long audioMs, bool isSpeechTransition)
    {
        if (!isSpeechTransition && _lastEmittedMs is { } last && audioMs - last < _minIntervalMs)
        {
            return false;
        }

        _lastEmittedMs = _lastEmittedMs is { } previous ? Math.Max(previous, audioMs) : audioMs;
        return true;
    }
}
