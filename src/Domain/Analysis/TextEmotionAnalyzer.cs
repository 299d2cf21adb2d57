using BeMore.Domain.Analysis.Insight;

namespace BeMore.Domain.Analysis;

/// <summary>How strongly modifiers change a lexicon hit.</summary>
public sealed record TextEmotionOptions
{
    public double IntensifierFactor { get; init; } = 1.5;

    public double DiminisherFactor { get; init; } = 0.6;

    /// <summary>A negated word ("not happy") counts for its opposite, but less surely than the plain opposite word.</summary>
    public double NegatedFactor { get; init; } = 0.6;

    /// <summary>How many words after "not"/"never"/"안" a negation still reaches, within one clause.</summary>
    public int NegationReach { get; init; } = 3;

    /// <summary>
    /// The trained classifier's share of the label probabilities when the lexicon found emotion words, divided by one plus
    /// their summed weight; the lexicon has the rest.
    /// </summary>
    public double ClassifierWeight { get; init; } = 0.8;

    /// <summary>Without emotion words, the classifier's reading is kept only from this probability; below it the text is neutral.</summary>
    public double ClassifierAlone { get; init; } = 0.5;
}

/// <summary>
/// Text emotion for English and Korean: a trained classifier (tools/BeMore.Insight.Training), which reads meaning
/// without emotion words ("I want to kill myself" is sadness), blended with a lexicon, which reads the emotion words
/// with their negation and intensity. English words are matched whole; Korean words (eojeol) by their stem prefix
/// ("슬퍼서", "슬펐는데" → "슬퍼"/"슬펐"), which normalizes away particles and endings without a morphological analyser.
/// A risk statement always reads as sadness or anxiety.
/// </summary>
public sealed class TextEmotionAnalyzer(TextEmotionOptions options, SentenceClassifier model)
{
    private static readonly Lazy<SentenceClassifier> ShippedModel = new(() => SentenceClassifier.LoadEmbedded(ModelFiles.Emotion));

    private readonly int[] _classOf = [.. Enum.GetValues<EmotionLabel>().Select(l => model.IndexOf(l.ToString().ToLowerInvariant()))];

    private const int LabelCount = 6;
    private const double ExclamationArousal = 0.05;

    /// <summary>"so very tired" and "a little bit sad" reach over a word or two, not across the clause.</summary>
    private const int ModifierReach = 2;

    public TextEmotionAnalyzer()
        : this(new TextEmotionOptions())
    {
    }

    public TextEmotionAnalyzer(TextEmotionOptions options)
        : this(options, ShippedModel.Value)
    {
    }

