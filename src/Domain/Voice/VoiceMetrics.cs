namespace BeMore.Domain.Voice;

/// <summary>
/// Accumulates voice metrics for one session from utterance transitions (server VAD or client frames through
/// <see cref="ClientVadSegmenter"/>) and transcript word counts: session totals, a sliding window and a bounded
/// timeline. Memory does not grow with session length. Times are audio milliseconds from stream start.
/// Not thread-safe: one instance per session, driven by its single writer.
/// </summary>
public sealed class VoiceMetrics
{
    private readonly VoiceMetricsOptions _options;
    private readonly Queue<Utterance> _windowUtterances = new();
    private readonly Queue<TimeRange> _windowPauses = new();
    private readonly Queue<WordRange> _windowWords = new();
    private readonly TimelineBucket[] _buckets;
    private long _bucketMs;

    private long? _openStartMs;
    private long? _lastEndMs;
    private int _utteranceCount;
    private long _utteranceMsTotal;
    private int _pauseCount;
    private long _pauseMsTotal;
    private long _longestPauseMs;
    private int _levelCount;
    private double _levelMean;
    private double _levelSquaredDeviations;
    private long _words;
    private long _wordMs;

    public VoiceMetrics(VoiceMetricsOptions? options = null)
    {
        _options = options ?? new VoiceMetricsOptions();
        _options.Validate();
        _buckets = new TimelineBucket[_options.MaxTimelinePoints];
        _bucketMs = _options.TimelineBucketMs;
    }

    /// <summary>Audio time observed so far: the end of the span the snapshots describe.</summary>
    public long NowMs { get; private set; }

    /// <summary>Applies an utterance start or stop.</summary>
    public void Observe(VoiceActivityTransition transition)
    {
        AdvanceTo(transition.AtMs);
        if (transition.IsStart)
        {
            if (_lastEndMs is { } lastEnd)
            {
                AddPause(lastEnd, Math.Max(lastEnd, transition.StartMs));
            }

            _openStartMs = transition.StartMs;
            return;
        }

        var start = transition.StartMs;
        var end = Math.Max(start, transition.EndMs ?? transition.AtMs);
        AddUtterance(new Utterance(start, end, transition.LevelDb));
        _lastEndMs = end;
        _openStartMs = null;
    }

    /// <summary>Moves observed time forward (audio processed, client frames received); never backwards.</summary>
    public void AdvanceTo(long audioMs)
    {
        if (audioMs <= NowMs)
        {
            return;
        }

        NowMs = audioMs;
        EnsureBucket(audioMs - 1);
        PruneWindow();
    }

    /// <summary>Adds transcript words spoken over [<paramref name="startMs"/>, <paramref name="endMs"/>).</summary>
    public void AddWords(long startMs, long endMs, int wordCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(endMs, startMs);
        ArgumentOutOfRangeException.ThrowIfNegative(wordCount);

        _words += wordCount;
        _wordMs += endMs - startMs;
        Enqueue(_windowWords, new WordRange(new TimeRange(startMs, endMs), wordCount));

        // Words for audio not observed yet (a client clock ahead of ours) go to the latest point, so one bogus
        // timestamp cannot stretch the timeline.
        ref var bucket = ref BucketAt(Math.Min(startMs, NowMs));
        bucket.Words += wordCount;
    }

    /// <summary>Metrics over the whole session so far, with the report timeline.</summary>
    public VoiceMetricsSnapshot Snapshot()
    {
        var observedMs = NowMs;
        var speechMs = _utteranceMsTotal + OpenOverlap(0, NowMs);
        return new VoiceMetricsSnapshot(
            FromMs: 0,
            ToMs: NowMs,
            SpeechRatio: Ratio(speechMs, observedMs),
            UtteranceCount: _utteranceCount,
            AvgUtteranceMs: Mean(_utteranceMsTotal, _utteranceCount),
            AvgPauseMs: Mean(_pauseMsTotal, _pauseCount),
            LongestPauseMs: _longestPauseMs,
            UtterancesPerMinute: PerMinute(_utteranceCount, observedMs),
            SpeechRateWpm: WordsPerMinute(_words, _wordMs),
            EnergyVariabilityDb: _levelCount >= 2 ? Math.Sqrt(_levelSquaredDeviations / _levelCount) : null,
            Timeline: Timeline());
    }

    /// <summary>Metrics over the last <see cref="VoiceMetricsOptions.WindowMs"/> (live rollups).</summary>
    public VoiceMetricsSnapshot WindowSnapshot()
    {
        var from = Math.Max(0, NowMs - _options.WindowMs);
        long speechMs = OpenOverlap(from, NowMs);
        long utteranceMs = 0;
        double levelSum = 0;
        foreach (var utterance in _windowUtterances)
        {
            speechMs += Overlap(utterance.Range, from, NowMs);
            utteranceMs += utterance.Range.Length;
            levelSum += utterance.LevelDb;
        }

        var count = _windowUtterances.Count;
        double? variability = null;
        if (count >= 2)
        {
            var mean = levelSum / count;
            variability = Math.Sqrt(_windowUtterances.Sum(u => (u.LevelDb - mean) * (u.LevelDb - mean)) / count);
        }

        return new VoiceMetricsSnapshot(
            FromMs: from,
            ToMs: NowMs,
            SpeechRatio: Ratio(speechMs, NowMs - from),
            UtteranceCount: count,
            AvgUtteranceMs: Mean(utteranceMs, count),
            AvgPauseMs: Mean(_windowPauses.Sum(p => p.Length), _windowPauses.Count),
            LongestPauseMs: _windowPauses.Count > 0 ? _windowPauses.Max(p => p.Length) : 0,
            UtterancesPerMinute: PerMinute(count, NowMs - from),
            SpeechRateWpm: WordsPerMinute(_windowWords.Sum(w => (long)w.Words), _windowWords.Sum(w => w.Range.Length)),
            EnergyVariabilityDb: variability,
            Timeline: []);
    }

