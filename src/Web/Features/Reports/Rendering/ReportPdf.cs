using BeMore.Grains.Abstractions.Reports;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>
/// Renders a session report as an A4 PDF set in a font with Hangul glyphs (<see cref="ReportPdfOptions.FontPath"/>),
/// so Korean and English text both render and can be extracted. Safe to call concurrently.
/// </summary>
public static class ReportPdf
{
    public const string ContentType = "application/pdf";

    /// <summary>The download's file name, e.g. <c>session-abc-report.pdf</c>.</summary>
    public static string FileName(string sessionId) => $"session-{sessionId}-report.pdf";

    /// <exception cref="FileNotFoundException">No usable font file: the message names the setting and the package to install.</exception>
    /// <exception cref="InvalidOperationException">Other code installed a different PDFsharp global font resolver.</exception>
    public static byte[] Render(SessionReport report, ReportPdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var fontPath = ReportFontLocator.Locate(options.FontPath);
        FileFontResolver.EnsureInstalled();
        using var pdf = new PdfReportWriter(FileFontResolver.FamilyNameFor(fontPath), ReportPdfSections.TitleOf(report));
        ReportPdfSections.Write(pdf, report);
        return pdf.Finish();
    }
}
