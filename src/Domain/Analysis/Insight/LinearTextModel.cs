using System.Buffers;
using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// A trained text model's arithmetic, read out of it once: the featurizer's vocabulary (its slot names), the
/// maximum-entropy weights, and ML.NET's text normalizer as a table over every UTF-16 unit. ML.NET's prediction engine
/// runs each sentence through a row pipeline of getters, buffers and sorts that costs two to three times the
/// arithmetic; this computes the same probabilities (a test compares both on every corpus line) from arrays and hash
/// tables, and only for models trained with <see cref="SentenceClassifier.FeaturizerOptions"/>.
/// </summary>
internal sealed class LinearTextModel
{
    private const char TextStart = '\u0002';
    private const char TextEnd = '\u0003';
    private const int Removed = -1;
    private const int WordIdBits = 20;

    private static readonly TextFeaturizingEstimator.Options Featurizer = SentenceClassifier.FeaturizerOptions();
    private static readonly int CharGramLength = Featurizer.CharFeatureExtractor.NgramLength;
    private static readonly int WordGramLength = Featurizer.WordFeatureExtractor.NgramLength;

    /// <summary>What the normalizer makes of each UTF-16 unit, or <see cref="Removed"/>; the same for every model.</summary>
    private static readonly Lazy<int[]> NormalizedUnits = new(ReadNormalizer);

    /// <summary>
    /// Up to four UTF-16 units packed 16 bits each. The unit 0 is never packed: ML.NET reads it as a missing key, a model
    /// whose n-grams hold one is refused (<see cref="ReadCharName"/>), and a text's n-grams stop at it; so n-grams of
    /// different lengths never share a key.
    /// </summary>
    private readonly PackedGramTable _charGrams;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;

    /// <summary>A word n-gram's word ids plus one, packed <see cref="WordIdBits"/> bits each, first word highest.</summary>
    private readonly PackedGramTable _wordGrams;

    /// <summary>Feature-major: the weights of feature f for every class start at f * classes.</summary>
    private readonly float[] _weights;
    private readonly float[] _biases;

    private LinearTextModel(
        IReadOnlyList<string> classes, Dictionary<PackedGram, int> charGrams, Dictionary<string, int> words, Dictionary<PackedGram, int> wordGrams,
        float[] weights, float[] biases)
    {
        Classes = classes;
        _charGrams = new PackedGramTable(charGrams);
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordGrams = new PackedGramTable(wordGrams);
        _weights = weights;
        _biases = biases;
    }

    /// <summary>The class names, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Classes { get; }

    public static LinearTextModel Read(ITransformer model, DataViewSchema inputSchema)
    {
        var predictor = (model as TransformerChain<ITransformer>)?.LastTransformer as MulticlassPredictionTransformer<MaximumEntropyModelParameters>
            ?? throw new InvalidOperationException("The model does not end in a maximum-entropy classifier.");
        var schema = model.GetOutputSchema(inputSchema);
        VBuffer<ReadOnlyMemory<char>> classes = default;
        schema["Score"].GetSlotNames(ref classes);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema[predictor.FeatureColumnName].GetSlotNames(ref names);
        if (CharGramLength * 16 > 64 || WordGramLength * WordIdBits > 64)
        {
            throw new InvalidOperationException("The featurizer's n-grams are longer than a 64-bit key holds.");
        }

        // The featurizer tags each slot with the part it came from, characters first.
        var charSlots = names.DenseValues().TakeWhile(name => name.Span.StartsWith("Char.")).Count();
        var charGrams = new Dictionary<PackedGram, int>(charSlots);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordGrams = new Dictionary<PackedGram, int>(names.Length - charSlots);
        var slot = 0;
        foreach (var name in names.DenseValues())
        {
            var text = name.Span;
            var added = slot < charSlots ? charGrams.TryAdd(PackChars(text["Char.".Length..]), slot)
                : text.StartsWith("Word.") && wordGrams.TryAdd(PackWords(text["Word.".Length..], words), slot);
            if (!added)
            {
                throw Unreadable(text);
            }

            slot++;
        }

        // A word's name cannot tell a '|' in it from the one joining two words; a training text held one if the
        // character n-grams did.
        if (charGrams.ContainsKey(new PackedGram('|')))
        {
            throw new InvalidOperationException("The model was trained on text with a '|', which its word n-grams' names cannot carry.");
        }

        VBuffer<float>[] classWeights = [];
        predictor.Model.GetWeights(ref classWeights, out var classCount);
        var weights = new float[slot * classCount];
        for (var c = 0; c < classCount; c++)
        {
            var values = classWeights[c].GetValues();
            var indices = classWeights[c].GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                weights[(classWeights[c].IsDense ? i : indices[i]) * classCount + c] = values[i];
            }
        }

