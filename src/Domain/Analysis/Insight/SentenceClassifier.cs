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
/// sentence it read: risk, distortions and the risk readers all ask about the same segment.
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
        private string? _lastText;
        private float[] _lastScores = [];

        public float[] Predict(string text)
        {
            if (!string.Equals(_lastText, text, StringComparison.Ordinal))
            {
                _lastScores = engine.Predict(new ClassifierInput { Text = text }).Score;
                _lastText = text;
            }

            return _lastScores;
        }
    }
}
