using System.Text.RegularExpressions;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Tests.Infrastructure;
using BeMore.Web.Features.Reports.Rendering;
using PdfSharp.Pdf.IO;

namespace BeMore.Tests.Reports;

/// <summary>Needs the Debian packages fonts-nanum (the default font) and poppler-utils (pdftotext).</summary>
public sealed partial class ReportPdfTests
{
    private const string NanumGothicPath = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

    [Fact]
    public void Render_SampleReport_IsPdfFile()
    {
        var pdf = ReportPdf.Render(SampleReports.Build(), new ReportPdfOptions());

        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }

    [Fact]
    public async Task Render_KoreanAndEnglishText_PdftotextExtractsBothExactly()
    {
        var pdf = ReportPdf.Render(SampleReports.Build(), new ReportPdfOptions { FontPath = NanumGothicPath });

        var text = await ExtractTextAsync(pdf);

        Assert.Contains(SampleReports.KoreanSentence, text, StringComparison.Ordinal);
        Assert.Contains(SampleReports.EnglishSentence, text, StringComparison.Ordinal);
        Assert.Contains("월요일 상담 / Monday session", text, StringComparison.Ordinal);
        Assert.Contains("다음 상담에서 증거 찾기 연습하기.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_SampleReport_HasEverySection()
    {
        var text = await ExtractTextAsync(ReportPdf.Render(SampleReports.Build(), new ReportPdfOptions()));

        string[] headings = ["Session", "Summary", "Overall assessment", "Emotions", "Voice", "Cognitive distortions", "Interventions",
            "Risk alerts", "Recommendations", "Feedback", "Transcript"];
        Assert.All(headings, heading => Assert.Contains(heading + "\n", text, StringComparison.Ordinal));
        Assert.Contains("elevated (64 / 100)", text, StringComparison.Ordinal);
        Assert.Contains("50%", text, StringComparison.Ordinal);
        Assert.Contains("all_or_nothing: high severity, confidence 91%", text, StringComparison.Ordinal);
        Assert.Contains("Rating", text, StringComparison.Ordinal);
        Assert.Contains("4/5", RemoveWhitespace(text), StringComparison.Ordinal);
        Assert.Contains(SampleReports.NarrativeText, CollapseWhitespace(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_KoreanReport_EveryFixedTextIsKorean()
    {
        var text = await ExtractTextAsync(ReportPdf.Render(SampleReports.Build() with { Language = "ko" }, new ReportPdfOptions()));

        Assert.All(ReportPdfLanguage.KoreanHeadings, heading => Assert.Contains(heading + "\n", text, StringComparison.Ordinal));
        Assert.All(ReportPdfLanguage.EnglishFixedTexts, english => Assert.DoesNotContain(english, text, StringComparison.Ordinal));
        Assert.Contains("진행 시간", text, StringComparison.Ordinal);
        Assert.Contains("38분 05초", text, StringComparison.Ordinal);
        Assert.Contains("분당 118.4단어", text, StringComparison.Ordinal);
        Assert.Contains("높아짐 (64 / 100)", text, StringComparison.Ordinal);
        Assert.Contains("흑백 논리: 심각도 높음, 신뢰도 91%", text, StringComparison.Ordinal);
        Assert.Contains("이 세션에서 위험 신호가 자동으로 감지되었습니다. 이는 진단이 아닙니다.", CollapseWhitespace(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EnglishReport_NoKoreanFixedText()
    {
        var report = SampleReports.Build() with { Language = "en", Title = null };

        var text = await ExtractTextAsync(ReportPdf.Render(report, new ReportPdfOptions()));

        Assert.Contains("Counseling session report", text, StringComparison.Ordinal);
        Assert.All(ReportPdfLanguage.KoreanHeadings, heading => Assert.DoesNotContain(heading + "\n", text, StringComparison.Ordinal));
        Assert.DoesNotContain("진행 시간", text, StringComparison.Ordinal);
        Assert.DoesNotContain("상담 세션 보고서", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_KoreanReportWithoutAnalysis_SaysSoInKorean()
    {
        var report = SampleReports.Build() with
        {
            Language = "ko",
            Consent = new(Analysis: false, StoreTranscript: false),
            Emotion = new EmotionReport([], new Dictionary<string, double>(), null),
            Distortions = [],
            Interventions = [],
            RiskAlerts = [],
            Feedback = null,
        };

        var text = await ExtractTextAsync(ReportPdf.Render(report, new ReportPdfOptions()));

        Assert.Contains("이 세션에서는 분석을 사용하지 않았습니다.", text, StringComparison.Ordinal);
        Assert.Contains("위험 알림이 없습니다.", text, StringComparison.Ordinal);
        Assert.Contains("남겨진 피드백이 없습니다.", text, StringComparison.Ordinal);
        Assert.Contains("동의 설정에 따라 이 세션의 대화 내용은 저장되지 않았습니다.", text, StringComparison.Ordinal);
        Assert.All(ReportPdfLanguage.EnglishFixedTexts, english => Assert.DoesNotContain(english, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_RiskAlerts_ShowsVisibleNote()
    {
        var text = await ExtractTextAsync(ReportPdf.Render(SampleReports.Build(), new ReportPdfOptions()));

        Assert.Contains("Automated risk signals were raised in this session. They are not a diagnosis.", CollapseWhitespace(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_LongTranscript_PaginatesWithoutLosingLines()
    {
        var report = SampleReports.Build(extraTranscriptLines: 150);

        var pdf = ReportPdf.Render(report, new ReportPdfOptions());

        Assert.True(PageCount(pdf) > 3, $"expected more than 3 pages, got {PageCount(pdf)}");
        var text = await ExtractTextAsync(pdf);
        Assert.All(report.Transcript.Segments.Skip(5), line => Assert.Contains(line.Text!, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_LinesWiderThanPage_WrapsWithoutLosingText()
    {
        var longSentence = string.Join(' ', Enumerable.Repeat("나는 항상 실패해요, I always ruin everything.", 12));
        var longWord = string.Concat(Enumerable.Repeat("실패abc", 60));
        var report = SampleReports.Build() with
        {
            Transcript = new TranscriptReport(
                [
                    new TranscriptLine(1, SampleReports.StartedAt, 0, 1_000, "ko", 48, longSentence),
                    new TranscriptLine(2, SampleReports.StartedAt, 1_000, 2_000, "ko", 1, longWord),
                ],
                49),
        };

        var text = RemoveWhitespace(await ExtractTextAsync(ReportPdf.Render(report, new ReportPdfOptions())));

        Assert.Contains(RemoveWhitespace(longSentence), text, StringComparison.Ordinal);
        Assert.Contains(longWord, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_TranscriptNotStored_SaysSoInsteadOfText()
    {
        var report = SampleReports.Build() with { Consent = new(Analysis: true, StoreTranscript: false) };

        var text = await ExtractTextAsync(ReportPdf.Render(report, new ReportPdfOptions()));

        Assert.Contains("The transcript text was not stored for this session (consent).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingFontPath_ThrowsNamingSettingAndPackage()
    {
        const string missingPath = "/nonexistent/fonts/Missing.ttf";

        var error = Assert.Throws<FileNotFoundException>(() =>
            ReportPdf.Render(SampleReports.Build(), new ReportPdfOptions { FontPath = missingPath }));

        Assert.Contains("BeMore:Reports:FontPath", error.Message, StringComparison.Ordinal);
        Assert.Contains(missingPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-nanum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FontCollectionPath_ThrowsNamingSettingAndPackage()
    {
        using var folder = new TestFolder("report-font");
        var collectionPath = Path.Combine(folder.Path, "NotoSansCJK-Regular.ttc");
        File.WriteAllBytes(collectionPath, [0x74, 0x74, 0x63, 0x66]);

        var error = Assert.Throws<NotSupportedException>(() =>
            ReportPdf.Render(SampleReports.Build(), new ReportPdfOptions { FontPath = collectionPath }));

        Assert.Contains("BeMore:Reports:FontPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-nanum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ConcurrentCalls_AllProducePdfs()
    {
        var report = SampleReports.Build();

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ReportPdf.Render(report, new ReportPdfOptions()))));

        Assert.All(pdfs, pdf => Assert.True(PageCount(pdf) >= 2));
    }

    private static int PageCount(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    internal static async Task<string> ExtractTextAsync(byte[] pdf)
    {
        using var folder = new TestFolder("report-pdf");
        var pdfPath = Path.Combine(folder.Path, "report.pdf");
        var textPath = Path.Combine(folder.Path, "report.txt");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        await ExternalCommand.RunAsync("pdftotext", ["-enc", "UTF-8", pdfPath, textPath], TimeSpan.FromSeconds(30));
        return await File.ReadAllTextAsync(textPath);
    }

    private static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ");

    private static string RemoveWhitespace(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
