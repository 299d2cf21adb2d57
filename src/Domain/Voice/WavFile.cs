using System.Buffers.Binary;

namespace BeMore.Domain.Voice;

/// <summary>Audio read from a WAV file: PCM16 little-endian 16 kHz mono samples.</summary>
public sealed record WavAudio(ReadOnlyMemory<byte> Pcm)
{
    public long DurationMs => PcmFormat.MsForBytes(Pcm.Length);
}

/// <summary>
/// Writes and reads the WAV files the voice pipeline exchanges: RIFF/WAVE, PCM 16-bit, mono, 16 kHz. Writing is what
/// speech-to-text providers receive for an utterance; reading validates uploads strictly and reads sequentially, so
/// it works on non-seekable request streams.
/// </summary>
public static class WavFile
{
    public const int HeaderSize = 44;

    /// <summary>Room for chunks other than <c>data</c> (LIST metadata and the like) before a file counts as too large.</summary>
    public const int MaxMetadataBytes = 64 * 1024;

    private const ushort FormatPcm = 1;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Writes the 44-byte header of a PCM16 mono 16 kHz file holding <paramref name="dataBytes"/> of audio.</summary>
    public static void WriteHeader(Span<byte> destination, int dataBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HeaderSize, nameof(destination));
        ArgumentOutOfRangeException.ThrowIfNegative(dataBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dataBytes, int.MaxValue - HeaderSize);

        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)(HeaderSize - 8 + dataBytes));
        "WAVE"u8.CopyTo(destination[8..]);
        "fmt "u8.CopyTo(destination[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], FormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], PcmFormat.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], PcmFormat.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], PcmFormat.BytesPerSecond);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[32..], PcmFormat.Channels * PcmFormat.BytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[34..], PcmFormat.BitsPerSample);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[40..], (uint)dataBytes);
    }

    /// <summary>Writes <paramref name="pcm"/> (PCM16 mono 16 kHz) as a complete WAV file.</summary>
    public static async Task WriteAsync(Stream destination, ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (pcm.Length % PcmFormat.BytesPerSample != 0)
        {
            throw new ArgumentException("PCM16 audio must be a whole number of 2-byte samples.", nameof(pcm));
        }

        var header = new byte[HeaderSize];
        WriteHeader(header, pcm.Length);
        await destination.WriteAsync(header, cancellationToken);
        await destination.WriteAsync(pcm, cancellationToken);
    }

    /// <summary>
    /// Reads and validates a WAV file, returning its samples. Throws <see cref="WavFormatException"/> saying what is
    /// wrong: not RIFF/WAVE, truncated, not PCM16 mono 16 kHz, no data, or more than <paramref name="maxDataBytes"/>
    /// of audio.
    /// </summary>
    public static async Task<WavAudio> ReadAsync(Stream source, long maxDataBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDataBytes);

        var header = new byte[12];
        await ReadExactlyAsync(source, header, "RIFF header", cancellationToken);
        if (!header.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !header.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException(WavFormatError.NotWave, "Not a WAV file: it does not start with a RIFF/WAVE header.");
        }

        var formatSeen = false;
        long metadataBytes = 0;
        var chunkHeader = new byte[8];
        while (true)
        {
            if (!await TryReadChunkHeaderAsync(source, chunkHeader, cancellationToken))
            {
                throw new WavFormatException(WavFormatError.MissingData, "The WAV file has no data chunk.");
            }

            var id = System.Text.Encoding.ASCII.GetString(chunkHeader, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader.AsSpan(4));
            if (id == "data")
            {
                if (!formatSeen)
                {
                    throw new WavFormatException(WavFormatError.UnsupportedFormat, "The WAV data chunk comes before its fmt chunk.");
                }

                return new WavAudio(await ReadDataAsync(source, size, maxDataBytes, cancellationToken));
            }

            metadataBytes += size;
            if (metadataBytes > MaxMetadataBytes)
            {
                throw new WavFormatException(WavFormatError.TooLarge, $"The WAV file has more than {MaxMetadataBytes} bytes of chunks besides its audio.");
            }

            // RIFF chunks are word-aligned: an odd-sized chunk is followed by a pad byte.
            var chunk = new byte[size + (size & 1)];
            await ReadExactlyAsync(source, chunk, $"'{id}' chunk", cancellationToken);
            if (id == "fmt ")
            {
                ValidateFormat(chunk.AsSpan(0, (int)size));
                formatSeen = true;
            }
        }
    }

    private static void ValidateFormat(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 16)
        {
            throw new WavFormatException(WavFormatError.Truncated, "The WAV fmt chunk is shorter than 16 bytes.");
        }

        var format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        // WAVE_FORMAT_EXTENSIBLE carries the real format in the first two bytes of its sub-format GUID.
        if (format == FormatExtensible && fmt.Length >= 26)
        {
            format = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (format != FormatPcm || bitsPerSample != PcmFormat.BitsPerSample || channels != PcmFormat.Channels ||
            sampleRate != PcmFormat.SampleRate || blockAlign != PcmFormat.BytesPerSample)
        {
            throw new WavFormatException(
                WavFormatError.UnsupportedFormat,
                $"Unsupported WAV format (format {format}, {bitsPerSample}-bit, {channels} channel(s), {sampleRate} Hz): " +
                "PCM 16-bit mono 16000 Hz is required.");
        }
    }

    private static async Task<byte[]> ReadDataAsync(Stream source, uint size, long maxDataBytes, CancellationToken cancellationToken)
    {
        if (size > maxDataBytes)
        {
            throw new WavFormatException(
                WavFormatError.TooLarge,
                $"The WAV audio is {size} bytes; at most {maxDataBytes} bytes ({PcmFormat.MsForBytes(maxDataBytes)} ms) are accepted.");
        }

        if (size % PcmFormat.BytesPerSample != 0)
        {
            throw new WavFormatException(WavFormatError.Truncated, "The WAV data chunk ends inside a sample.");
        }

        var data = new byte[size];
        await ReadExactlyAsync(source, data, "audio data", cancellationToken);
        return data;
    }

    private static async Task<bool> TryReadChunkHeaderAsync(Stream source, byte[] chunkHeader, CancellationToken cancellationToken)
    {
        var read = await source.ReadAtLeastAsync(chunkHeader, chunkHeader.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return false;
        }

        if (read < chunkHeader.Length)
        {
            throw new WavFormatException(WavFormatError.Truncated, "The WAV file ends inside a chunk header.");
        }

        return true;
    }

    private static async Task ReadExactlyAsync(Stream source, byte[] buffer, string what, CancellationToken cancellationToken)
    {
        try
        {
            await source.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException ex)
        {
            throw new WavFormatException(WavFormatError.Truncated, $"The WAV file ends inside its {what}.", ex);
        }
    }
}
