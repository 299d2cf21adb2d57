using System.IO.Compression;
using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BeMore.Insight.Training;

/// <summary>
/// The models, from the corpus writers <paramref name="writers"/> selects, in both languages at once (Hangul and
/// Latin n-grams do not overlap, so one model serves both): word 1-2-grams for phrasing, character 1-4-grams for
/// Korean endings, spelling variants and slang; an L-BFGS maximum-entropy classifier gives probabilities. Light L2 regularization (0.002) ranked best
/// across writers; stronger (0.01 to 1) only shifted probabilities down and lost recall at equal precision. One thread and
/// a fixed seed make a run reproducible on one host (another host's arithmetic changes the last bits of the weights).
/// </summary>
/// <param name="everyday">The everyday sentences (by line index) the risk-vs-rest candidates of <see cref="RiskDevelopment"/> train on.</param>
/// <param name="talk">The session talk lines (by line index) the utterance and risk-vs-rest models train on.</param>
internal sealed class InsightTrainer(string corpus, string fixtures, Func<string, bool> writers, Func<int, bool> everyday, Func<int, bool> talk)
{
    private static readonly DateTimeOffset FixedEntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly MLContext _ml = new(seed: 1) { GpuDeviceId = null };

    /// <summary>
    /// Distortion codes, <c>risk</c> and <c>none</c>, from the corpus, the session talk and the rules' own hand-written
    /// sentences (tests/BeMore.Tests/Fixtures/Analysis/distortions.{en,ko}.tsv, single-label lines; not the held-out
    /// sets): their negatives are ordinary sentences and lookalikes on purpose, which the corpus's none lines alone
    /// cover thinly. The writers who teach only distortions are left out: this model reads risk.
    /// </summary>
    public ITransformer Utterance() => Classes(RiskWriters);

    /// <summary>The classes of <see cref="Utterance"/>, also from <see cref="InsightCorpus.DistortionOnlyWriters"/>: the distortion model.</summary>
    public ITransformer Distortions() => Classes(writers);

    private bool RiskWriters(string writer) => writers(writer) && InsightCorpus.TeachesRisk(writer);

    private ITransformer Classes(Func<string, bool> from) => Train(InsightCorpus.Languages
        .SelectMany(l => InsightCorpus.Utterances(corpus, l, from).Concat(InsightCorpus.TrainingTalk(corpus, l, talk)))
        .Select(u => new ClassifierInput { Text = u.Text, Label = u.Label })
        .Concat(InsightCorpus.Languages.SelectMany(FixtureSentences)));

    /// <summary>
    /// <c>risk</c> against <c>rest</c>: every other corpus, talk and fixture line and the everyday sentences, read as their
    /// <see cref="ContentWords"/> when <paramref name="contentWordsOnly"/> (as <see cref="RiskClassifier"/> reads them).
    /// </summary>
    public ITransformer Risk(bool contentWordsOnly) => Train(InsightCorpus.Languages.SelectMany(l =>
    {
        var language = TextLanguages.FromCode(l);
        return InsightCorpus.Utterances(corpus, l, RiskWriters).Concat(InsightCorpus.TrainingTalk(corpus, l, talk)).Select(u => (u.Text, u.Label))
            .Concat(FixtureSentences(l).Select(f => (f.Text, f.Label)))
            .Concat(InsightCorpus.Everyday(corpus, l, everyday).Select(text => (Text: text, Label: "none")))
            .Select(x => new ClassifierInput
            {
                Text = contentWordsOnly ? ContentWords.Of(x.Text, language) : x.Text,
                Label = x.Label == "risk" ? "risk" : "rest",
            });
    }));

    /// <summary>ideation, plan_means or act, from the risk lines only.</summary>
    public ITransformer RiskLevel() => Train(InsightCorpus.Languages
        .SelectMany(l => InsightCorpus.Utterances(corpus, l, RiskWriters))
        .Where(u => u.Label == "risk")
        .Select(u => new ClassifierInput { Text = u.Text, Label = u.RiskLevel }));

    /// <summary>
    /// The six emotions, from emotions.tsv and the emotion writers' files (<see cref="InsightCorpus.EmotionTrainingWriters"/>,
    /// those <c>writers</c> selects). Risk statements are not added as sadness: they outnumber the emotion lines, and the
    /// skew made joy and calm read as sadness; the analyser moves risk statements to sadness itself.
    /// </summary>
    public ITransformer Emotion() => Train(InsightCorpus.Languages
        .SelectMany(l => InsightCorpus.Emotions(corpus, l, writers).Concat(InsightCorpus.EmotionFiles(corpus, l, InsightCorpus.EmotionTrainingWriters.Where(writers))))
        .Select(e => new ClassifierInput { Text = e.Text, Label = e.Emotion }));

    private IEnumerable<ClassifierInput> FixtureSentences(string language) => File.ReadLines(Path.Combine(fixtures, $"distortions.{language}.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Where(row => row.Length == 2 && !row[0].Contains(',', StringComparison.Ordinal))
        .Select(row => new ClassifierInput { Text = row[1], Label = row[0] });

    /// <summary>
    /// Saves the model with every zip entry stamped with one fixed time, so retraining from the same corpus rewrites the
    /// same bytes and git shows a model change only when the model changed.
    /// </summary>
    public void Save(ITransformer model, string path)
    {
        var schema = SchemaDefinition.Create(typeof(ClassifierInput));
        var empty = _ml.Data.LoadFromEnumerable(Array.Empty<ClassifierInput>(), schema);
        using var saved = new MemoryStream();
        _ml.Model.Save(model, empty.Schema, saved);
        saved.Position = 0;
        using var source = new ZipArchive(saved, ZipArchiveMode.Read);
        using var target = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedEntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    /// <summary>
    /// ML.NET names every surrogate unit alike in its character n-grams, which <see cref="LinearTextModel"/> cannot read
    /// back into units, so emoji (the corpus's only text beyond the BMP, in chat lines) are left out of what a model
    /// learns; read live, their n-grams are unknown to the model and count for nothing.
    /// </summary>
    private static string WithoutSurrogates(string text) =>
        text.Any(char.IsSurrogate) ? string.Concat(text.Where(c => !char.IsSurrogate(c))) : text;

    private ITransformer Train(IEnumerable<ClassifierInput> rows)
    {
        var data = _ml.Data.LoadFromEnumerable(rows.Select(r => new ClassifierInput { Text = WithoutSurrogates(r.Text), Label = r.Label }).ToList());
        var pipeline = _ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(_ml.Transforms.Text.FeaturizeText("Features", TrainedModel.FeaturizerOptions(), nameof(ClassifierInput.Text)))
            .Append(_ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = 0.002f,
                L1Regularization = 0f,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 300,
            }));
        return pipeline.Fit(data);
    }
}
