using System.IO.Compression;
using BeMore.Domain.Analysis.Insight;
using BeMore.Insight.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BeMore.Tests.Analysis;

/// <summary>
/// The analysers score with <see cref="LinearTextModel"/>, which restates ML.NET's featurizer and classifier, from the
/// compact files the training tool writes (<see cref="LinearTextModelFile"/>); ML.NET's own prediction engine on the
/// trained model is the reference both must agree with.
/// </summary>
public sealed class LinearTextModelTests
{
    /// <summary>Text the corpus does not hold: what the normalizer drops or keeps, units ML.NET reads as missing, and the long and the empty.</summary>
    private static readonly string[] Unusual =
    [
        "", "...!?", "   ", "Café NAÏVE résumé ÀÉÎ Ǣ İstanbul", "a|b c||d |", "tab\there  two  spaces ", "emoji 😭😭 ok 🙂",
        "\0null\0 x\0", "ＦＵＬＬ width ５", "죽고  싶어요… ㅋㅋㅋ ㅠㅠ", "x\u0301y \u05B0z", "\u2028line\u2029 \u0085",
        "<␠> <PAD> \u007f", "\uFFFF\uFFFE end \uD800 lone", "12 3/4 ½ ٣", "I'D NEVER hurt myself, I PROMISE",
        string.Concat(Enumerable.Repeat("나는 아무 쓸모도 없는 사람이야 I am worthless ", 120)), new string('ㅋ', 30_000),
    ];

    public static TheoryData<string> ShippedModels => [.. ModelFiles.Models];

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void ShippedModel_GivesMlNetsProbabilities_OnEveryCorpusLineAndUnusualText(string file)
    {
        var texts = Directory.EnumerateFiles(InsightEvaluation.CorpusRoot, "*.tsv", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line[(line.LastIndexOf('\t') + 1)..])
            .Concat(Unusual)
            .Distinct()
            .ToList();
        using var classifier = SentenceClassifier.LoadEmbedded(file);
        var reference = Reference(File.OpenRead(Trained(file)));

        var worst = texts.Select(text => (Text: text, Difference: MaxDifference(reference(text), classifier.Predict(text)))).MaxBy(x => x.Difference);

        Assert.True(texts.Count > 20_000, $"{texts.Count} texts");
        Assert.True(worst.Difference < 1e-5, $"{file}: {worst.Difference} on '{worst.Text}'");
    }

    /// <summary>
    /// Training text whose n-grams' names cannot be read back: every surrogate has one name, so an emoji's n-grams cannot
    /// be told apart; a NUL is named like a missing key; a '|' inside a word reads as two words.
    /// </summary>
    public static TheoryData<string> UnreadableTrainingText => ["so tired 😭", "so\0tired", "good|day"];

    [Theory]
    [MemberData(nameof(UnreadableTrainingText))]
    public void Model_TrainedOnTextItsNamesCannotCarry_IsRefused(string text)
    {
        var (_, saved) = TrainSmall([(text, "sad"), ("great day", "happy"), ("awful night", "sad"), ("lovely walk", "happy")]);
        using var zip = saved;

        var refused = Assert.Throws<InvalidOperationException>(() => TrainedModel.Classifier(zip));

        Assert.Contains("model", refused.Message);
    }

    /// <summary>A model just trained is read as the same model saved and loaded (the development runs read it unsaved).</summary>
    [Fact]
    public void TrainedModel_ReadUnsaved_ScoresAsWhenSavedAndLoaded()
    {
        var (model, saved) = TrainSmall([("great day", "happy"), ("awful night", "sad"), ("lovely walk", "happy"), ("so tired of it", "sad")]);
        using var zip = saved;

        using var unsaved = TrainedModel.Classifier(model);
        using var loaded = TrainedModel.Classifier(zip);

        Assert.Equal(loaded.Classes, unsaved.Classes);
        foreach (var text in Unusual.Append("what a great walk").Append("tired night"))
        {
            Assert.Equal(loaded.Predict(text), unsaved.Predict(text));
        }
    }

