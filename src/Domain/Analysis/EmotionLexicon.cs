using System.Collections.Frozen;

namespace BeMore.Domain.Analysis;

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
