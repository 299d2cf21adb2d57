using System.Globalization;
using BeMore.Grains.Abstractions.Reports;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>The sections of the PDF report, in reading order; each writes what the report holds or says why it is empty.</summary>
internal static class ReportPdfSections
{
    private const string DefaultTitle = "Counseling session report";

    public const string RiskAlertNote =
        "Automated risk signals were raised in this session. They are not a diagnosis. If you or someone else may be " +
        "in danger, contact local emergency services or a crisis line now.";

    private const string AnalysisOffText = "Analysis was turned off for this session.";
    private const string NotStoredText = "(text not stored)";

    public static void Write(PdfReportWriter pdf, SessionReport report)
    {
        WriteHeader(pdf, report);
        WriteSession(pdf, report);
        WriteNarrative(pdf, report.Narrative);
        WriteOverall(pdf, report.Overall);
        WriteEmotion(pdf, report);
        WriteVoice(pdf, report);
        WriteDistortions(pdf, report);
        WriteInterventions(pdf, report);
        WriteRiskAlerts(pdf, report.RiskAlerts);
        WriteRecommendations(pdf, report.Recommendations);
        WriteFeedback(pdf, report.Feedback);
        WriteTranscript(pdf, report);
    }

    public static string TitleOf(SessionReport report) =>
        string.IsNullOrWhiteSpace(report.Title) ? DefaultTitle : report.Title;

    private static void WriteHeader(PdfReportWriter pdf, SessionReport report)
    {
        pdf.Title(TitleOf(report));
        pdf.Subtitle($"Session {report.SessionId}");
    }

    private static void WriteSession(PdfReportWriter pdf, SessionReport report)
    {
        pdf.Heading("Session");
        pdf.Field("Status", report.Status.ToString());
        pdf.Field("Started", FormatTime(report.StartedAt));
        pdf.Field("Ended", report.EndedAt is { } endedAt ? FormatTime(endedAt) : "not ended");
        pdf.Field("Active time", FormatDuration(report.ActiveDurationMs));
        pdf.Field("Paused time", FormatDuration(report.PausedDurationMs));
        pdf.Field("Words spoken", FormatInteger(report.Transcript.WordCount));
    }

    private static void WriteNarrative(PdfReportWriter pdf, NarrativeSummary? narrative)
    {
        if (narrative is null)
        {
            return;
        }

        pdf.Heading("Summary");
        pdf.Paragraph(narrative.Text);
    }

    private static void WriteOverall(PdfReportWriter pdf, OverallAssessment overall)
    {
        pdf.Heading("Overall assessment");
        pdf.Field("Risk", $"{overall.RiskLevel} ({FormatInteger(overall.RiskScore)} / 100)");
        WriteBullets(pdf, overall.Observations, "No observations.");
    }

