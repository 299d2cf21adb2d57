using System.Globalization;
using System.Text;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Sessions;
using Microsoft.Extensions.AI;

namespace BeMore.Domain.Analysis.Llm;

/// <summary>
/// What BeMore asks the LLM and how it reads the answers. An answer that is not in the expected shape is treated as
/// a failure (null), so the local result stands rather than whatever the model said.
/// </summary>
public static class LlmPrompts
{
    public const int MaxQuestionLength = 300;
    public const int MaxNarrativeLength = 2000;

    private static readonly string LabelList = string.Join(", ", Enum.GetValues<EmotionLabel>().Select(Code));

    public static IList<ChatMessage> EmotionLabel(string text) =>
    [
        new(ChatRole.System,
            "You classify the emotion of one utterance from a counseling session (Korean or English). " +
            $"Answer with exactly one word from this list and nothing else: {LabelList}."),
        new(ChatRole.User, text),
    ];

    public static IList<ChatMessage> SocraticQuestion(DistortionType type, TextLanguage language, string utterance, string catalogQuestion) =>
    [
        new(ChatRole.System,
            "You assist a cognitive behavioural therapy session. The client's utterance shows the cognitive distortion " +
            $"'{type.ToCode().Replace('_', ' ')}'. Write one short, gentle Socratic question (at most 30 words) in " +
            $"{(language == TextLanguage.Korean ? "Korean" : "English")} that helps the client examine that thought. " +
            $"Do not diagnose or give advice. An example of the style: \"{catalogQuestion}\". Answer with the question only."),
        new(ChatRole.User, utterance),
    ];

    /// <summary>Only the report's aggregate facts are sent, never transcript text.</summary>
    public static IList<ChatMessage> Narrative(SessionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var facts = new StringBuilder();
        facts.AppendLine(CultureInfo.InvariantCulture, $"Active minutes: {report.ActiveDurationMs / 60_000.0:F1}");
        facts.AppendLine(CultureInfo.InvariantCulture, $"Transcript segments: {report.Transcript.Segments.Count}, words: {report.Transcript.WordCount}");
        facts.AppendLine(CultureInfo.InvariantCulture, $"Dominant emotion: {report.Emotion.Dominant ?? "unknown"}");
        facts.AppendLine(CultureInfo.InvariantCulture,
            $"Emotion distribution: {string.Join(", ", report.Emotion.Distribution.Select(p => $"{p.Key} {p.Value:P0}"))}");
        facts.AppendLine(CultureInfo.InvariantCulture,
            $"Cognitive distortions: {string.Join(", ", report.Distortions.GroupBy(d => d.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key.Replace('_', ' ')} x{g.Count()}"))}");
        facts.AppendLine(CultureInfo.InvariantCulture, $"Interventions offered: {report.Interventions.Count}");
        facts.AppendLine(CultureInfo.InvariantCulture, $"Risk level: {report.Overall.RiskLevel}");
        return
        [
            new(ChatRole.System,
                "Write a warm, plain-language summary of a counseling session for the client, in English, 3 to 5 sentences. " +
                "Use only the facts given; do not diagnose; if the risk level is elevated or high, encourage contacting a crisis " +
                "line or a professional. Answer with the summary only."),
            new(ChatRole.User, facts.ToString()),
        ];
    }

    /// <summary>The usable part of an answer for <paramref name="kind"/>, or null when the answer is not usable.</summary>
    public static string? Read(RefinementKind kind, string? answer)
    {
        var text = answer?.Trim().Trim('"', '\'', '“', '”', '`').Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return kind switch
        {
            RefinementKind.EmotionLabel => ReadLabel(text) is { } label ? Code(label) : null,
            RefinementKind.SocraticQuestion =>
                text.Length <= MaxQuestionLength && !text.Contains('\n', StringComparison.Ordinal) && (text.EndsWith('?') || text.EndsWith('？')) ? text : null,
            _ => text.Length <= MaxNarrativeLength ? text : null,
        };
    }

    /// <summary>A label code (joy, calm, neutral, anxiety, sadness, anger), tolerating case and trailing punctuation.</summary>
    public static EmotionLabel? ReadLabel(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = text.Trim().TrimEnd('.', '!', ',').Trim();
        return Enum.GetValues<EmotionLabel>().Where(label => string.Equals(Code(label), word, StringComparison.OrdinalIgnoreCase)).Select(l => (EmotionLabel?)l).FirstOrDefault();
    }

    private static string Code(EmotionLabel label) => label.ToString().ToLowerInvariant();
}
