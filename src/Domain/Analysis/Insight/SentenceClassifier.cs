namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// A trained text model (word and character n-grams into a maximum-entropy classifier), loaded from its compact file
/// (<see cref="LinearTextModelFile"/>, embedded in the domain assembly) and scored by <see cref="LinearTextModel"/>.
/// Each thread keeps the last few texts it read: risk, distortions and the risk readers all ask about the same segment
/// and its clauses in turn.
/// </summary>
public sealed class SentenceClassifier : IDisposable
{
    private readonly LinearTextModel _model;
    private readonly ThreadLocal<RecentScores> _recent;

    internal SentenceClassifier(LinearTextModel model)
    {
        _model = model;
        _recent = new ThreadLocal<RecentScores>(() => new RecentScores(_model));
    }

    /// <summary>The class names, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Classes => _model.Classes;

    /// <exception cref="InvalidDataException">The stream is not a model file this build reads.</exception>
    public static SentenceClassifier Load(Stream file) => new(new LinearTextModel(LinearTextModelFile.Read(file)));

    public static SentenceClassifier LoadEmbedded(string fileName)
    {
        using var stream = OpenEmbedded(fileName);
        return Load(stream);
    }

    /// <summary>The class probabilities (summing to 1) for one sentence; the array is shared, not to be changed.</summary>
    public float[] Predict(string text) => _recent.Value!.Predict(text);

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

    public void Dispose() => _recent.Dispose();

    internal static Stream OpenEmbedded(string fileName)
    {
        var assembly = typeof(SentenceClassifier).Assembly;
        var name = $"BeMore.Domain.Analysis.Models.{fileName}";
        return assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing embedded model {name}.");
    }

    private sealed class RecentScores(LinearTextModel model)
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
            var scores = model.Predict(text);
            (_texts[_next], _scores[_next]) = (text, scores);
            _next = (_next + 1) % Remembered;
            return scores;
        }
    }
}