    private static void WriteEmotion(PdfReportWriter pdf, SessionReport report)
    {
        pdf.Heading("Emotions");
        if (report.Emotion.Distribution.Count == 0)
        {
            pdf.Muted(report.Consent.Analysis ? "No emotion readings." : AnalysisOffText);
            return;
        }

        pdf.Field("Dominant", report.Emotion.Dominant ?? "-");
        pdf.Field("Readings", FormatInteger(report.Emotion.Timeline.Count));
        foreach (var (label, share) in report.Emotion.Distribution.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal))
        {
            pdf.Bar(label, share);
        }
    }

    private static void WriteVoice(PdfReportWriter pdf, SessionReport report)
    {
        var voice = report.Voice;
        pdf.Heading("Voice");
        pdf.Field("Speech ratio", FormatPercent(voice.SpeechRatio));
        pdf.Field("Utterances", FormatInteger(voice.UtteranceCount));
        pdf.Field("Average utterance", FormatSeconds(voice.AvgUtteranceMs));
        pdf.Field("Average pause", FormatSeconds(voice.AvgPauseMs));
        pdf.Field("Longest pause", FormatSeconds(voice.LongestPauseMs));
        pdf.Field("Speech rate", FormatNumber(voice.SpeechRateWpm, "0.#") + " words/min");
    }

    private static void WriteDistortions(PdfReportWriter pdf, SessionReport report)
    {
        pdf.Heading("Cognitive distortions");
        if (report.Distortions.Count == 0)
        {
            pdf.Muted(report.Consent.Analysis ? "None detected." : AnalysisOffText);
            return;
        }

        foreach (var finding in report.Distortions)
        {
            pdf.Bullet($"{finding.Type}: {finding.Severity} severity, confidence {FormatPercent(finding.Confidence)}");
            pdf.Entry($"evidence #{FormatInteger(finding.Evidence.Seq)}", finding.Evidence.Text ?? NotStoredText);
        }
    }

    private static void WriteInterventions(PdfReportWriter pdf, SessionReport report)
    {
        pdf.Heading("Interventions");
        if (report.Interventions.Count == 0)
        {
            pdf.Muted(report.Consent.Analysis ? "None offered." : AnalysisOffText);
            return;
        }

        foreach (var intervention in report.Interventions)
        {
            var difficulty = intervention.Difficulty is null ? string.Empty : $", {intervention.Difficulty}";
            pdf.Bullet($"{intervention.Kind} for {intervention.DistortionType}{difficulty} ({FormatTime(intervention.At)})");
            pdf.Entry(string.Empty, intervention.Text);
        }
    }

    private static void WriteRiskAlerts(PdfReportWriter pdf, IReadOnlyList<RiskAlertEntry> alerts)
    {
        pdf.Heading("Risk alerts");
        if (alerts.Count == 0)
        {
            pdf.Muted("No risk alerts.");
            return;
        }

        pdf.Note(RiskAlertNote);
        foreach (var alert in alerts)
        {
            pdf.Bullet($"{FormatTime(alert.At)}: level {alert.Level}, transcript segment #{FormatInteger(alert.SegmentSeq)}");
        }
    }

    private static void WriteRecommendations(PdfReportWriter pdf, IReadOnlyList<string> recommendations)
    {
        pdf.Heading("Recommendations");
        WriteBullets(pdf, recommendations, "No recommendations.");
    }

    private static void WriteFeedback(PdfReportWriter pdf, FeedbackEntry? feedback)
    {
        pdf.Heading("Feedback");
        if (feedback is null)
        {
            pdf.Muted("No feedback given.");
            return;
        }

        pdf.Field("Rating", $"{FormatInteger(feedback.Rating)} / 5");
        pdf.Field("Given", FormatTime(feedback.At));
        if (!string.IsNullOrWhiteSpace(feedback.Comment))
        {
            pdf.Field("Comment", feedback.Comment);
        }
    }

    /// <summary>On its own pages: it is the longest part and reads best uninterrupted.</summary>
    private static void WriteTranscript(PdfReportWriter pdf, SessionReport report)
    {
        pdf.NewPage();
        pdf.Heading("Transcript");
        if (!report.Consent.StoreTranscript)
        {
            pdf.Muted("The transcript text was not stored for this session (consent).");
            return;
        }

        if (report.Transcript.Segments.Count == 0)
        {
            pdf.Muted("No transcript.");
            return;
        }

        foreach (var line in report.Transcript.Segments)
        {
            pdf.Entry($"{FormatOffset(line.StartMs)}  {line.Language}", line.Text ?? NotStoredText);
        }
    }

    private static void WriteBullets(PdfReportWriter pdf, IReadOnlyList<string> items, string emptyText)
    {
        if (items.Count == 0)
        {
            pdf.Muted(emptyText);
            return;
        }

        foreach (var item in items)
        {
            pdf.Bullet(item);
        }
    }

    private static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string FormatDuration(long milliseconds)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);
        return duration.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m {duration.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m {duration.Seconds:00}s");
    }

    /// <summary>Position in the session's audio, e.g. 03:07 or 1:03:07.</summary>
    private static string FormatOffset(long milliseconds)
    {
        var offset = TimeSpan.FromMilliseconds(milliseconds);
        return offset.TotalHours >= 1
            ? offset.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : offset.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
    }

    private static string FormatSeconds(double milliseconds) => FormatNumber(milliseconds / 1000, "0.0") + " s";

    private static string FormatPercent(double share) => FormatNumber(share * 100, "0") + "%";

    private static string FormatNumber(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string FormatInteger(long value) => value.ToString(CultureInfo.InvariantCulture);
}