    public EmotionReading Analyze(string text, TextLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsLetter))
        {
            // An emoji or punctuation alone: no word the lexicon or the classifier knows, and the classifier, whose
            // n-gram counts are scaled to unit length, would read its start and end markers alone as a mood.
            return EmotionReading.NoEvidence;
        }

        var lang = language ?? TextLanguages.Detect(text);
        var tokens = WordTokenizer.Tokenize(text);
        Span<double> scores = stackalloc double[LabelCount];
        var boostedHits = 0;
        var wordsSinceNegation = int.MaxValue;
        var modifier = 1.0;
        var wordsSinceModifier = 0;
        var lastHit = (Label: EmotionLabel.Neutral, Weight: 0.0);

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var word = text.AsSpan(token.Start, token.Length);
            if (token.StartsClause)
            {
                wordsSinceNegation = int.MaxValue;
                modifier = 1.0;
            }

            if (EmotionLexicon.IsNegator(word, lang))
            {
                wordsSinceNegation = 0;
                continue;
            }

            if (EmotionLexicon.IsIntensifier(word, lang))
            {
                modifier = options.IntensifierFactor;
                wordsSinceModifier = 0;
                continue;
            }

            if (EmotionLexicon.IsDiminisher(word, lang))
            {
                modifier = options.DiminisherFactor;
                wordsSinceModifier = 0;
                continue;
            }

            if (++wordsSinceModifier > ModifierReach)
            {
                modifier = 1.0;
            }

            if (lang == TextLanguage.Korean && lastHit.Weight > 0 && EmotionLexicon.IsKoreanTrailingIntensifier(word))
            {
                // "배고파 죽겠다", "짜증나 미치겠어": the idiom intensifies the feeling before it.
                scores[(int)lastHit.Label] += lastHit.Weight * (options.IntensifierFactor - 1);
                boostedHits++;
                continue;
            }

            if (wordsSinceNegation != int.MaxValue)
            {
                wordsSinceNegation++;
            }

            if (!EmotionLexicon.TryMatch(word, lang, out var entry, out var stemLength))
            {
                continue;
            }

            var next = i + 1 < tokens.Count && !tokens[i + 1].StartsClause
                ? text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length)
                : [];
            var negated = wordsSinceNegation <= options.NegationReach
                || (lang == TextLanguage.Korean && EmotionLexicon.IsKoreanNegatedAfter(word[stemLength..], next));
            var label = negated ? Opposite(entry.Label) : entry.Label;
            var weight = entry.Weight * modifier * (negated ? options.NegatedFactor : 1.0);
            if (modifier > 1)
            {
                boostedHits++;
            }

            scores[(int)label] += weight;
            lastHit = (label, weight);
            modifier = 1.0;
        }

        var predicted = model.Predict(text);
        Span<double> blended = stackalloc double[LabelCount];
        var total = 0.0;
        for (var l = 0; l < LabelCount; l++)
        {
            total += scores[l];
        }

        // Without an emotion word the lexicon has nothing to say, and the classifier reads the sentence alone; the more
        // emotion words, the less the classifier's share ("I'm furious with him" is anger whatever else its words suggest).
        var classifierWeight = total > 0 ? options.ClassifierWeight / (1 + total) : 1;
        for (var l = 0; l < LabelCount; l++)
        {
            var lexicon = total > 0 ? scores[l] / total : 0;
            blended[l] = (classifierWeight * predicted[_classOf[l]]) + ((1 - classifierWeight) * lexicon);
        }

        // The surer reading of risk: the alert's second stage leans to recall, and its false alerts would turn joy to sadness.
        var risk = RiskDetector.StatesRisk(text, lang);
        if (total <= 0 && !risk && (MaxOf(blended) < options.ClassifierAlone || blended[(int)EmotionLabel.Neutral] >= MaxOf(blended)))
        {
            // Neither emotion words nor a sure reading of the meaning: no evidence, said the same way as before.
            return EmotionReading.NoEvidence;
        }

        if (risk)
        {
            // A risk statement is never neutral or pleasant, whatever its words: its weight goes to sadness unless fear leads.
            foreach (var label in (ReadOnlySpan<EmotionLabel>)[EmotionLabel.Neutral, EmotionLabel.Joy, EmotionLabel.Calm, EmotionLabel.Anger])
            {
                blended[(int)EmotionLabel.Sadness] += blended[(int)label];
                blended[(int)label] = 0;
            }
        }

        return Summarize(blended, total, boostedHits, CountExclamations(text));
    }

    private static double MaxOf(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    /// <param name="probabilities">The blended label probabilities.</param>
    /// <param name="evidence">How much lexicon evidence there was: more makes the reading stronger.</param>
    private static EmotionReading Summarize(ReadOnlySpan<double> probabilities, double evidence, int boostedHits, int exclamations)
    {
        var top = 0;
        for (var l = 1; l < LabelCount; l++)
        {
            if (probabilities[l] > probabilities[top])
            {
                top = l;
            }
        }

        double valence = 0, arousal = 0;
        for (var l = 0; l < LabelCount; l++)
        {
            var (v, a) = EmotionPrototypes.Of((EmotionLabel)l);
            valence += probabilities[l] * v;
            arousal += probabilities[l] * a;
        }

        // Emotion words make the reading stronger and surer; a sentence read for its meaning alone stays tentative.
        var strength = 1 - Math.Exp(-evidence);
        valence *= 0.6 + (0.4 * strength);
        var confidence = probabilities[top] * (0.5 + (0.5 * strength));
        arousal += (0.05 * boostedHits) + (ExclamationArousal * Math.Min(exclamations, 3));
        return new EmotionReading(
            (EmotionLabel)top,
            Math.Clamp(valence, -1, 1),
            Math.Clamp(arousal, 0, 1),
            Math.Clamp(confidence, 0.05, 0.95));
    }

    private static int CountExclamations(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is '!' or '！')
            {
                count++;
            }
        }

        return count;
    }

    private static EmotionLabel Opposite(EmotionLabel label) => label switch
    {
        EmotionLabel.Joy => EmotionLabel.Sadness,
        EmotionLabel.Calm => EmotionLabel.Anxiety,
        EmotionLabel.Anxiety or EmotionLabel.Sadness or EmotionLabel.Anger => EmotionLabel.Calm,
        _ => EmotionLabel.Neutral,
    };
}