        return new LinearTextModel(
            [.. classes.DenseValues().Select(name => name.ToString())], charGrams, words, wordGrams, weights, [.. predictor.Model.GetBiases()]);
    }

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
    private static int Normalize(string text, char[] into)
    {
        var normalized = NormalizedUnits.Value;
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

    private static PackedGram PackChars(ReadOnlySpan<char> name)
    {
        ulong key = 0;
        var n = 0;
        for (var i = 0; i < name.Length; n++)
        {
            if (n > 0)
            {
                if (name[i] != '|')
                {
                    throw Unreadable(name);
                }

                i++;
            }

            var unit = ReadCharName(name, ref i);
            if (n >= CharGramLength || unit == '\0')
            {
                throw Unreadable(name);
            }

            key |= (ulong)unit << (16 * n);
        }

        return new PackedGram(key);
    }

    /// <summary>
    /// One unit of a character n-gram's name: the unit itself, or for controls and the space its control picture in
    /// angle brackets. Other spelled-out names (every surrogate has the same one, C1 controls have words) run into the
    /// next unit and are refused by the caller: the corpus has none, and a model trained on them would need them read here.
    /// A '*' is ML.NET's name for a missing key (a NUL in the training text: the normalizer drops a real '*' as
    /// punctuation), read as 0 for the caller to refuse.
    /// </summary>
    private static char ReadCharName(ReadOnlySpan<char> name, ref int i)
    {
        if (name[i] == '<' && i + 2 < name.Length && name[i + 2] == '>' && name[i + 1] is >= '\u2401' and <= '\u2420'
            && (i + 3 == name.Length || name[i + 3] == '|'))
        {
            var unit = (char)(name[i + 1] - '\u2400');
            i += 3;
            return unit;
        }

        var plain = name[i++];
        return plain == '*' ? '\0' : plain;
    }

    /// <summary>A word n-gram's name is its words joined by '|' (a model trained on text with a '|' is refused).</summary>
    private static PackedGram PackWords(ReadOnlySpan<char> name, Dictionary<string, int> words)
    {
        ulong key = 0;
        var n = 0;
        var known = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in name.Split('|'))
        {
            var word = name[range];
            if (word.IsEmpty || ++n > WordGramLength)
            {
                throw Unreadable(name);
            }

            if (!known.TryGetValue(word, out var id))
            {
                id = words.Count;
                words.Add(word.ToString(), id);
                if (words.Count >= 1 << WordIdBits)
                {
                    throw new InvalidOperationException($"The model has more than {(1 << WordIdBits) - 1} words.");
                }
            }

            key = key << WordIdBits | (uint)(id + 1);
        }

        return new PackedGram(key);
    }

    private static InvalidOperationException Unreadable(ReadOnlySpan<char> name) =>
        new($"The model's feature '{name}' cannot be read back into an n-gram.");

    /// <summary>
    /// What ML.NET's text normalizer makes of every UTF-16 unit alone (<see cref="Removed"/> where it drops it). It reads
    /// one unit at a time, so this table is the normalizer, asked of the library rather than restated; the unit 0 stays
    /// 0, which the n-grams treat as ML.NET's missing key. Every unit goes in one row, each between two letters the
    /// normalizer keeps, so none comes back empty and the row keeps its order.
    /// </summary>
    private static int[] ReadNormalizer()
    {
        var context = new MLContext(seed: 1);
        var units = new UnitsRow { Units = [.. Enumerable.Range(1, char.MaxValue).Select(u => $"x{(char)u}x")] };
        var schema = SchemaDefinition.Create(typeof(UnitsRow));
        schema[nameof(UnitsRow.Units)].ColumnType = new VectorDataViewType(TextDataViewType.Instance, char.MaxValue);
        var data = context.Data.LoadFromEnumerable([units], schema);
        var normalizer = context.Transforms.Text.NormalizeText(nameof(UnitsRow.Normalized), nameof(UnitsRow.Units),
            Featurizer.CaseMode, Featurizer.KeepDiacritics, Featurizer.KeepPunctuations, Featurizer.KeepNumbers);
        var normalized = context.Data.CreateEnumerable<UnitsRow>(normalizer.Fit(data).Transform(data), reuseRowObject: false).Single().Normalized;
        var table = new int[char.MaxValue + 1];
        for (var u = 1; u <= char.MaxValue; u++)
        {
            table[u] = normalized[u - 1].Length switch
            {
                2 => Removed,
                3 => normalized[u - 1][1],
                _ => throw new InvalidOperationException($"The normalizer turned U+{u:X4} into more than one unit."),
            };
        }

        return table;
    }

    /// <summary>
    /// A packed n-gram, hashed with every bit mixed in (Fibonacci hashing: the product's top bits): ulong's own hash folds
    /// the halves together, and four letters of one script then share a few thousand hash codes between them. The top
    /// bits of the hash are also a place in <see cref="PackedGramTable"/>.
    /// </summary>
    private readonly record struct PackedGram(ulong Bits)
    {
        public override int GetHashCode() => (int)((Bits * 0x9E3779B97F4A7C15ul) >> 32);
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

        public PackedGramTable(Dictionary<PackedGram, int> slots)
        {
            // At most three quarters full, so a probe for an absent n-gram stops within a few neighbours.
            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, slots.Count + (slots.Count / 3)));
            _entries = new Entry[capacity];
            _shift = 32 - BitOperations.Log2((uint)capacity);
            foreach (var (gram, slot) in slots)
            {
                if (gram.Bits == 0)
                {
                    throw new InvalidOperationException("A packed n-gram is 0, which marks an empty place.");
                }

                var at = IndexOf(gram.Bits);
                while (_entries[at].Key != 0)
                {
                    at = (at + 1) & (capacity - 1);
                }

                _entries[at] = new Entry(gram.Bits, slot);
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

        private int IndexOf(ulong key) => (int)((uint)new PackedGram(key).GetHashCode() >> _shift);

        private readonly record struct Entry(ulong Key, int Slot);
    }

    private sealed class UnitsRow
    {
        public string[] Units { get; set; } = [];

        public string[] Normalized { get; set; } = [];
    }
}
