using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Localization;
using BeMore.Grains.Sessions;

namespace BeMore.Grains.Counseling;

/// <summary>
/// The counselor's own replies, with no LLM: it says back what it heard (the emotion, the thinking pattern), then asks
/// the catalog's Socratic question for that pattern (or an open question), in the user's language. One composer serves
/// one session and does not repeat a sentence until its list is used up, so the conversation does not sound canned.
/// Two or three short sentences, like a person's turn.
/// </summary>
public sealed class LocalReplyComposer(int seed = 0)
{
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);
    private int _replies;

    /// <summary>The fixed safety reply with the crisis line it was given (already in the language): never composed, never varied.</summary>
    public static string Safety(TextLanguage language, string crisisLine)
    {
        var code = language.ToCode();
        return $"{SafetyTexts.Reply.In(code)} {crisisLine} {SafetyTexts.Question.In(code)}";
    }

    /// <summary>The reply to <paramref name="turn"/>; the safety reply when the turn raised a risk alert.</summary>
    public string Compose(CounselorTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Language == "ko" ? TextLanguage.Korean : TextLanguage.English;
        return turn.RiskRaised
            ? Safety(language, turn.CrisisLine)
            : Compose(language, turn.Emotion, turn.Distortion is { } code && DistortionTypeCodes.TryParse(code, out var type) ? type : null);
    }

    public string Compose(TextLanguage language, string? emotion, DistortionType? distortion)
    {
        _replies++;
        var sentences = new List<string>(3);
        // Good news and a harsh thought do not go together: a thought to examine is not met with "glad to hear it".
        var voiced = emotion is "anxiety" or "sadness" or "anger" || (emotion == "joy" && distortion is null);
        if (voiced || distortion is null)
        {
            var key = LocalReplyTexts.Openers.ContainsKey(emotion ?? "") ? emotion! : "neutral";
            sentences.Add(Take($"open:{key}", LocalReplyTexts.Openers[key], language));
        }

        if (distortion is { } type)
        {
            sentences.Add(Take($"reflect:{type}", LocalReplyTexts.Reflections[type], language));
            if (!voiced && _replies % 2 == 0)
            {
                sentences.Add(Take("bridge", LocalReplyTexts.Bridges, language));
            }

            var questions = InterventionCatalog.Questions(type, language);
            sentences.Add(questions[Next($"ask:{type}", questions.Count)]);
        }
        else
        {
            sentences.Add(emotion == "joy"
                ? Take("ask:good", LocalReplyTexts.GoodNewsQuestions, language)
                : Take("ask:open", LocalReplyTexts.OpenQuestions, language));
        }

        return string.Join(' ', sentences);
    }

    /// <summary>The next sentence of a list, in <paramref name="language"/>.</summary>
    private string Take(string list, IReadOnlyList<LocalizedText> options, TextLanguage language) =>
        options[Next(list, options.Count)].In(language.ToCode());

    /// <summary>The next place in a list of <paramref name="count"/>, going round it from a per-session starting point.</summary>
    private int Next(string list, int count)
    {
        var index = _next.TryGetValue(list, out var next) ? next : StableHash(list) % count;
        _next[list] = index + 1;
        return index % count;
    }

    private int StableHash(string text) => text.Aggregate(seed, (hash, c) => unchecked((hash * 31) + c)) & int.MaxValue;
}
