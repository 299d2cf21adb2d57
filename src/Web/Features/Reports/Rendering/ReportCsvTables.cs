using System.Buffers;
using BeMore.Grains.Abstractions.Reports;
using CsvHelper;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>
/// The columns and rows of each <see cref="ReportCsvKind"/>. Numbers, times and flags are written as typed values (so
/// the injection guard leaves them alone: -0.4 stays a number); everything that came from a user or a model is text,
/// written through <see cref="WriteText"/>.
/// </summary>
internal static class ReportCsvTables
{
    /// <summary>Separates the items of a list held in one cell (emotion sources).</summary>
    public const char ListSeparator = ';';

    private const string SummaryRow = "summary";
    private const string TimelineRow = "timeline";

    /// <summary>Where a spreadsheet may start a new cell inside a field: its locale's separator, tab, a line break.</summary>
    private static readonly char[] CellBreaks = [',', ';', '\t', '\r', '\n'];

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create(ReportCsv.FormulaStartCharacters);

    public static void Write(CsvWriter csv, SessionReport report, ReportCsvKind kind)
    {
        switch (kind)
        {
            case ReportCsvKind.Transcript:
                WriteTranscript(csv, report.Transcript);
                break;
            case ReportCsvKind.Emotion:
                WriteEmotion(csv, report.Emotion);
                break;
            case ReportCsvKind.Voice:
                WriteVoice(csv, report.Voice);
                break;
            case ReportCsvKind.Distortions:
                WriteDistortions(csv, report.Distortions);
                break;
            case ReportCsvKind.Conversation:
                WriteConversation(csv, report.Conversation ?? []);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown CSV kind.");
        }
    }

    private static void WriteConversation(CsvWriter csv, IReadOnlyList<ConversationLine> conversation)
    {
        csv.WriteHeader(["seq", "at", "role", "source", "replyId", "inReplyToSeq", "complete", "cancelled", "text"]);
        foreach (var line in conversation)
        {
            csv.WriteField(line.Seq);
            WriteTime(csv, line.At);
            WriteText(csv, line.Role);
            WriteText(csv, line.Source);
            WriteText(csv, line.ReplyId);
            csv.WriteField(line.InReplyToSeq);
            csv.WriteField(line.Complete);
            csv.WriteField(line.Cancelled);
            WriteText(csv, line.Text);
            csv.EndRecord();
        }
    }

    private static void WriteTranscript(CsvWriter csv, TranscriptReport transcript)
    {
        csv.WriteHeader(["seq", "at", "startMs", "endMs", "language", "wordCount", "text"]);
        foreach (var line in transcript.Segments)
        {
            csv.WriteField(line.Seq);
            WriteTime(csv, line.At);
            csv.WriteField(line.StartMs);
            csv.WriteField(line.EndMs);
            WriteText(csv, line.Language);
            csv.WriteField(line.WordCount);
            WriteText(csv, line.Text);
            csv.EndRecord();
        }
    }

    private static void WriteEmotion(CsvWriter csv, EmotionReport emotion)
    {
        csv.WriteHeader(["at", "label", "valence", "arousal", "sources"]);
        foreach (var point in emotion.Timeline)
        {
            WriteTime(csv, point.At);
            WriteText(csv, point.Label);
            csv.WriteField(point.Valence);
            csv.WriteField(point.Arousal);
            WriteText(csv, string.Join(ListSeparator, point.Sources));
            csv.EndRecord();
        }
    }

    /// <summary>
    /// One header for both parts: a single <c>summary</c> row fills the metric columns, then one <c>timeline</c> row
    /// per reading fills at/speaking/levelDb; the other columns of each row stay empty.
    /// </summary>
    private static void WriteVoice(CsvWriter csv, VoiceReport voice)
    {
        csv.WriteHeader(["row", "speechRatio", "utteranceCount", "avgUtteranceMs", "avgPauseMs", "longestPauseMs", "speechRateWpm", "at", "speaking", "levelDb"]);
        csv.WriteField(SummaryRow);
        csv.WriteField(voice.SpeechRatio);
        csv.WriteField(voice.UtteranceCount);
        csv.WriteField(voice.AvgUtteranceMs);
        csv.WriteField(voice.AvgPauseMs);
        csv.WriteField(voice.LongestPauseMs);
        csv.WriteField(voice.SpeechRateWpm);
        WriteEmptyFields(csv, 3);
        csv.EndRecord();
        foreach (var point in voice.Timeline)
        {
            csv.WriteField(TimelineRow);
            WriteEmptyFields(csv, 6);
            WriteTime(csv, point.At);
            csv.WriteField(point.Speaking);
            csv.WriteField(point.LevelDb);
            csv.EndRecord();
        }
    }

    private static void WriteDistortions(CsvWriter csv, IReadOnlyList<DistortionFinding> distortions)
    {
        csv.WriteHeader(["type", "severity", "confidence", "evidenceSeq", "evidenceText"]);
        foreach (var finding in distortions)
        {
            WriteText(csv, finding.Type);
            WriteText(csv, finding.Severity);
            csv.WriteField(finding.Confidence);
            csv.WriteField(finding.Evidence.Seq);
            WriteText(csv, finding.Evidence.Text);
            csv.EndRecord();
        }
    }

    /// <summary>
    /// Text from a user or a model. A spreadsheet may split a field itself (on ; , or tab as its locale or import
    /// settings say, ignoring quotes, or at a line break) and trims spaces and quotes: when any such piece starts like
    /// a formula ("fine;=1+1", "ok\n@cmd", " -2+3"), the whole field gets the leading apostrophe, as one starting with
    /// a formula character does.
    /// </summary>
    private static void WriteText(CsvWriter csv, string? text) =>
        csv.WriteField(text is not null && AnyPieceStartsLikeFormula(text) ? "'" + text : text);

    private static bool AnyPieceStartsLikeFormula(string text)
    {
        foreach (var piece in text.Split(CellBreaks))
        {
            var start = piece.AsSpan().TrimStart(" \"");
            if (start.Length > 0 && FormulaStarts.Contains(start[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ISO-8601 in UTC with a Z suffix and full precision ("O" of a UTC DateTime).</summary>
    private static void WriteTime(CsvWriter csv, DateTimeOffset value) => csv.WriteField(value.UtcDateTime);

    private static void WriteEmptyFields(CsvWriter csv, int count)
    {
        for (var i = 0; i < count; i++)
        {
            csv.WriteField(string.Empty);
        }
    }
}
