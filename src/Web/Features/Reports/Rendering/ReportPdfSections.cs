using System.Globalization;
using BeMore.Grains.Abstractions.Reports;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>The sections of the PDF report, in reading order; each writes what the report holds or says why it is empty.</summary>
internal static class ReportPdfSections
{
    public static void Write(PdfReportWriter pdf, SessionReport report)
    {
        var texts = ReportPdfTexts.For(report.Language);
        WriteHeader(pdf, texts, report);
        WriteSession(pdf, texts, report);
        WriteNarrative(pdf, texts, report.Narrative);
        WriteOverall(pdf, texts, report.Overall);
        WriteEmotion(pdf, texts, report);
        WriteVoice(pdf, texts, report);
        WriteDistortions(pdf, texts, report);
        WriteInterventions(pdf, texts, report);
        WriteRiskAlerts(pdf, texts, report.RiskAlerts);
        WriteRecommendations(pdf, texts, report.Recommendations);
        WriteFeedback(pdf, texts, report.Feedback);
        WriteConversation(pdf, texts, report);
        WriteTranscript(pdf, texts, report);
    }

    public static string TitleOf(SessionReport report) =>
        string.IsNullOrWhiteSpace(report.Title) ? ReportPdfTexts.For(report.Language).DefaultTitle : report.Title;

    private static void WriteHeader(PdfReportWriter pdf, ReportPdfTexts texts, SessionReport report)
    {
        pdf.Title(TitleOf(report));
        pdf.Subtitle(texts.SessionNumber(report.SessionId));
    }

    private static void WriteSession(PdfReportWriter pdf, ReportPdfTexts texts, SessionReport report)
    {
        pdf.Heading(texts.SessionHeading);
        pdf.Field(texts.Status, texts.StatusName(report.Status));
        pdf.Field(texts.Started, FormatTime(report.StartedAt));
        pdf.Field(texts.Ended, report.EndedAt is { } endedAt ? FormatTime(endedAt) : texts.NotEnded);
        pdf.Field(texts.ActiveTime, FormatDuration(texts, report.ActiveDurationMs));
        pdf.Field(texts.PausedTime, FormatDuration(texts, report.PausedDurationMs));
        pdf.Field(texts.WordsSpoken, FormatInteger(report.Transcript.WordCount));
    }

    private static void WriteNarrative(PdfReportWriter pdf, ReportPdfTexts texts, NarrativeSummary? narrative)
    {
        if (narrative is null)
        {
            return;
        }

        pdf.Heading(texts.SummaryHeading);
        pdf.Paragraph(narrative.Text);
    }

    private static void WriteOverall(PdfReportWriter pdf, ReportPdfTexts texts, OverallAssessment overall)
    {
        pdf.Heading(texts.OverallHeading);
        pdf.Field(texts.Risk, $"{texts.Term(overall.RiskLevel)} ({FormatInteger(overall.RiskScore)} / 100)");
        WriteBullets(pdf, overall.Observations, texts.NoObservations);
    }

