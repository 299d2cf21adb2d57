using System.Collections.Frozen;
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

    /// <summary>The trained classifier's share of the label probabilities when the lexicon found emotion words, which have the rest.</summary>
    public double ClassifierWeight { get; init; } = 0.35;

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

        // Without an emotion word the lexicon has nothing to say, and the classifier reads the sentence alone.
        var classifierWeight = total > 0 ? options.ClassifierWeight : 1;
        for (var l = 0; l < LabelCount; l++)
        {
            var lexicon = total > 0 ? scores[l] / total : 0;
            blended[l] = (classifierWeight * predicted[_classOf[l]]) + ((1 - classifierWeight) * lexicon);
        }

        var risk = RiskDetector.Assess(text, lang).Level != RiskLevel.None;
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

/// <summary>A word's place in the analysed text; <see cref="StartsClause"/> when punctuation came before it.</summary>
internal readonly record struct WordToken(int Start, int Length, bool StartsClause);

internal static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text)
    {
        var tokens = new List<WordToken>(text.Length / 4);
        var start = -1;
        var clauseBreak = true;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && IsWordChar(text[i]);
            if (isWordChar)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                tokens.Add(new WordToken(start, i - start, clauseBreak));
                start = -1;
                clauseBreak = false;
            }

            if (i < text.Length && IsClausePunctuation(text[i]))
            {
                clauseBreak = true;
            }
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’';

    private static bool IsClausePunctuation(char c) => c is '.' or ',' or '!' or '?' or ';' or ':' or '…' or '。' or '！' or '？';
}

internal readonly record struct LexiconEntry(EmotionLabel Label, double Weight);

internal static class EmotionLexicon
{
    private const int LongestKoreanStem = 5;

    private static readonly FrozenDictionary<string, LexiconEntry> English = BuildEnglish();
    private static readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup =
        English.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, LexiconEntry> KoreanStems = BuildKorean();
    private static readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> KoreanLookup =
        KoreanStems.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> EnglishNegators = Set(StringComparer.OrdinalIgnoreCase,
        "not", "no", "never", "without", "hardly", "barely", "nothing", "nobody", "neither", "nor", "cannot");

    private static readonly FrozenSet<string> EnglishIntensifiers = Set(StringComparer.OrdinalIgnoreCase,
        "very", "so", "really", "extremely", "too", "super", "incredibly", "totally", "completely", "terribly",
        "absolutely", "utterly", "deeply", "truly", "awfully", "insanely");

    private static readonly FrozenSet<string> EnglishDiminishers = Set(StringComparer.OrdinalIgnoreCase,
        "slightly", "somewhat", "kinda", "kind", "sort", "sorta", "bit", "little", "mildly", "fairly", "rather");

    private static readonly FrozenSet<string> KoreanNegators = Set(StringComparer.Ordinal, "안", "못", "전혀", "안한", "안해");

    private static readonly FrozenSet<string> KoreanIntensifiers = Set(StringComparer.Ordinal,
        "너무", "정말", "진짜", "아주", "매우", "엄청", "완전", "되게", "넘", "몹시", "무척", "굉장히", "진심",
        "너무너무", "정말로", "진짜로", "엄청나게", "많이", "참", "대단히", "극도로");

    private static readonly FrozenSet<string> KoreanDiminishers = Set(StringComparer.Ordinal,
        "좀", "조금", "약간", "살짝", "다소", "별로", "그럭저럭");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishNegatorLookup = EnglishNegators.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishIntensifierLookup = EnglishIntensifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishDiminisherLookup = EnglishDiminishers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KoreanNegatorLookup = KoreanNegators.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KoreanIntensifierLookup = KoreanIntensifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KoreanDiminisherLookup = KoreanDiminishers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsNegator(ReadOnlySpan<char> word, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanNegatorLookup.Contains(word)
        : EnglishNegatorLookup.Contains(word) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase);

