using BeMore.Domain.Analysis.Insight;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace BeMore.Insight.Training;

/// <summary>What a text classifier is fed: the sentence, and the label column its training pipeline maps (empty at prediction).</summary>
public sealed class ClassifierInput
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}

/// <summary>
/// ML.NET's trained text models, and the compact files nodes read instead (<see cref="LinearTextModelFile"/>): the
/// featurizer's vocabulary read back from its slot names (character n-grams packed into one 64-bit key, words into ids),
/// the maximum-entropy weights feature by feature, and ML.NET's normalizer asked of the library for all 65,535 UTF-16 units.
/// </summary>
public static class TrainedModel
{
    /// <summary>What ML.NET's text normalizer makes of every UTF-16 unit; the same for every model.</summary>
    private static readonly Lazy<int[]> Normalizer = new(ReadNormalizer);

    /// <summary>
    /// The featurizer every text model is trained with and <see cref="LinearTextModel"/> reproduces: lower case, no
    /// diacritics or punctuation, numbers kept; words and word pairs, one to four characters; each part scaled to unit length.
    /// </summary>
    public static TextFeaturizingEstimator.Options FeaturizerOptions() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = LinearTextModel.WordGramLength, UseAllLengths = true },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = LinearTextModel.CharGramLength, UseAllLengths = true },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    /// <summary>The scorer nodes use, on ML.NET's model in <paramref name="zip"/> (what the development runs read).</summary>
    /// <exception cref="InvalidOperationException">A feature's name cannot be read back into an n-gram, or the model is not a maximum-entropy text classifier.</exception>
    public static SentenceClassifier Classifier(Stream zip) => new(new LinearTextModel(Compact(zip)));

    /// <summary>The scorer nodes use, on a model just trained (read out as it is, not saved and loaded again first).</summary>
    /// <exception cref="InvalidOperationException">As <see cref="Classifier(Stream)"/>.</exception>
    public static SentenceClassifier Classifier(ITransformer model) =>
        new(new LinearTextModel(Compact(model, new MLContext(seed: 1).Data.LoadFromEnumerable(Array.Empty<ClassifierInput>()).Schema)));

    /// <summary>Writes the compact file of ML.NET's model at <paramref name="zipPath"/> to <paramref name="modelPath"/>.</summary>
    public static void WriteCompact(string zipPath, string modelPath)
    {
        using var zip = File.OpenRead(zipPath);
        using var file = File.Create(modelPath);
        WriteCompact(zip, file);
    }

    /// <summary>Writes the compact file of ML.NET's model in <paramref name="zip"/>: the same model gives the same bytes.</summary>
    public static void WriteCompact(Stream zip, Stream to) => Compact(zip).Write(to);

    /// <summary>Reads ML.NET's model out into the parts <see cref="LinearTextModel"/> scores with.</summary>
    private static LinearTextModelFile Compact(Stream zip)
    {
        var model = new MLContext(seed: 1).Model.Load(zip, out var inputSchema);
        return Compact(model, inputSchema);
    }

    private static LinearTextModelFile Compact(ITransformer model, DataViewSchema inputSchema)
    {
        // A loaded chain and a freshly fitted one differ in their generic type, not in their parts.
        var predictor = (model as IEnumerable<ITransformer>)?.LastOrDefault() as MulticlassPredictionTransformer<MaximumEntropyModelParameters>
            ?? throw new InvalidOperationException("The model does not end in a maximum-entropy classifier.");
        var schema = model.GetOutputSchema(inputSchema);
        VBuffer<ReadOnlyMemory<char>> classes = default;
        schema["Score"].GetSlotNames(ref classes);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema[predictor.FeatureColumnName].GetSlotNames(ref names);

        // The featurizer tags each slot with the part it came from, characters first.
        var charGrams = new List<ulong>();
        var wordGrams = new List<ulong>();
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<(bool Word, ulong Key)>();
        foreach (var name in names.DenseValues())
        {
            var text = name.Span;
            var isChar = wordGrams.Count == 0 && text.StartsWith("Char.");
            if (!isChar && !text.StartsWith("Word."))
            {
                throw Unreadable(text);
            }

            var key = isChar ? PackChars(text["Char.".Length..]) : PackWords(text["Word.".Length..], words);
            if (!seen.Add((!isChar, key)))
            {
                throw Unreadable(text);
            }

            (isChar ? charGrams : wordGrams).Add(key);
        }

        // A word's name cannot tell a '|' in it from the one joining two words; a training text held one if the
        // character n-grams did.
        if (seen.Contains((false, '|')))
        {
            throw new InvalidOperationException("The model was trained on text with a '|', which its word n-grams' names cannot carry.");
        }

        VBuffer<float>[] classWeights = [];
        predictor.Model.GetWeights(ref classWeights, out var classCount);
        var weights = new float[names.Length * classCount];
        for (var c = 0; c < classCount; c++)
        {
            var values = classWeights[c].GetValues();
            var indices = classWeights[c].GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                weights[(classWeights[c].IsDense ? i : indices[i]) * classCount + c] = values[i];
            }
        }

        return new LinearTextModelFile(
            [.. classes.DenseValues().Select(name => name.ToString())], Normalizer.Value, [.. charGrams],
            [.. words.OrderBy(w => w.Value).Select(w => w.Key)], [.. wordGrams], weights, [.. predictor.Model.GetBiases()]);
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
            if (n >= LinearTextModel.CharGramLength || unit == '\0')
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
    private static ulong PackWords(ReadOnlySpan<char> name, Dictionary<string, int> words)
    {
        ulong key = 0;
        var n = 0;
        var known = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in name.Split('|'))
        {
            var word = name[range];
            if (word.IsEmpty || ++n > LinearTextModel.WordGramLength)
            {
                throw Unreadable(name);
            }

            if (!known.TryGetValue(word, out var id))
            {
                id = words.Count;
                words.Add(word.ToString(), id);
            }

            key = key << LinearTextModel.WordIdBits | (uint)(id + 1);
        }

        return key;
    }

    private static InvalidOperationException Unreadable(ReadOnlySpan<char> name) =>
        new($"The model's feature '{name}' cannot be read back into an n-gram.");

    /// <summary>
    /// What ML.NET's text normalizer makes of every UTF-16 unit alone (<see cref="LinearTextModel.Removed"/> where it
    /// drops it). It reads one unit at a time, so this table is the normalizer, asked of the library rather than restated;
    /// the unit 0 stays 0, which the n-grams treat as ML.NET's missing key. Every unit goes in one row, each between two
    /// letters the normalizer keeps, so none comes back empty and the row keeps its order.
    /// </summary>
    private static int[] ReadNormalizer()
    {
        var options = FeaturizerOptions();
        var context = new MLContext(seed: 1);
        var units = new UnitsRow { Units = [.. Enumerable.Range(1, char.MaxValue).Select(u => $"x{(char)u}x")] };
        var schema = SchemaDefinition.Create(typeof(UnitsRow));
        schema[nameof(UnitsRow.Units)].ColumnType = new VectorDataViewType(TextDataViewType.Instance, char.MaxValue);
        var data = context.Data.LoadFromEnumerable([units], schema);
        var normalizer = context.Transforms.Text.NormalizeText(nameof(UnitsRow.Normalized), nameof(UnitsRow.Units),
            options.CaseMode, options.KeepDiacritics, options.KeepPunctuations, options.KeepNumbers);
        var normalized = context.Data.CreateEnumerable<UnitsRow>(normalizer.Fit(data).Transform(data), reuseRowObject: false).Single().Normalized;
        var table = new int[char.MaxValue + 1];
        for (var u = 1; u <= char.MaxValue; u++)
        {
            table[u] = normalized[u - 1].Length switch
            {
                2 => LinearTextModel.Removed,
                3 => normalized[u - 1][1],
                _ => throw new InvalidOperationException($"The normalizer turned U+{u:X4} into more than one unit."),
            };
        }

        return table;
    }

    private sealed class UnitsRow
    {
        public string[] Units { get; set; } = [];

        public string[] Normalized { get; set; } = [];
    }
}
