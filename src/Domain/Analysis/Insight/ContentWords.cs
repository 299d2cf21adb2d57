using System.Collections.Frozen;
using System.Text;

namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// The words of a sentence the risk classifier reads: its content words, lower-cased, without pronouns, auxiliaries,
/// prepositions, fillers and the conversational openings that risk statements share with everyday talk ("I want to",
/// "I've been thinking about", "sorry, one more thing", "…하고 싶어요", "…생각 중이에요"). A model trained on whole sentences
/// learned those openings as risk (issue 15: "I want to talk about my week" alerted). Negations stay: they carry denials.
/// Korean particles are cut from the end of each word so a stem reads the same with any of them.
/// </summary>
public static class ContentWords
{
    private static readonly FrozenSet<string> EnglishFunctionWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "so", "if", "then", "than", "that", "this", "these", "those", "there", "as",
        "i", "me", "my", "mine", "you", "your", "yours", "we", "us", "our", "they", "them", "their", "he", "him", "his",
        "she", "her", "it", "its", "im", "ive", "id", "ill", "youre", "its", "thats", "theres", "whats", "lets",
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "going", "gonna", "wanna", "gotta",
        "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "onto", "over", "up", "off",
        "what", "which", "who", "whom", "whose", "why", "where", "when",
        "just", "really", "very", "too", "also", "still", "even", "again", "like", "um", "uh", "uhh", "umm", "hmm", "oh", "ah",
        "well", "okay", "ok", "yeah", "yes", "sorry", "honestly", "actually", "basically", "literally", "kind", "sort",
        "kinda", "sorta", "maybe", "guess", "mean", "know", "idk", "tbh", "lol", "anyway", "though", "pretty", "quite",
        "want", "wants", "wanted", "think", "thinks", "thinking", "thought", "thoughts", "talk", "talking", "tell", "telling",
        "say", "saying", "said", "thing", "things", "stuff", "something", "anything", "one", "more", "lot", "lots", "some",
        "get", "gets", "got", "getting", "keep", "keeps", "kept", "been", "meaning", "feel", "feels", "feeling", "bit",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> KoreanFunctionWords = FrozenSet.ToFrozenSet(
    [
        "그냥", "진짜", "정말", "좀", "너무", "완전", "막", "아", "음", "어", "그", "이", "저", "저기", "약간", "뭔가", "사실", "솔직히",
        "근데", "그런데", "그리고", "그래서", "하지만", "요즘", "제가", "저는", "저도", "전", "나는", "난", "내가", "나도", "나", "제",
        "내", "우리", "죄송한데", "죄송해요", "죄송하지만", "그게", "이게", "거", "것", "수", "때", "계속", "자꾸", "하나만", "또",
        "하고", "해요", "했어요", "할게요", "해", "했어", "하는", "하다", "한", "할", "있어요", "있어", "있었어요", "있는", "있다",
        "같아요", "같아", "같은", "거예요", "거에요", "돼요", "되는", "됐어요", "중이에요", "중이야", "중", "말", "얘기", "이야기",
        "말씀", "드리고", "드릴게요", "해서", "하면",
    ], StringComparer.Ordinal);

    /// <summary>Word beginnings that are wanting, thinking or saying in any ending ("싶어요", "생각하고", "얘기하고").</summary>
    private static readonly string[] KoreanFunctionStems = ["싶", "생각", "얘기", "이야기", "말하", "말씀"];

    /// <summary>Particles, longest first; one is cut from a word's end when a stem is left.</summary>
    private static readonly string[] KoreanParticles =
    [
        "에서는", "에게서", "한테서", "으로는", "이랑", "에서", "에게", "한테", "까지", "부터", "보다", "처럼", "으로",
        "은", "는", "을", "를", "도", "만", "의", "랑", "로", "에", "이", "가",
    ];

    public static string Of(string text, TextLanguage language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new StringBuilder(text.Length);
        var korean = language == TextLanguage.Korean;
        foreach (var token in Tokens(text))
        {
            var word = korean ? KoreanContent(token) : EnglishContent(token);
            if (word is not null)
            {
                words.Append(words.Length == 0 ? "" : " ").Append(word);
            }
        }

        return words.ToString();
    }

    /// <summary>A contraction reads as its content: "don't" as "not", "wife's" as "wife", "I've" as nothing.</summary>
    private static string? EnglishContent(string token)
    {
        if (token.EndsWith("n't", StringComparison.Ordinal))
        {
            return "not";
        }

        var apostrophe = token.IndexOf('\'', StringComparison.Ordinal);
        var word = apostrophe > 0 ? token[..apostrophe] : token.Replace("'", "", StringComparison.Ordinal);
        var joined = token.Replace("'", "", StringComparison.Ordinal);
        return word.Length == 0 || EnglishFunctionWords.Contains(word) || EnglishFunctionWords.Contains(joined) ? null : word;
    }

    private static string? KoreanContent(string token)
    {
        if (KoreanFunctionWords.Contains(token) || KoreanFunctionStems.Any(s => token.StartsWith(s, StringComparison.Ordinal)))
        {
            return null;
        }

        foreach (var particle in KoreanParticles)
        {
            // One-syllable particles that are also word endings (이, 가, 에) are cut only from longer words: 같이, 많이 stay.
            var minimum = particle.Length == 1 && particle is "이" or "가" or "에" ? 3 : particle.Length + 1;
            if (token.Length >= minimum && token.EndsWith(particle, StringComparison.Ordinal))
            {
                var stem = token[..^particle.Length];
                return KoreanFunctionWords.Contains(stem) ? null : stem;
            }
        }

        return token;
    }

    /// <summary>Lower-cased runs of letters, digits and apostrophes (either kind), as the featurizer would see them.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var token = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                token.Append(char.ToLowerInvariant(c));
            }
            else if ((c is '\'' or '’') && token.Length > 0)
            {
                token.Append('\'');
            }
            else if (token.Length > 0)
            {
                yield return token.ToString().TrimEnd('\'');
                token.Clear();
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString().TrimEnd('\'');
        }
    }
}