    /// <summary>A classifier trained as the tool trains, on <paramref name="rows"/>, and ML.NET's saved model of it, at its start.</summary>
    private static (ITransformer Model, MemoryStream Saved) TrainSmall((string Text, string Label)[] rows)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new ClassifierInput { Text = r.Text, Label = r.Label }));
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", TrainedModel.FeaturizerOptions(), nameof(ClassifierInput.Text)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))
            .Fit(data);
        var saved = new MemoryStream();
        ml.Model.Save(model, data.Schema, saved);
        saved.Position = 0;
        return (model, saved);
    }

    /// <summary>The compact file a node reads is the one the training tool writes from ML.NET's model beside it, byte for byte.</summary>
    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void EmbeddedModel_IsTheCompactFileOfTheTrainedModel(string file)
    {
        using var zip = File.OpenRead(Trained(file));
        using var written = new MemoryStream();
        TrainedModel.WriteCompact(zip, written);
        using var embedded = new MemoryStream();
        using (var stream = SentenceClassifier.OpenEmbedded(file))
        {
            stream.CopyTo(embedded);
        }

        Assert.True(written.ToArray().AsSpan().SequenceEqual(embedded.ToArray()), $"{file} is not the compact file of {Trained(file)}: run the training tool with --compact");
    }

    [Fact]
    public void CompactFile_ReadBack_ScoresAsTheModelItWasWrittenFrom()
    {
        var parts = EmbeddedParts(ModelFiles.RiskLevel);
        using var written = new MemoryStream();
        parts.Write(written);
        written.Position = 0;

        using var original = SentenceClassifier.LoadEmbedded(ModelFiles.RiskLevel);
        using var readBack = SentenceClassifier.Load(written);

        foreach (var text in Unusual.Append("I have the pills saved up").Append("약을 모아두고 있어요"))
        {
            Assert.Equal(original.Predict(text), readBack.Predict(text));
        }
    }

    /// <summary>A file cut short, another kind of file, or bytes after the last part.</summary>
    public static TheoryData<string> DamagedFiles => ["cut", "empty", "not brotli", "zip", "trailing"];

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void DamagedCompactFile_IsRefusedWithAClearError(string damage)
    {
        using var decompressed = new MemoryStream();
        using (var stream = new BrotliStream(SentenceClassifier.OpenEmbedded(ModelFiles.RiskLevel), CompressionMode.Decompress))
        {
            stream.CopyTo(decompressed);
        }

        var bytes = damage switch
        {
            "cut" => Compressed(decompressed.ToArray().AsSpan(0, (int)decompressed.Length / 2)),
            "empty" => [],
            "not brotli" => "BeMore.LinearTextModel"u8.ToArray(),
            "zip" => File.ReadAllBytes(Trained(ModelFiles.RiskLevel)),
            _ => Compressed([.. decompressed.ToArray(), 0]),
        };

        var refused = Assert.Throws<InvalidDataException>(() => SentenceClassifier.Load(new MemoryStream(bytes)));

        Assert.Contains("model", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parts that cannot be one model: a weight missing, an n-gram named twice, a word n-gram of a word the model lacks, an empty key.</summary>
    public static TheoryData<string> InconsistentParts => ["weights", "repeated n-gram", "unknown word", "empty key", "repeated word"];

    [Theory]
    [MemberData(nameof(InconsistentParts))]
    public void InconsistentParts_AreRefused(string fault)
    {
        var parts = EmbeddedParts(ModelFiles.RiskLevel);
        var broken = fault switch
        {
            "weights" => parts with { Weights = parts.Weights[1..] },
            "repeated n-gram" => parts with { CharGrams = [.. parts.CharGrams[..^1], parts.CharGrams[0]] },
            "unknown word" => parts with { WordGrams = [.. parts.WordGrams[..^1], (ulong)parts.Words.Length + 1] },
            "empty key" => parts with { WordGrams = [.. parts.WordGrams[..^1], 0] },
            _ => parts with { Words = [.. parts.Words[..^1], parts.Words[0]] },
        };

        Assert.Throws<InvalidDataException>(() => new LinearTextModel(broken));
    }

    private static LinearTextModelFile EmbeddedParts(string file)
    {
        using var stream = SentenceClassifier.OpenEmbedded(file);
        return LinearTextModelFile.Read(stream);
    }

    private static byte[] Compressed(ReadOnlySpan<byte> bytes)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(bytes);
        }

        return compressed.ToArray();
    }

    /// <summary>ML.NET's trained model of an embedded compact model, copied beside the tests.</summary>
    private static string Trained(string file) => Path.Combine(AppContext.BaseDirectory, "Models", Path.ChangeExtension(file, ModelFiles.TrainedExtension));

    private static Func<string, float[]> Reference(Stream zip)
    {
        var ml = new MLContext(seed: 1);
        using (zip)
        {
            var engine = ml.Model.CreatePredictionEngine<ClassifierInput, Scores>(ml.Model.Load(zip, out _));
            return text => engine.Predict(new ClassifierInput { Text = text }).Score;
        }
    }

    private static float MaxDifference(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        return expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
    }

    private sealed class Scores
    {
        [ColumnName("Score")]
        public float[] Score { get; set; } = [];
    }
}
