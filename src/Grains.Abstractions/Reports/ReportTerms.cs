using System.Collections.Frozen;
using BeMore.Grains.Abstractions.Localization;

namespace BeMore.Grains.Abstractions.Reports;

/// <summary>
/// The report's language codes, and its codes (distortion types, emotion labels, risk levels, severities, intervention
/// kinds, difficulties) as the words a reader sees, in the prose and in the PDF alike: in English the code itself, in
/// Korean a word. The JSON and CSV keep the codes.
/// </summary>
public static class ReportTerms
{
    public const string English = "en";
    public const string Korean = "ko";

    private static readonly FrozenDictionary<string, LocalizedText> Words = new (string Code, string Korean)[]
    {
        ("all_or_nothing", "흑백 논리"),
        ("catastrophizing", "파국화"),
        ("disqualifying_the_positive", "긍정 격하"),
        ("emotional_reasoning", "감정적 추론"),
        ("jumping_to_conclusions", "성급한 결론"),
        ("labeling", "낙인찍기"),
        ("magnification", "과장"),
        ("mental_filter", "정신적 여과"),
        ("overgeneralization", "과잉 일반화"),
        ("should_statements", "당위적 사고"),
        ("neutral", "중립"),
        ("joy", "기쁨"),
        ("calm", "평온"),
        ("anxiety", "불안"),
        ("sadness", "슬픔"),
        ("anger", "분노"),
        ("none", "없음"),
        ("low", "낮음"),
        ("medium", "중간"),
        ("elevated", "높아짐"),
        ("high", "높음"),
        ("question", "질문"),
        ("task", "과제"),
        ("easy", "쉬움"),
        ("hard", "어려움"),
    }.ToFrozenDictionary(term => term.Code, term => new LocalizedText(term.Code, term.Korean), StringComparer.Ordinal);

    /// <summary>The word for <paramref name="code"/> in <paramref name="language"/>; an unknown code is shown as it is.</summary>
    public static string Word(string code, string language) => Words.TryGetValue(code, out var word) ? word.In(language) : code;
}