    private void AddUtterance(Utterance utterance)
    {
        _utteranceCount++;
        _utteranceMsTotal += utterance.Range.Length;
        Enqueue(_windowUtterances, utterance);

        // Welford's update: a numerically stable running variance without keeping the levels.
        _levelCount++;
        var delta = utterance.LevelDb - _levelMean;
        _levelMean += delta / _levelCount;
        _levelSquaredDeviations += delta * (utterance.LevelDb - _levelMean);

        ref var first = ref BucketAt(utterance.Range.StartMs);
        first.Utterances++;
        first.LevelSum += utterance.LevelDb;
        if (utterance.Range.Length > 0)
        {
            EnsureBucket(utterance.Range.EndMs - 1);
            for (var index = utterance.Range.StartMs / _bucketMs; index * _bucketMs < utterance.Range.EndMs; index++)
            {
                _buckets[index].SpeechMs += Overlap(utterance.Range, index * _bucketMs, (index + 1) * _bucketMs);
            }
        }
    }

    private void AddPause(long startMs, long endMs)
    {
        var pause = new TimeRange(startMs, endMs);
        _pauseCount++;
        _pauseMsTotal += pause.Length;
        _longestPauseMs = Math.Max(_longestPauseMs, pause.Length);
        Enqueue(_windowPauses, pause);
    }

    private List<VoiceTimelinePoint> Timeline()
    {
        var count = NowMs == 0 ? 0 : (int)((NowMs - 1) / _bucketMs) + 1;
        var points = new List<VoiceTimelinePoint>(count);
        for (var index = 0; index < count; index++)
        {
            var start = index * _bucketMs;
            var end = Math.Min(start + _bucketMs, NowMs);
            var bucket = _buckets[index];
            points.Add(new VoiceTimelinePoint(
                start,
                end,
                Ratio(bucket.SpeechMs + OpenOverlap(start, end), end - start),
                bucket.Utterances,
                bucket.Words,
                bucket.Utterances > 0 ? bucket.LevelSum / bucket.Utterances : null));
        }

        return points;
    }

    private ref TimelineBucket BucketAt(long ms)
    {
        EnsureBucket(ms);
        return ref _buckets[ms / _bucketMs];
    }

    /// <summary>Makes <paramref name="ms"/> fall inside the timeline, merging neighbouring buckets as needed.</summary>
    private void EnsureBucket(long ms)
    {
        while (ms / _bucketMs >= _buckets.Length)
        {
            for (var i = 0; i < _buckets.Length / 2; i++)
            {
                _buckets[i] = TimelineBucket.Merge(_buckets[2 * i], _buckets[(2 * i) + 1]);
            }

            Array.Clear(_buckets, _buckets.Length / 2, _buckets.Length / 2);
            _bucketMs *= 2;
        }
    }

    private void PruneWindow()
    {
        var from = NowMs - _options.WindowMs;
        while (_windowUtterances.TryPeek(out var utterance) && utterance.Range.EndMs <= from)
        {
            _windowUtterances.Dequeue();
        }

        while (_windowPauses.TryPeek(out var pause) && pause.EndMs <= from)
        {
            _windowPauses.Dequeue();
        }

        while (_windowWords.TryPeek(out var words) && words.Range.EndMs <= from)
        {
            _windowWords.Dequeue();
        }
    }

    private void Enqueue<T>(Queue<T> queue, T entry)
    {
        if (queue.Count >= _options.MaxWindowEntries)
        {
            queue.Dequeue();
        }

        queue.Enqueue(entry);
    }

    private long OpenOverlap(long from, long to) =>
        _openStartMs is { } start ? Overlap(new TimeRange(start, NowMs), from, to) : 0;

    private static long Overlap(TimeRange range, long from, long to) =>
        Math.Max(0, Math.Min(range.EndMs, to) - Math.Max(range.StartMs, from));

    // Overlapping client utterances could sum past the span; the ratio is a share of time, so it is clamped.
    private static double Ratio(long part, long whole) => whole > 0 ? Math.Clamp(part / (double)whole, 0, 1) : 0;

    private static long Mean(long total, int count) => count > 0 ? (long)Math.Round(total / (double)count) : 0;

    private static double PerMinute(int count, long spanMs) => spanMs > 0 ? count * 60_000.0 / spanMs : 0;

    private static double? WordsPerMinute(long words, long spokenMs) =>
        words > 0 && spokenMs > 0 ? words * 60_000.0 / spokenMs : null;

    private readonly record struct TimeRange(long StartMs, long EndMs)
    {
        public long Length => EndMs - StartMs;
    }

    private readonly record struct Utterance(TimeRange Range, double LevelDb)
    {
        public Utterance(long startMs, long endMs, double levelDb)
            : this(new TimeRange(startMs, endMs), levelDb)
        {
        }
    }

    private readonly record struct WordRange(TimeRange Range, int Words);

    private struct TimelineBucket
    {
        public long SpeechMs;
        public int Utterances;
        public int Words;
        public double LevelSum;

        public static TimelineBucket Merge(TimelineBucket first, TimelineBucket second) => new()
        {
            SpeechMs = first.SpeechMs + second.SpeechMs,
            Utterances = first.Utterances + second.Utterances,
            Words = first.Words + second.Words,
            LevelSum = first.LevelSum + second.LevelSum,
        };
    }
}
