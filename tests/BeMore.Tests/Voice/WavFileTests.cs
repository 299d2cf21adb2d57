using System.Buffers.Binary;
using BeMore.Domain.Voice;

namespace BeMore.Tests.Voice;

public sealed class WavFileTests
{
    private const long Max = 1024 * 1024;

    [Fact]
    public async Task WriteAsync_ThenReadAsync_RoundTripsSamples()
    {
        var pcm = new VoiceTestAudio().Tone(250).ToArray();
        using var file = new MemoryStream();

        await WavFile.WriteAsync(file, pcm);
        file.Position = 0;
        var audio = await WavFile.ReadAsync(new TrickleStream(file.ToArray()), Max);

        Assert.Equal(WavFile.HeaderSize + pcm.Length, file.Length);
        Assert.Equal(pcm, audio.Pcm.ToArray());
        Assert.Equal(250, audio.DurationMs);
    }

    [Fact]
    public void WriteHeader_ForPcm16Mono16k_HasCanonicalFields()
    {
        var header = new byte[WavFile.HeaderSize];

        WavFile.WriteHeader(header, 3200);

        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(header, 0, 4));
        Assert.Equal(36u + 3200, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)));
        Assert.Equal("WAVEfmt ", System.Text.Encoding.ASCII.GetString(header, 8, 8));
        Assert.Equal((1, 1, 16000u, 32000u, 2, 16), (
            BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(20)),
            BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(22)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(28)),
            BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32)),
            BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(34))));
        Assert.Equal("data", System.Text.Encoding.ASCII.GetString(header, 36, 4));
        Assert.Equal(3200u, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40)));
    }

    [Fact]
    public async Task ReadAsync_MetadataChunkWithPadByteBeforeData_SkipsIt()
    {
        var pcm = new VoiceTestAudio().Tone(100).ToArray();
        var wav = Wav(pcm, extraChunk: ("LIST", new byte[5]));

        var audio = await WavFile.ReadAsync(new TrickleStream(wav), Max);

        Assert.Equal(pcm, audio.Pcm.ToArray());
    }

    [Fact]
    public async Task ReadAsync_SoxGeneratedFixture_IsAccepted()
    {
        var fixture = await AudioFixtures.LoadAsync(AudioFixtures.NoiseOnly);

        Assert.Equal(fixture.DurationMs, PcmFormat.MsForBytes(fixture.Pcm.Length));
    }

    public static TheoryData<string, WavFormatError, string> InvalidFiles => new()
    {
        { "not-riff", WavFormatError.NotWave, "RIFF/WAVE" },
        { "short-header", WavFormatError.Truncated, "ends inside its RIFF header" },
        { "stereo", WavFormatError.UnsupportedFormat, "PCM 16-bit mono 16000 Hz is required" },
        { "44100Hz", WavFormatError.UnsupportedFormat, "44100 Hz" },
        { "8-bit", WavFormatError.UnsupportedFormat, "8-bit" },
        { "float", WavFormatError.UnsupportedFormat, "format 3" },
        { "no-data", WavFormatError.MissingData, "no data chunk" },
        { "data-cut-short", WavFormatError.Truncated, "ends inside its audio data" },
        { "half-sample", WavFormatError.Truncated, "inside a sample" },
        { "too-long", WavFormatError.TooLarge, "at most 32000 bytes (1000 ms)" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task ReadAsync_InvalidFile_ThrowsWithClearReason(string kind, WavFormatError expected, string messagePart)
    {
        var valid = Wav(new byte[3200]);
        var file = kind switch
        {
            "not-riff" => "ID3\u0004 not a wav file"u8.ToArray(),
            "short-header" => valid[..10],
            "stereo" => Patch16(valid, 22, 2),
            "44100Hz" => Patch32(valid, 24, 44100),
            "8-bit" => Patch16(valid, 34, 8),
            "float" => Patch16(valid, 20, 3),
            "no-data" => valid[..36],
            "data-cut-short" => valid[..^100],
            "half-sample" => Patch32(valid, 40, 3199),
            "too-long" => Wav(new byte[32_002]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = await Assert.ThrowsAsync<WavFormatException>(() => WavFile.ReadAsync(new TrickleStream(file), maxDataBytes: 32_000));

        Assert.Equal(expected, error.Error);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_HugeMetadataChunk_IsTooLargeWithoutReadingIt()
    {
        var wav = Wav(new byte[320], extraChunk: ("LIST", new byte[WavFile.MaxMetadataBytes + 2]));

        var error = await Assert.ThrowsAsync<WavFormatException>(() => WavFile.ReadAsync(new TrickleStream(wav), Max));

        Assert.Equal(WavFormatError.TooLarge, error.Error);
    }

    private static byte[] Wav(byte[] pcm, (string Id, byte[] Body)? extraChunk = null)
    {
        using var file = new MemoryStream();
        var header = new byte[WavFile.HeaderSize];
        WavFile.WriteHeader(header, pcm.Length);
        file.Write(header, 0, 36);
        if (extraChunk is { } chunk)
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(chunk.Id));
            file.Write(BitConverter.GetBytes((uint)chunk.Body.Length));
            file.Write(chunk.Body);
            if (chunk.Body.Length % 2 == 1)
            {
                file.WriteByte(0);
            }
        }

        file.Write(header, 36, 8);
        file.Write(pcm);
        return file.ToArray();
    }

    private static byte[] Patch16(byte[] wav, int offset, ushort value)
    {
        var copy = wav.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static byte[] Patch32(byte[] wav, int offset, uint value)
    {
        var copy = wav.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    /// <summary>A non-seekable stream that returns at most 7 bytes per read, like a slow upload.</summary>
    private sealed class TrickleStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(Math.Min(buffer.Length, 7), data.Length - _position);
            data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