    private static void WriteEmotion(PdfReportWriter pdf, ReportPdfTexts texts, SessionReport report)
    {
        pdf.Heading(texts.EmotionsHeading);
        if (report.Emotion.Distribution.Count == 0)
        {
            pdf.Muted(report.Consent.Analysis ? texts.NoEmotionReadings : texts.AnalysisOff);
            return;
        }

        pdf.Field(texts.Dominant, report.Emotion.Dominant is { } dominant ? texts.Term(dominant) : "-");
        pdf.Field(texts.Readings, FormatInteger(report.Emotion.Timeline.Count));
        foreach (var (label, share) in report.Emotion.Distribution.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal))
        {
            pdf.Bar(texts.Term(label), share);
        }
    }

    private static void WriteVoice(PdfReportWriter pdf, ReportPdfTexts texts, SessionReport report)
    {
        var voice = report.Voice;
        pdf.Heading(texts.VoiceHeading);
        pdf.Field(texts.SpeechRatio, FormatPercent(voice.SpeechRatio));
        pdf.Field(texts.Utterances, FormatInteger(voice.UtteranceCount));
        pdf.Field(texts.AverageUtterance, FormatSeconds(texts, voice.AvgUtteranceMs));
        pdf.Field(texts.AveragePause, FormatSeconds(texts, voice.AvgPauseMs));
        pdf.Field(texts.LongestPause, FormatSeconds(texts, voice.LongestPauseMs));
        pdf.Field(texts.SpeechRate, texts.WordsPerMinute(FormatNumber(voice.SpeechRateWpm, "0.#")));
    }

    private static void WriteDistortions(PdfReportWriter pdf, ReportPdfTexts texts, SessionReport report)
    {
        pdf.Heading(texts.DistortionsHeading);
        if (report.Distortions.Count == 0)
        {
            pdf.Muted(report.Consent.Analysis ? texts.NoDistortions : texts.AnalysisOff);
            return;
        }

        foreach (var finding in report.Distortions)
        {
            pdf.Bullet(texts.DistortionFinding(finding.Type, finding.Severity, FormatPercent(finding.Confidence)));
            pdf.Entry(texts.Evidence(FormatInteger(finding.Evidence.Seq)), finding.Evidence.Text ?? texts.TextNotStored);
        }
    }

    private static void WriteInterventions(PdfReportWriter pdf, ReportPdfTexts texts, SessionReport report)
    {
        pdf.Heading(texts.InterventionsHeading);
        if (report.Interventions.Count == 0)
        {
            pdf.Muted(report.Consent.Analysis ? texts.NoInterventions : texts.AnalysisOff);
            return;
        }

        foreach (var intervention in report.Interventions)
        {
            pdf.Bullet(texts.Intervention(intervention.Kind, intervention.DistortionType, intervention.Difficulty, FormatTime(intervention.At)));
            pdf.Entry(string.Empty, intervention.Text);
        }
    }

    private static void WriteRiskAlerts(PdfReportWriter pdf, ReportPdfTexts texts, IReadOnlyList<RiskAlertEntry> alerts)
    {
        pdf.Heading(texts.RiskAlertsHeading);
        if (alerts.Count == 0)
        {
            pdf.Muted(texts.NoRiskAlerts);
            return;
        }

        pdf.Note(texts.RiskAlertNote);
        foreach (var alert in alerts)
        {
            pdf.Bullet(texts.RiskAlert(FormatTime(alert.At), alert.Level, FormatInteger(alert.SegmentSeq)));
        }
    }

    private static void WriteRecommendations(PdfReportWriter pdf, ReportPdfTexts texts, IReadOnlyList<string> recommendations)
    {
        pdf.Heading(texts.RecommendationsHeading);
        WriteBullets(pdf, recommendations, texts.NoRecommendations);
    }

    private static void WriteFeedback(PdfReportWriter pdf, ReportPdfTexts texts, FeedbackEntry? feedback)
    {
        pdf.Heading(texts.FeedbackHeading);
        if (feedback is null)
        {
            pdf.Muted(texts.NoFeedback);
            return;
        }

        pdf.Field(texts.Rating, $"{FormatInteger(feedback.Rating)} / 5");
        pdf.Field(texts.Given, FormatTime(feedback.At));
        if (!string.IsNullOrWhiteSpace(feedback.Comment))
        {
            pdf.Field(texts.Comment, feedback.Comment);
        }
    }

    /// <summary>The conversation with the counselor, turn by turn; a reply cut off says so.</summary>
    private static void WriteConversation(PdfReportWriter pdf, ReportPdfTexts texts, SessionReport report)
    {
        if (report.Conversation is not { Count: > 0 } conversation)
        {
            return;
        }

        pdf.Heading(texts.ConversationHeading);
        foreach (var line in conversation)
        {
            var who = line.Role == ConversationLine.Counselor ? texts.Counselor : texts.You;
            var text = line.Text ?? texts.TextNotStored;
            pdf.Entry(who, line.Complete ? text : $"{text} {texts.ReplyCutOff}".TrimStart());
        }
    }

    /// <summary>On its own pages: it is the longest part and reads best uninterrupted.</summary>
    private static void WriteTranscript(PdfReportWriter pdf, ReportPdfTexts texts, SessionReport report)
    {
        pdf.NewPage();
        pdf.Heading(texts.TranscriptHeading);
        if (!report.Consent.StoreTranscript)
        {
            pdf.Muted(texts.TranscriptNotStored);
            return;
        }

        if (report.Transcript.Segments.Count == 0)
        {
            pdf.Muted(texts.NoTranscript);
            return;
        }

        foreach (var line in report.Transcript.Segments)
        {
            pdf.Entry($"{FormatOffset(line.StartMs)}  {line.Language}", line.Text ?? texts.TextNotStored);
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

    private static string FormatDuration(ReportPdfTexts texts, long milliseconds)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);
        return texts.Duration((int)duration.TotalHours, duration.Minutes, duration.Seconds);
    }

    /// <summary>Position in the session's audio, e.g. 03:07 or 1:03:07.</summary>
    private static string FormatOffset(long milliseconds)
    {
        var offset = TimeSpan.FromMilliseconds(milliseconds);
        return offset.TotalHours >= 1
            ? offset.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : offset.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
    }

    private static string FormatSeconds(ReportPdfTexts texts, double milliseconds) => texts.Seconds(FormatNumber(milliseconds / 1000, "0.0"));

    private static string FormatPercent(double share) => FormatNumber(share * 100, "0") + "%";

    private static string FormatNumber(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string FormatInteger(long value) => value.ToString(CultureInfo.InvariantCulture);
}
