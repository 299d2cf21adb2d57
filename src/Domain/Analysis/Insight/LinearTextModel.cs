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
    /// Up to four UTF-16 units packed 16 bits each. The unit 0 is never packed (ML.NET reads it as a missing key, so no
    /// n-gram holds it), so n-grams of different lengths never share a key.
    /// </summary>
    private readonly Dictionary<ulong, int> _charGrams;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;

    /// <summary>A word n-gram's word ids plus one, packed <see cref="WordIdBits"/> bits each, first word highest.</summary>
    private readonly Dictionary<ulong, int> _wordGrams;

    /// <summary>Feature-major: the weights of feature f for every class start at f * classes.</summary>
    private readonly float[] _weights;
    private readonly float[] _biases;

    private LinearTextModel(Dictionary<ulong, int> charGrams, Dictionary<string, int> words, Dictionary<ulong, int> wordGrams, float[] weights, float[] biases)
    {
        _charGrams = charGrams;
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordGrams = wordGrams;
        _weights = weights;
        _biases = biases;
    }

    public static LinearTextModel Read(ITransformer model, DataViewSchema inputSchema)
    {
        var predictor = (model as TransformerChain<ITransformer>)?.LastTransformer as MulticlassPredictionTransformer<MaximumEntropyModelParameters>
            ?? throw new InvalidOperationException("The model does not end in a maximum-entropy classifier.");
        VBuffer<ReadOnlyMemory<char>> names = default;
        model.GetOutputSchema(inputSchema)[predictor.FeatureColumnName].GetSlotNames(ref names);

        var charGrams = new Dictionary<ulong, int>(MixedHash.Instance);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordGrams = new Dictionary<ulong, int>(MixedHash.Instance);
        var slot = 0;
        foreach (var name in names.DenseValues())
        {
            // The featurizer tags each slot with the part it came from.
            var text = name.Span;
            var added = text.StartsWith("Char.") ? charGrams.TryAdd(PackChars(text["Char.".Length..]), slot)
                : text.StartsWith("Word.") && wordGrams.TryAdd(PackWords(text["Word.".Length..], words), slot);
            if (!added)
            {
                throw Unreadable(text);
            }

            slot++;
        }

        VBuffer<float>[] classWeights = [];
        predictor.Model.GetWeights(ref classWeights, out var classes);
        var weights = new float[slot * classes];
        for (var c = 0; c < classes; c++)
        {
            foreach (var (feature, weight) in classWeights[c].Items())
            {
                weights[feature * classes + c] = weight;
            }
        }

        return new LinearTextModel(charGrams, words, wordGrams, weights, [.. predictor.Model.GetBiases()]);
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
    /// Adds one part's term counts, scaled to unit length as the featurizer's L2 norm does, times each class's weights:
    /// the weighted sum is taken per occurrence, and the counts are only needed for the length.
    /// </summary>
    private void AddNormalized(Span<int> slots, float[] scores)
    {
        if (slots.IsEmpty)
        {
            return;
        }

        Span<float> sums = stackalloc float[_biases.Length];
        foreach (var slot in slots)
        {
            var row = _weights.AsSpan(slot * sums.Length, sums.Length);
            for (var c = 0; c < sums.Length; c++)
            {
                sums[c] += row[c];
            }
        }

        var scale = 1f / MathF.Sqrt(SumOfSquaredCounts(slots));
        for (var c = 0; c < sums.Length; c++)
        {
            scores[c] += sums[c] * scale;
        }
    }

    /// <summary>The sum over distinct slots of their count squared: each occurrence adds twice its slot's count so far, plus one.</summary>
    private static int SumOfSquaredCounts(ReadOnlySpan<int> slots)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)slots.Length * 2);
        var rented = size > 1024 ? ArrayPool<int>.Shared.Rent(size * 2) : null;
        var table = rented is null ? stackalloc int[size * 2] : rented.AsSpan(0, size * 2);
        table.Clear();
        var sum = 0;
        foreach (var slot in slots)
        {
            var at = (int)((uint)slot * 2654435769u >> 16) & (size - 1);
            while (table[2 * at] != 0 && table[2 * at] != slot + 1)
            {
                at = (at + 1) & (size - 1);
            }

            table[2 * at] = slot + 1;
            sum += 2 * table[2 * at + 1]++ + 1;
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        return sum;
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

    private static ulong PackChars(ReadOnlySpan<char> name)
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
            if (n >= CharGramLength)
            {
                throw Unreadable(name);
            }

            key |= (ulong)unit << (16 * n);
        }

        return key;
    }

    /// <summary>
    /// One unit of a character n-gram's name: the unit itself, or for controls and the space its control picture in
    /// angle brackets. Other spelled-out names (every surrogate has the same one, C1 controls have words) run into the
    /// next unit and are refused by the caller: the corpus has none, and a model trained on them would need them read here.
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

        return name[i++];
    }

    /// <summary>
    /// A word n-gram's name is its words joined by '|'. A word holding a '|' itself would read as two; the corpus has
    /// none, and the comparison test would show it.
    /// </summary>
    private static ulong PackWords(ReadOnlySpan<char> name, Dictionary<string, int> words)
    {
        ulong key = 0;
        var n = 0;
        foreach (var range in name.Split('|'))
        {
            var word = name[range].ToString();
            if (word.Length == 0 || ++n > WordGramLength)
            {
                throw Unreadable(name);
            }

            if (!words.TryGetValue(word, out var id))
            {
                id = words.Count;
                words.Add(word, id);
                if (words.Count >= 1 << WordIdBits)
                {
                    throw new InvalidOperationException($"The model has more than {(1 << WordIdBits) - 1} words.");
                }
            }

            key = key << WordIdBits | (uint)(id + 1);
        }

        return key;
    }

    private static InvalidOperationException Unreadable(ReadOnlySpan<char> name) =>
        new($"The model's feature '{name}' cannot be read back into an n-gram.");

    /// <summary>
    /// What ML.NET's text normalizer makes of every UTF-16 unit alone (<see cref="Removed"/> where it drops it). It reads
    /// one unit at a time, so this table is the normalizer, asked of the library rather than restated; the unit 0 stays
    /// 0, which the n-grams treat as ML.NET's missing key.
    /// </summary>
    private static int[] ReadNormalizer()
    {
        var context = new MLContext(seed: 1);
        var units = Enumerable.Range(1, char.MaxValue).Select(u => new UnitRow { Text = ((char)u).ToString() }).ToList();
        var normalizer = context.Transforms.Text.NormalizeText(nameof(UnitRow.Normalized), nameof(UnitRow.Text),
            Featurizer.CaseMode, Featurizer.KeepDiacritics, Featurizer.KeepPunctuations, Featurizer.KeepNumbers);
        var data = context.Data.LoadFromEnumerable(units);
        var table = new int[char.MaxValue + 1];
        var u = 1;
        foreach (var row in context.Data.CreateEnumerable<UnitRow>(normalizer.Fit(data).Transform(data), reuseRowObject: true))
        {
            table[u++] = row.Normalized.Length switch
            {
                0 => Removed,
                1 => row.Normalized[0],
                _ => throw new InvalidOperationException($"The normalizer turned U+{u - 1:X4} into more than one unit."),
            };
        }

        return table;
    }

    /// <summary>
    /// A packed n-gram's hash with every bit mixed in: ulong's own folds the halves together, and four letters of one
    /// script then share a few thousand hash codes between them.
    /// </summary>
    private sealed class MixedHash : IEqualityComparer<ulong>
    {
        public static readonly MixedHash Instance = new();

        public bool Equals(ulong x, ulong y) => x == y;

        public int GetHashCode(ulong key) => (int)((key * 0x9E3779B97F4A7C15ul) >> 32);
    }

    private sealed class UnitRow
    {
        public string Text { get; set; } = "";

        public string Normalized { get; set; } = "";
    }
}
