using System.Buffers;
using System.Numerics;

namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// A trained text model's arithmetic: the featurizer's vocabulary, the maximum-entropy weights and the text normalizer as
/// a table over every UTF-16 unit, read from the compact file (<see cref="LinearTextModelFile"/>) the training tool
/// writes from ML.NET's model. ML.NET trains the models and is the reference this must agree with (a test compares both
/// on every corpus line); a node reads only the compact file, so it neither deserializes ML.NET's model nor runs its
/// row pipeline, which cost two to three times the arithmetic per sentence.
/// </summary>
internal sealed class LinearTextModel
{
    /// <summary>The featurizer's longest character n-gram: the training tool's featurizer options read it, and a model file states the lengths it was featurized with.</summary>
    public const int CharGramLength = 4;

    /// <summary>The featurizer's longest word n-gram.</summary>
    public const int WordGramLength = 2;

    /// <summary>What the normalizer table holds for a unit it drops.</summary>
    public const int Removed = -1;

    /// <summary>Bits of a word id in a packed word n-gram; a model has fewer than 2^20 words.</summary>
    public const int WordIdBits = 20;

    private const char TextStart = '\u0002';
    private const char TextEnd = '\u0003';

    /// <summary>What the normalizer makes of each UTF-16 unit, or <see cref="Removed"/>.</summary>
    private readonly int[] _normalizer;

    /// <summary>
    /// Up to four UTF-16 units packed 16 bits each, first unit lowest. The unit 0 is never packed: ML.NET reads it as a
    /// missing key and a text's n-grams stop at it, so n-grams of different lengths never share a key.
    /// </summary>
    private readonly PackedGramTable _charGrams;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;

    /// <summary>A word n-gram's word ids plus one, packed <see cref="WordIdBits"/> bits each, first word highest.</summary>
    private readonly PackedGramTable _wordGrams;

    /// <summary>Feature-major: the weights of feature f for every class start at f * classes.</summary>
    private readonly float[] _weights;
    private readonly float[] _biases;

    /// <exception cref="InvalidDataException">The parts do not describe one model (sizes, repeated or empty n-grams, unknown word ids).</exception>
    public LinearTextModel(LinearTextModelFile parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var features = parts.CharGrams.Length + parts.WordGrams.Length;
        if (parts.Classes.Length == 0 || parts.Biases.Length != parts.Classes.Length || parts.Weights.Length != (long)features * parts.Classes.Length
            || parts.Normalizer.Length != char.MaxValue + 1 || parts.Normalizer.Any(u => u is < Removed or > char.MaxValue))
        {
            throw new InvalidDataException("The model's classes, weights and normalizer do not agree in size, or the normalizer maps a unit outside UTF-16.");
        }

        if (parts.Words.Length >= 1 << WordIdBits)
        {
            throw new InvalidDataException($"The model has more than {(1 << WordIdBits) - 1} words.");
        }

        var words = new Dictionary<string, int>(parts.Words.Length, StringComparer.Ordinal);
        foreach (var word in parts.Words)
        {
            if (word.Length == 0 || !words.TryAdd(word, words.Count))
            {
                throw new InvalidDataException("The model's words are empty or repeated.");
            }
        }

        foreach (var gram in parts.WordGrams)
        {
            for (var ids = gram; ids != 0; ids >>= WordIdBits)
            {
                var id = ids & ((1ul << WordIdBits) - 1);
                if (id == 0 || id > (ulong)parts.Words.Length)
                {
                    throw new InvalidDataException("A word n-gram names a word the model does not have.");
                }
            }
        }

        Classes = parts.Classes;
        _normalizer = parts.Normalizer;
        _charGrams = new PackedGramTable(parts.CharGrams, firstSlot: 0);
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordGrams = new PackedGramTable(parts.WordGrams, firstSlot: parts.CharGrams.Length);
        _weights = parts.Weights;
        _biases = parts.Biases;
    }

