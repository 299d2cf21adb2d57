namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>Finds the font file the PDF report is set in: the configured path, or the first well-known one present.</summary>
internal static class ReportFontLocator
{
    public const string SettingName = ReportPdfOptions.SectionName + ":" + nameof(ReportPdfOptions.FontPath);

    /// <summary>TrueType fonts with Hangul glyphs where Linux distributions install them, best first.</summary>
    public static readonly IReadOnlyList<string> WellKnownPaths =
    [
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/usr/share/fonts/nanum/NanumGothic.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansKR-Regular.ttf",
        "/usr/share/fonts/noto/NotoSansKR-Regular.ttf",
        "/usr/share/fonts/google-noto-sans-kr-fonts/NotoSansKR-Regular.ttf",
    ];

    private const string InstallHint =
        "Set " + SettingName + " to a TrueType (.ttf) font file with Hangul glyphs, or install one " +
        "(Debian/Ubuntu: apt-get install fonts-nanum).";

    public static string Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath)
                ? configuredPath
                : throw new FileNotFoundException(
                    $"The PDF report font {SettingName} = '{configuredPath}' does not exist. {InstallHint}", configuredPath);
        }

        return WellKnownPaths.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"No font for PDF reports: {SettingName} is not set and none of {string.Join(", ", WellKnownPaths)} exists. {InstallHint}");
    }
}
