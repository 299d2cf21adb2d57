namespace BeMore.Domain.Voice;

public sealed record UtteranceRecorderOptions
{
    /// <summary>
    /// Recent audio kept while nobody is speaking, so an utterance can be recorded from its start although the
    /// detector confirms the start only later (after <see cref="VoiceActivityOptions.MinUtteranceMs"/> of speech).
    /// </summary>
    public int PreRollMs { get; init; } = 2000;

    /// <summary>Longest utterance written; speech-to-text services limit request size, and temp files stay bounded.</summary>
    public int MaxUtteranceMs { get; init; } = 30_000;

    public void Validate()
    {
        if (PreRollMs < 100)
        {
            throw new ArgumentException("UtteranceRecorderOptions.PreRollMs must be at least 100 ms.", nameof(PreRollMs));
        }

        if (MaxUtteranceMs < 100)
        {
            throw new ArgumentException("UtteranceRecorderOptions.MaxUtteranceMs must be at least 100 ms.", nameof(MaxUtteranceMs));
        }
    }
}

/// <summary>An utterance written as a WAV file: its audio time range and size.</summary>
public sealed record RecordedUtterance(long StartMs, long EndMs, long DataBytes)
{
    public long DurationMs => EndMs - StartMs;
}

/// <summary>
/// Cuts utterance audio out of a PCM16 stream into WAV files for speech-to-text, with bounded memory: it keeps only a
/// short pre-roll, and writes an utterance to a caller-owned seekable stream (a temp file) as it arrives.
/// Usage per chunk: <see cref="AppendAsync"/> the chunk, run it through <see cref="VoiceActivityDetector"/>, then
/// <see cref="BeginAsync"/> on SpeechStarted and <see cref="EndAsync"/> on SpeechStopped with the transition's times.
/// Not thread-safe: one instance per audio stream.
/// </summary>
public sealed class UtteranceRecorder
{
    private readonly PcmRingBuffer _recent;
    private readonly long _maxDataBytes;
    private Stream? _destination;
    private long _startByte;
    private long _writtenBytes;

    public UtteranceRecorder(UtteranceRecorderOptions? options = null)
    {
        var validated = options ?? new UtteranceRecorderOptions();
        validated.Validate();
        _recent = new PcmRingBuffer((int)PcmFormat.BytesForMs(validated.PreRollMs));
        _maxDataBytes = PcmFormat.BytesForMs(validated.MaxUtteranceMs);
    }

    public bool IsRecording => _destination is not null;

    /// <summary>Audio time appended so far.</summary>
    public long AudioMs => PcmFormat.MsForBytes(_recent.TotalBytes);

    /// <summary>Adds the next chunk of the stream, writing it to the open utterance (up to the maximum length).</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default)
    {
        _recent.Append(pcm.Span);
        if (_destination is not null)
        {
            await WriteAsync(pcm, cancellationToken);
        }
    }

    /// <summary>
    /// Starts writing an utterance that began at <paramref name="startMs"/> to <paramref name="destination"/>
    /// (seekable and writable; the caller owns and disposes it). Returns the start actually recorded: the pre-roll
    /// limits how far back audio is still held.
    /// </summary>
    public async ValueTask<long> BeginAsync(Stream destination, long startMs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanSeek || !destination.CanWrite)
        {
            throw new ArgumentException("The utterance destination must be seekable and writable.", nameof(destination));
        }

        if (_destination is not null)
        {
            throw new InvalidOperationException("An utterance is already being recorded; end it first.");
        }

        var startByte = Math.Clamp(SampleAligned(PcmFormat.BytesForMs(Math.Max(0, startMs))), _recent.OldestByte, _recent.TotalBytes);
        _destination = destination;
        _startByte = startByte;
        _writtenBytes = 0;
        await destination.WriteAsync(new byte[WavFile.HeaderSize], cancellationToken);
        await WriteAsync(_recent.CopyFrom(startByte), cancellationToken);
        return PcmFormat.MsForBytes(startByte);
    }

    /// <summary>
    /// Ends the open utterance at <paramref name="endMs"/>: audio written past it is cut off and the WAV header is
    /// completed. The stream is left open for the caller.
    /// </summary>
    public async ValueTask<RecordedUtterance> EndAsync(long endMs, CancellationToken cancellationToken = default)
    {
        var destination = _destination ?? throw new InvalidOperationException("No utterance is being recorded.");
        _destination = null;

        var dataBytes = Math.Clamp(SampleAligned(PcmFormat.BytesForMs(endMs)) - _startByte, 0, _writtenBytes);
        destination.SetLength(WavFile.HeaderSize + dataBytes);
        var header = new byte[WavFile.HeaderSize];
        WavFile.WriteHeader(header, (int)dataBytes);
        destination.Position = 0;
        await destination.WriteAsync(header, cancellationToken);
        await destination.FlushAsync(cancellationToken);

        var startMs = PcmFormat.MsForBytes(_startByte);
        return new RecordedUtterance(startMs, startMs + PcmFormat.MsForBytes(dataBytes), dataBytes);
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
    {
        var room = (int)Math.Min(pcm.Length, _maxDataBytes - _writtenBytes);
        if (room <= 0)
        {
            return;
        }

        await _destination!.WriteAsync(pcm[..room], cancellationToken);
        _writtenBytes += room;
    }

    private static long SampleAligned(long bytes) => bytes - (bytes % PcmFormat.BytesPerSample);
}