    /// <summary>The class names, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The class probabilities, in the model's class order.</summary>
    public float[] Predict(string text)
    {
        var normalized = ArrayPool<char>.Shared.Rent(text.Length + 2);
        var slots = ArrayPool<int>.Shared.Rent((text.Length + 2) * (CharGramLength + WordGramLength));
        try
        {
            var length = Normalize(text, normalized);
            var scores = _biases.ToArray();
            if (length > 0)
            {
                var chars = CharGrams(normalized.AsSpan(0, length + 2), slots);
                AddNormalized(slots.AsSpan(0, chars), scores);
                var words = WordGrams(normalized.AsSpan(1, length), slots);
                AddNormalized(slots.AsSpan(0, words), scores);
            }

            SoftMax(scores);
            return scores;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slots);
            ArrayPool<char>.Shared.Return(normalized);
        }
    }

    /// <summary>Writes the normalized text between the start and end markers the character n-grams see; returns its length.</summary>
    private int Normalize(string text, char[] into)
    {
        var normalized = _normalizer;
        var length = 0;
        into[0] = TextStart;
        foreach (var unit in text)
        {
            var mapped = normalized[unit];
            if (mapped != Removed)
            {
                into[1 + length++] = (char)mapped;
            }
        }

        into[1 + length] = TextEnd;
        return length;
    }

    private int CharGrams(ReadOnlySpan<char> marked, int[] slots)
    {
        var found = 0;
        for (var start = 0; start < marked.Length; start++)
        {
            ulong key = 0;
            for (var n = 0; n < CharGramLength && start + n < marked.Length && marked[start + n] != '\0'; n++)
            {
                key |= (ulong)marked[start + n] << (16 * n);
                if (_charGrams.TryGetValue(key, out var slot))
                {
                    slots[found++] = slot;
                }
            }
        }

        return found;
    }

    private int WordGrams(ReadOnlySpan<char> normalized, int[] slots)
    {
        var found = 0;
        Span<int> recent = stackalloc int[WordGramLength];
        var seen = 0;
        foreach (var range in normalized.Split(' '))
        {
            var word = normalized[range];
            if (word.IsEmpty)
            {
                continue;
            }

            var id = _words.TryGetValue(word, out var known) ? known + 1 : 0;
            for (var i = WordGramLength - 1; i > 0; i--)
            {
                recent[i] = recent[i - 1];
            }

            recent[0] = id;
            seen++;
            ulong key = 0;
            for (var n = 0; n < WordGramLength && n < seen; n++)
            {
                if (recent[n] == 0)
                {
                    break;
                }

                key |= (ulong)recent[n] << (WordIdBits * n);
                if (_wordGrams.TryGetValue(key, out var slot))
                {
                    slots[found++] = slot;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Adds one part's term counts, scaled to unit length as the featurizer's L2 norm does, times each class's weights.
    /// The n-grams are counted per distinct slot first, as the featurizer counts them: a sum per occurrence drifted by
    /// 6e-5 on one letter repeated 30,000 times.
    /// </summary>
    private void AddNormalized(ReadOnlySpan<int> slots, float[] scores)
    {
        if (slots.IsEmpty)
        {
            return;
        }

        // An open-addressing table of (slot + 1, count) pairs at twice the n-grams' number, so probes stay short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)slots.Length * 2);
        var hashShift = 32 - BitOperations.Log2((uint)size);
        var rented = size > 1024 ? ArrayPool<int>.Shared.Rent(size * 2) : null;
        var counts = rented is null ? stackalloc int[size * 2] : rented.AsSpan(0, size * 2);
        counts.Clear();
        foreach (var slot in slots)
        {
            var at = (int)((uint)slot * 2654435769u >> hashShift);
            while (counts[2 * at] != 0 && counts[2 * at] != slot + 1)
            {
                at = (at + 1) & (size - 1);
            }

            counts[2 * at] = slot + 1;
            counts[2 * at + 1]++;
        }

        Span<float> sums = stackalloc float[_biases.Length];
        var sumOfSquares = 0d;
        for (var at = 0; at < size; at++)
        {
            var count = counts[2 * at + 1];
            if (count == 0)
            {
                continue;
            }

            sumOfSquares += (double)count * count;
            var row = _weights.AsSpan((counts[2 * at] - 1) * sums.Length, sums.Length);
            for (var c = 0; c < sums.Length; c++)
            {
                sums[c] += count * row[c];
            }
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        var scale = (float)(1 / Math.Sqrt(sumOfSquares));
        for (var c = 0; c < sums.Length; c++)
        {
            scores[c] += sums[c] * scale;
        }
    }

    private static void SoftMax(float[] scores)
    {
        var max = scores.Max();
        var sum = 0d;
        for (var c = 0; c < scores.Length; c++)
        {
            sum += Math.Exp(scores[c] - max);
        }

        var logSum = max + Math.Log(sum);
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = (float)Math.Exp(scores[c] - logSum);
        }
    }

    /// <summary>
    /// The n-grams' slots in one flat open-addressed array, each key beside its slot: a sentence looks up a few hundred
    /// n-grams, most of them absent, in tables of megabytes, and a probe here costs one cache miss where a dictionary's
    /// bucket and entry cost two. No packed n-gram is 0 (see <see cref="_charGrams"/>, <see cref="_wordGrams"/>), so 0 marks
    /// an empty place.
    /// </summary>
    private sealed class PackedGramTable
    {
        private readonly Entry[] _entries;
        private readonly int _shift;

        /// <param name="keys">The packed n-grams in slot order.</param>
        /// <param name="firstSlot">The slot of the first key.</param>
        public PackedGramTable(ulong[] keys, int firstSlot)
        {
            // At most three quarters full, so a probe for an absent n-gram stops within a few neighbours.
            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length + (keys.Length / 3)));
            _entries = new Entry[capacity];
            _shift = 32 - BitOperations.Log2((uint)capacity);
            for (var i = 0; i < keys.Length; i++)
            {
                var key = keys[i];
                if (key == 0)
                {
                    throw new InvalidDataException("A packed n-gram is 0, which marks an empty place.");
                }

                var at = IndexOf(key);
                while (_entries[at].Key != 0)
                {
                    if (_entries[at].Key == key)
                    {
                        throw new InvalidDataException("The model names one n-gram twice.");
                    }

                    at = (at + 1) & (capacity - 1);
                }

                _entries[at] = new Entry(key, firstSlot + i);
            }
        }

        public bool TryGetValue(ulong key, out int slot)
        {
            var entries = _entries;
            for (var at = IndexOf(key); ; at = (at + 1) & (entries.Length - 1))
            {
                var entry = entries[at];
                if (entry.Key == 0)
                {
                    slot = 0;
                    return false;
                }

                if (entry.Key == key)
                {
                    slot = entry.Slot;
                    return true;
                }
            }
        }

        /// <summary>
        /// Fibonacci hashing, the product's top bits: every bit of the key counts (ulong's own hash folds the halves
        /// together, and four letters of one script then shared a few thousand hash codes).
        /// </summary>
        private int IndexOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15ul) >> (32 + _shift));

        private readonly record struct Entry(ulong Key, int Slot);
    }
}
