using BeMore.Grains.Abstractions.Reports;
using BeMore.Web.Features.Reports.Rendering;
using CsvHelper;

namespace BeMore.Tests.Reports;

public sealed class ReportCsvTests
{
    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with { Separator = ',' };

    [Fact]
    public void Render_Transcript_ParsesBackToSameValues()
    {
        var report = SampleReports.Build();

        var rows = ReadRows(ReportCsv.Render(report, ReportCsvKind.Transcript), reader => new TranscriptLine(
            reader.Parse<long>("seq"), reader.Parse<DateTimeOffset>("at"), reader.Parse<long>("startMs"),
            reader.Parse<long>("endMs"), reader.GetString("language"), reader.Parse<int>("wordCount"), reader.GetString("text")));

        var expected = report.Transcript.Segments.Select(line => line with { Text = Neutralized(line.Text) });
        Assert.Equal(expected, rows);
        Assert.Contains(rows, line => line.Text == SampleReports.KoreanSentence);
        Assert.Contains(rows, line => line.Text == SampleReports.QuotedText);
    }

    [Fact]
    public void Render_Emotion_ParsesBackToSameValues()
    {
        var report = SampleReports.Build();

        var rows = ReadRows(ReportCsv.Render(report, ReportCsvKind.Emotion), reader => (
            At: reader.Parse<DateTimeOffset>("at"), Label: reader.GetString("label"), Valence: reader.Parse<double>("valence"),
            Arousal: reader.Parse<double>("arousal"), Sources: reader.GetString("sources")));

        var expected = report.Emotion.Timeline.Select(point =>
            (point.At, point.Label, point.Valence, point.Arousal, string.Join(';', point.Sources)));
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Render_Voice_WritesSummaryRowThenTimelineRows()
    {
        var voice = SampleReports.Build().Voice;

        var rows = ReadRows(ReportCsv.Render(SampleReports.Build(), ReportCsvKind.Voice), reader => (
            Row: reader.GetString("row"), SpeechRatio: reader.GetString("speechRatio"), Utterances: reader.GetString("utteranceCount"),
            AvgUtteranceMs: reader.GetString("avgUtteranceMs"), AvgPauseMs: reader.GetString("avgPauseMs"),
            LongestPauseMs: reader.GetString("longestPauseMs"), Wpm: reader.GetString("speechRateWpm"),
            At: reader.GetString("at"), Speaking: reader.GetString("speaking"), LevelDb: reader.GetString("levelDb")));

        Assert.Equal(("summary", "0.62", "14", "3250.5", "1120.25", "6400", "118.4", "", "", ""), rows[0]);
        Assert.Equal(voice.Timeline.Count, rows.Count - 1);
        Assert.Equal(("timeline", "", "", "", "", "", "", "2025-03-01T09:00:01.1230000Z", "true", "-23.5"), rows[1]);
        Assert.Equal(("timeline", "", "", "", "", "", "", "2025-03-01T09:00:02.1230000Z", "false", "-61.25"), rows[2]);
    }

    [Fact]
    public void Render_Distortions_ParsesBackToSameValues()
    {
        var report = SampleReports.Build();

        var rows = ReadRows(ReportCsv.Render(report, ReportCsvKind.Distortions), reader => new DistortionFinding(
            reader.GetString("type"), reader.GetString("severity"), reader.Parse<double>("confidence"),
            new DistortionEvidence(reader.Parse<long>("evidenceSeq"), reader.GetString("evidenceText"))));

        var expected = report.Distortions.Select(finding =>
            finding with { Evidence = finding.Evidence with { Text = finding.Evidence.Text ?? string.Empty } });
        Assert.Equal(expected, rows);
    }

    [Theory]
    [InlineData("=1+2")]
    [InlineData("+1 555 0100")]
    [InlineData("-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+2")]
    [InlineData("\r=1+2")]
    public void Render_TextStartingWithFormulaCharacter_GetsLeadingApostrophe(string text)
    {
        var report = SampleReports.Build() with
        {
            Transcript = new TranscriptReport([new TranscriptLine(1, SampleReports.StartedAt, 0, 1_000, "en", 1, text)], 1),
        };

        var cells = ReadRows(ReportCsv.Render(report, ReportCsvKind.Transcript), reader => reader.GetString("text"));

        Assert.Equal(["'" + text], cells);
    }

    [Fact]
    public void Render_NegativeNumbers_StayNumbers()
    {
        var csv = Decode(ReportCsv.Render(SampleReports.Build(), ReportCsvKind.Emotion));

        Assert.Contains(",-0.62,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("'-0.62", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportCsvKind.Transcript)]
    [InlineData(ReportCsvKind.Emotion)]
    [InlineData(ReportCsvKind.Voice)]
    [InlineData(ReportCsvKind.Distortions)]
    public void Render_AnyKind_StartsWithUtf8BomAndEndsRowsWithCrLf(ReportCsvKind kind)
    {
        var bytes = ReportCsv.Render(SampleReports.Build(), kind);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.EndsWith("\r\n", Decode(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextWithCommaQuoteAndNewline_IsQuotedPerRfc4180()
    {
        var csv = Decode(ReportCsv.Render(SampleReports.Build(), ReportCsvKind.Transcript));

        Assert.Contains("\"He said, \"\"fine\"\"\nand left, 그리고 울었어요\"", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transcript", ReportCsvKind.Transcript)]
    [InlineData("EMOTION", ReportCsvKind.Emotion)]
    [InlineData("Voice", ReportCsvKind.Voice)]
    [InlineData("disTortions", ReportCsvKind.Distortions)]
    public void TryParseKind_KnownValueInAnyCase_ReturnsKind(string value, ReportCsvKind expected)
    {
        Assert.True(ReportCsv.TryParseKind(value, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pdf")]
    [InlineData("1")]
    [InlineData(" transcript")]
    [InlineData("transcript,voice")]
    [InlineData("distortion")]
    public void TryParseKind_UnknownValue_ReturnsFalse(string? value)
    {
        Assert.False(ReportCsv.TryParseKind(value, out _));
    }

    private static string? Neutralized(string? text) =>
        text is ['=' or '+' or '-' or '@' or '\t' or '\r', ..] ? "'" + text : text;

    private static string Decode(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3));

    private static List<T> ReadRows<T>(byte[] csv, Func<CsvReader, T> map)
    {
        using var reader = CsvReader.Create(csv, ReaderOptions);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
