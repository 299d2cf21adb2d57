namespace BeMore.Domain.Voice;

/// <summary>The most recent audio of a stream, addressed by absolute byte position, in a fixed-size buffer.</summary>
internal sealed class PcmRingBuffer
{
    private readonly byte[] _buffer;

    public PcmRingBuffer(int capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        _buffer = new byte[capacityBytes];
    }

    /// <summary>Bytes appended since the stream started.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>Absolute position of the oldest byte still held.</summary>
    public long OldestByte => Math.Max(0, TotalBytes - _buffer.Length);

    public void Append(ReadOnlySpan<byte> pcm)
    {
        if (pcm.Length > _buffer.Length)
        {
            TotalBytes += pcm.Length - _buffer.Length;
            pcm = pcm[^_buffer.Length..];
        }

        var offset = (int)(TotalBytes % _buffer.Length);
        var first = Math.Min(pcm.Length, _buffer.Length - offset);
        pcm[..first].CopyTo(_buffer.AsSpan(offset));
        pcm[first..].CopyTo(_buffer);
        TotalBytes += pcm.Length;
    }

    /// <summary>Copies the held bytes from absolute position <paramref name="fromByte"/> (at least <see cref="OldestByte"/>) to the end.</summary>
    public byte[] CopyFrom(long fromByte)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromByte, OldestByte);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromByte, TotalBytes);

        var copy = new byte[TotalBytes - fromByte];
        var offset = (int)(fromByte % _buffer.Length);
        var first = Math.Min(copy.Length, _buffer.Length - offset);
        _buffer.AsSpan(offset, first).CopyTo(copy);
        _buffer.AsSpan(0, copy.Length - first).CopyTo(copy.AsSpan(first));
        return copy;
    }
}
