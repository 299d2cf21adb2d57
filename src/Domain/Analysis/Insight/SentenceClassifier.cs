using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BeMore.Domain.Analysis.Insight;

/// <summary>What a text classifier is fed: the sentence, and the label column its training pipeline maps (empty at prediction).</summary>
public sealed class ClassifierInput
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}

/// <summary>What a text classifier answers: one probability per class, in <see cref="SentenceClassifier.Classes"/> order.</summary>
public sealed class ClassifierOutput
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

/// <summary>
/// A trained ML.NET text model (word and character n-grams into a maximum-entropy classifier), loaded from the grain
/// assembly's embedded resources. Prediction engines are not thread-safe, so each thread keeps its own, with the last
/// few texts it read: risk, distortions and the risk readers all ask about the same segment and its clauses in turn.
/// </summary>
public sealed class SentenceClassifier : IDisposable
{
    private readonly ITransformer _model;
    private readonly ThreadLocal<ThreadEngine> _engine;
    private readonly MLContext _context;

    private SentenceClassifier(MLContext context, ITransformer model, DataViewSchema inputSchema)
    {
        _context = context;
        _model = model;
        var scoreColumn = model.GetOutputSchema(inputSchema)["Score"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        scoreColumn.GetSlotNames(ref names);
        Classes = [.. names.DenseValues().Select(n => n.ToString())];
        _engine = new ThreadLocal<ThreadEngine>(() => new ThreadEngine(_context.Model.CreatePredictionEngine<ClassifierInput, ClassifierOutput>(_model)));
    }

    /// <summary>The class names, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Classes { get; }

    public static SentenceClassifier Load(Stream zip)
    {
        var context = new MLContext(seed: 1);
        var model = context.Model.Load(zip, out var inputSchema);
        return new SentenceClassifier(context, model, inputSchema);
    }

    public static SentenceClassifier LoadEmbedded(string fileName)
    {
        using var stream = OpenEmbedded(fileName);
        return Load(stream);
    }

    /// <summary>The class probabilities (summing to 1) for one sentence; the array is shared, not to be changed.</summary>
    public float[] Predict(string text) => _engine.Value!.Predict(text);

    public int IndexOf(string className)
    {
        for (var i = 0; i < Classes.Count; i++)
        {
            if (Classes[i] == className)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The model has no class '{className}'.");
    }

    public void Dispose() => _engine.Dispose();

    internal static Stream OpenEmbedded(string fileName)
    {
        var assembly = typeof(SentenceClassifier).Assembly;
        var name = $"BeMore.Domain.Analysis.Models.{fileName}";
        return assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing embedded model {name}.");
    }

    private sealed class ThreadEngine(PredictionEngine<ClassifierInput, ClassifierOutput> engine)
    {
        /// <summary>
        /// A segment and its clauses: risk reads the segment and then each clause, and distortions the segment again, so
        /// a single last text was always a clause by then.
        /// </summary>
        private const int Remembered = 4;

        private readonly string?[] _texts = new string?[Remembered];
        private readonly float[][] _scores = new float[Remembered][];
        private int _next;

        public float[] Predict(string text)
        {
            for (var i = 0; i < Remembered; i++)
            {
                if (string.Equals(_texts[i], text, StringComparison.Ordinal))
                {
                    return _scores[i];
                }
            }

            // Each prediction returns a new array, so a remembered one is never overwritten while a caller holds it.
            var scores = engine.Predict(new ClassifierInput { Text = text }).Score;
            (_texts[_next], _scores[_next]) = (text, scores);
            _next = (_next + 1) % Remembered;
            return scores;
        }
    }
}
