namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>PDF report settings, bound from <c>BeMore:Reports</c>.</summary>
public sealed class ReportPdfOptions
{
    public const string SectionName = "BeMore:Reports";

    /// <summary>
    /// A TrueType font file with Hangul and Latin glyphs (<c>BeMore:Reports:FontPath</c>). When empty, well-known system
    /// locations are searched (NanumGothic from the Debian package fonts-nanum first).
    /// </summary>
    public string? FontPath { get; set; }
}
