using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// What a <see cref="LinearTextModel"/> is made of, and its file: the training tool reads these out of ML.NET's trained
/// model once and writes them beside it, so a node loads arrays instead of deserializing ML.NET's model and naming its
/// slots (most of a node's model loading before). The file is Brotli-compressed: a signature and version, the n-gram
/// lengths it was featurized with, then each part with its length, integers and floats little-endian.
/// </summary>
/// <param name="Classes">The class names, in the order of the probabilities.</param>
/// <param name="Normalizer">What the text normalizer makes of each UTF-16 unit (65,536 entries), or <see cref="LinearTextModel.Removed"/>.</param>
/// <param name="CharGrams">The character n-grams packed as <see cref="LinearTextModel"/> packs them, slots 0 on.</param>
/// <param name="Words">The words; a word's id is its index.</param>
/// <param name="WordGrams">The word n-grams packed from word ids, slots after the character n-grams.</param>
/// <param name="Weights">Feature-major: the weights of feature f for every class start at f * classes.</param>
/// <param name="Biases">One per class.</param>
internal sealed record LinearTextModelFile(
    string[] Classes, int[] Normalizer, ulong[] CharGrams, string[] Words, ulong[] WordGrams, float[] Weights, float[] Biases)
{
    private const string Signature = "BeMore.LinearTextModel";
    private const int Version = 1;

    /// <exception cref="InvalidDataException">The stream is not such a file, another version, or cut short.</exception>
    public static LinearTextModelFile Read(Stream stream)
    {
        using var reader = new BinaryReader(new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Signature || reader.ReadInt32() != Version)
            {
                throw new InvalidDataException($"Not a version {Version} linear text model file.");
            }

            if (reader.ReadInt32() != LinearTextModel.CharGramLength || reader.ReadInt32() != LinearTextModel.WordGramLength)
            {
                throw new InvalidDataException("The model was featurized with other n-gram lengths than the scorer reads.");
            }

            var file = new LinearTextModelFile(
                Strings(reader), Values<int>(reader), Values<ulong>(reader), Strings(reader), Values<ulong>(reader), Values<float>(reader), Values<float>(reader));
            if (reader.BaseStream.ReadByte() != -1)
            {
                throw new InvalidDataException("The model file goes on after its last part.");
            }

            return file;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The model file is cut short.", e);
        }
        catch (InvalidOperationException e)
        {
            // What the Brotli decoder throws on bytes it cannot read.
            throw new InvalidDataException("The model file is not compressed as a model file is.", e);
        }
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true), Encoding.UTF8);
        writer.Write(Signature);
        writer.Write(Version);
        writer.Write(LinearTextModel.CharGramLength);
        writer.Write(LinearTextModel.WordGramLength);
        Write(writer, Classes);
        Write<int>(writer, Normalizer);
        Write<ulong>(writer, CharGrams);
        Write(writer, Words);
        Write<ulong>(writer, WordGrams);
        Write<float>(writer, Weights);
        Write<float>(writer, Biases);
    }

    private static string[] Strings(BinaryReader reader)
    {
        var strings = new string[Count(reader)];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString();
        }

        return strings;
    }

    private static T[] Values<T>(BinaryReader reader)
        where T : unmanaged
    {
        EnsureLittleEndian();
        var values = new T[Count(reader)];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>A part's length, refused with the file's own error when negative (an array of it would throw an overflow).</summary>
    private static int Count(BinaryReader reader) =>
        reader.ReadInt32() is var count and >= 0 ? count : throw new InvalidDataException("The model file gives a part a negative length.");

    private static void Write(BinaryWriter writer, string[] strings)
    {
        writer.Write(strings.Length);
        foreach (var s in strings)
        {
            writer.Write(s);
        }
    }

    private static void Write<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        EnsureLittleEndian();
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Arrays are written and read as their bytes in memory, which the file says are little-endian.</summary>
    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are written and read on little-endian hosts only.");
        }
    }
}
