using BeMore.Domain.Analysis.Insight;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BeMore.Tests.Analysis;

/// <summary>
/// The analysers score with <see cref="LinearTextModel"/>, which restates ML.NET's featurizer and classifier; ML.NET's
/// own prediction engine is the reference it must agree with.
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

    public static TheoryData<string> ShippedModels => [ModelFiles.Utterance, ModelFiles.Distortions, ModelFiles.RiskLevel, ModelFiles.Emotion, ModelFiles.RiskContent];

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
        var reference = Reference(SentenceClassifier.OpenEmbedded(file));

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
        var ml = new MLContext(seed: 1);
        var rows = new[] { (text, "sad"), ("great day", "happy"), ("awful night", "sad"), ("lovely walk", "happy") }
            .Select(r => new ClassifierInput { Text = r.Item1, Label = r.Item2 });
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", SentenceClassifier.FeaturizerOptions(), nameof(ClassifierInput.Text)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))
            .Fit(data);
        using var saved = new MemoryStream();
        ml.Model.Save(model, data.Schema, saved);
        saved.Position = 0;

        var refused = Assert.Throws<InvalidOperationException>(() => SentenceClassifier.Load(saved));

        Assert.Contains("model", refused.Message);
    }

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
