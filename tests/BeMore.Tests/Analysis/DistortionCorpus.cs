using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

/// <summary>One labelled sentence from Fixtures/Analysis/distortions[.heldout].{en,ko}.tsv; no labels means "none".</summary>
internal sealed record LabelledSentence(IReadOnlySet<DistortionType> Labels, string Text);

internal static class DistortionCorpus
{
    /// <param name="heldOut">The held-out set, written after the patterns were frozen and never used to tune them.</param>
    public static IReadOnlyList<LabelledSentence> Load(TextLanguage language, bool heldOut = false)
    {
        var file = heldOut ? $"distortions.heldout.{language.ToCode()}.tsv" : $"distortions.{language.ToCode()}.tsv";
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Analysis", file);
        var sentences = new List<LabelledSentence>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var labelField = line[..tab];
            var labels = new HashSet<DistortionType>();
            if (labelField != "none")
            {
                foreach (var code in labelField.Split(','))
                {
                    Assert.True(DistortionTypeCodes.TryParse(code, out var type), $"Unknown label '{code}' in {path}");
                    labels.Add(type);
                }
            }

            sentences.Add(new LabelledSentence(labels, line[(tab + 1)..]));
        }

        return sentences;
    }
}

/// <summary>Per-type counts of one detector run over a corpus.</summary>
internal sealed record TypeScore(DistortionType Type, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Detected => TruePositives + FalsePositives;

    public int Labelled => TruePositives + FalseNegatives;

    public double Precision => Detected == 0 ? double.NaN : (double)TruePositives / Detected;

    public double Recall => Labelled == 0 ? double.NaN : (double)TruePositives / Labelled;

    public static IReadOnlyList<TypeScore> Measure(IReadOnlyList<LabelledSentence> corpus, TextLanguage language)
    {
        var detections = corpus.Select(s => DistortionDetector.Detect(s.Text, language).Select(m => m.Type).ToHashSet()).ToList();
        return Enum.GetValues<DistortionType>().Select(type =>
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < corpus.Count; i++)
            {
                var labelled = corpus[i].Labels.Contains(type);
                var detected = detections[i].Contains(type);
                tp += labelled && detected ? 1 : 0;
                fp += !labelled && detected ? 1 : 0;
                fn += labelled && !detected ? 1 : 0;
            }

            return new TypeScore(type, tp, fp, fn);
        }).ToList();
    }
}