    public static bool IsIntensifier(ReadOnlySpan<char> word, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanIntensifierLookup.Contains(word)
        : EnglishIntensifierLookup.Contains(word);

    public static bool IsDiminisher(ReadOnlySpan<char> word, TextLanguage language) => language == TextLanguage.Korean
        ? KoreanDiminisherLookup.Contains(word)
        : EnglishDiminisherLookup.Contains(word);

    public static bool IsKoreanTrailingIntensifier(ReadOnlySpan<char> word) =>
        word.StartsWith("죽겠", StringComparison.Ordinal) || word.StartsWith("미치겠", StringComparison.Ordinal)
        || word.StartsWith("죽을", StringComparison.Ordinal);

    /// <summary>"행복하지 않아", "슬프진 않아", "걱정없어", "걱정 없어": negation that follows the Korean stem.</summary>
    public static bool IsKoreanNegatedAfter(ReadOnlySpan<char> ending, ReadOnlySpan<char> nextWord)
    {
        if (ending.Contains("지않", StringComparison.Ordinal) || ending.Contains("지못", StringComparison.Ordinal)
            || ending.Contains("없", StringComparison.Ordinal))
        {
            return true;
        }

        var endsLikeNegatableForm = ending.EndsWith('지') || ending.EndsWith("진", StringComparison.Ordinal)
            || ending.EndsWith("지는", StringComparison.Ordinal) || ending.EndsWith("지도", StringComparison.Ordinal);
        return (endsLikeNegatableForm && (nextWord.StartsWith('않') || nextWord.StartsWith('못')))
            || nextWord.StartsWith('없');
    }

    public static bool TryMatch(ReadOnlySpan<char> word, TextLanguage language, out LexiconEntry entry, out int stemLength)
    {
        if (language == TextLanguage.English)
        {
            stemLength = word.Length;
            return EnglishLookup.TryGetValue(word, out entry);
        }

        for (var length = Math.Min(word.Length, LongestKoreanStem); length >= 1; length--)
        {
            if (KoreanLookup.TryGetValue(word[..length], out entry))
            {
                stemLength = length;
                return true;
            }
        }

        entry = default;
        stemLength = 0;
        return false;
    }

    private static FrozenSet<string> Set(StringComparer comparer, params string[] words) => words.ToFrozenSet(comparer);

    private static FrozenDictionary<string, LexiconEntry> BuildEnglish()
    {
        var entries = new Dictionary<string, LexiconEntry>(StringComparer.OrdinalIgnoreCase);
        Add(entries, EmotionLabel.Joy, 1.0, "happy", "happier", "happiest", "happiness", "joy", "joyful", "glad", "delighted", "thrilled", "excited", "exciting", "ecstatic", "cheerful", "elated", "overjoyed");
        Add(entries, EmotionLabel.Joy, 0.8, "love", "loved", "loving", "wonderful", "amazing", "awesome", "fantastic", "great", "proud", "grateful", "thankful", "fun", "enjoyed", "enjoy", "enjoying", "pleased");
        Add(entries, EmotionLabel.Joy, 0.5, "good", "nice", "better");
        Add(entries, EmotionLabel.Calm, 1.0, "calm", "relaxed", "peaceful", "serene", "tranquil", "relieved", "contented");
        Add(entries, EmotionLabel.Calm, 0.6, "comfortable", "safe", "rested", "okay", "ok", "fine", "steady", "balanced");
        Add(entries, EmotionLabel.Anxiety, 1.0, "anxious", "anxiety", "worried", "worry", "worrying", "nervous", "scared", "afraid", "frightened", "terrified", "panic", "panicking", "panicked", "fear", "fearful", "dread", "uneasy");
        Add(entries, EmotionLabel.Anxiety, 0.8, "stressed", "stress", "stressful", "overwhelmed", "tense", "restless", "insecure", "jittery", "on-edge");
        Add(entries, EmotionLabel.Sadness, 1.0, "sad", "sadness", "unhappy", "depressed", "depressing", "miserable", "heartbroken", "hopeless", "lonely", "devastated", "grief", "grieving", "despair", "gloomy");
        Add(entries, EmotionLabel.Sadness, 0.8, "cry", "cried", "crying", "tears", "hurt", "disappointed", "exhausted", "gutted");
        Add(entries, EmotionLabel.Sadness, 0.5, "tired", "bad", "awful", "terrible");
        Add(entries, EmotionLabel.Anger, 1.0, "angry", "anger", "furious", "mad", "rage", "enraged", "livid", "outraged", "hate", "hated", "resent", "resentful");
        Add(entries, EmotionLabel.Anger, 0.8, "annoyed", "annoying", "irritated", "irritating", "frustrated", "frustrating", "pissed", "bitter");
        return entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenDictionary<string, LexiconEntry> BuildKorean()
    {
        var stems = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        Add(stems, EmotionLabel.Joy, 1.0, "행복", "기쁘", "기뻐", "기뻤", "기쁨", "기쁜", "신나", "신났", "신난", "신이", "뿌듯", "즐겁", "즐거", "설레", "설렜", "설렌");
        Add(stems, EmotionLabel.Joy, 0.7, "좋아", "좋았", "좋다", "좋네", "좋고", "좋은", "좋더", "만족", "재미있", "재밌", "사랑", "최고", "고마", "고맙", "감사");
        Add(stems, EmotionLabel.Calm, 1.0, "편안", "평온", "차분", "안심", "홀가분", "후련", "느긋");
        Add(stems, EmotionLabel.Calm, 0.7, "편해", "편하", "편했", "여유", "안정", "다행", "개운", "담담", "괜찮");
        Add(stems, EmotionLabel.Anxiety, 1.0, "불안", "초조", "두렵", "두려", "무서", "무섭", "공포", "조마조마", "패닉");
        Add(stems, EmotionLabel.Anxiety, 0.8, "걱정", "긴장", "겁이", "겁나서", "떨려", "떨리", "스트레스", "막막", "조급", "불편");
        Add(stems, EmotionLabel.Sadness, 1.0, "슬프", "슬퍼", "슬펐", "슬픔", "슬픈", "우울", "외롭", "외로", "쓸쓸", "비참", "절망", "서럽", "서러", "속상");
        Add(stems, EmotionLabel.Sadness, 0.7, "허전", "공허", "서운", "눈물", "울었", "울고", "울어", "울컥", "힘들", "힘든", "힘드", "힘들었", "지쳐", "지쳤", "지친", "괴롭", "괴로", "허무", "실망", "후회", "그리워", "그리웠", "아쉽", "아쉬");
        Add(stems, EmotionLabel.Sadness, 0.4, "피곤");
        Add(stems, EmotionLabel.Anger, 1.0, "화나", "화났", "화난", "화내", "열받", "빡치", "빡쳐", "분노", "괘씸", "증오");
        Add(stems, EmotionLabel.Anger, 0.8, "화가", "짜증", "분하", "분해", "억울", "미워", "밉", "원망", "어이없", "싫어", "싫다", "싫었", "싫은", "답답");
        return stems.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, LexiconEntry> entries, EmotionLabel label, double weight, params string[] words)
    {
        foreach (var word in words)
        {
            entries.Add(word, new LexiconEntry(label, weight));
        }
    }
}
