namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>Finds the font file the PDF report is set in: the configured path, or the first well-known one present.</summary>
internal static class ReportFontLocator
{
    public const string SettingName = ReportPdfOptions.SectionName + ":" + nameof(ReportPdfOptions.FontPath);

    /// <summary>
    /// TrueType fonts with Hangul glyphs where Linux distributions install them, best first: NanumGothic from Debian and
    /// Ubuntu (fonts-nanum), Fedora and Arch, then Noto Sans KR. Noto CJK collections (.ttc) are left out: PDFsharp
    /// cannot read them.
    /// </summary>
    public static readonly IReadOnlyList<string> WellKnownPaths =
    [
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/usr/share/fonts/naver-nanum/NanumGothic.ttf",
        "/usr/share/fonts/TTF/NanumGothic.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansKR-Regular.ttf",
    ];

    private const string InstallHint =
        "Set " + SettingName + " to a TrueType (.ttf) font file with Hangul glyphs, or install one " +
        "(Debian/Ubuntu: apt-get install fonts-nanum).";

    public static string Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return CheckConfigured(configuredPath);
        }

        return WellKnownPaths.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"No font for PDF reports: {SettingName} is not set and none of {string.Join(", ", WellKnownPaths)} exists. {InstallHint}");
    }

    private static string CheckConfigured(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The PDF report font {SettingName} = '{path}' does not exist. {InstallHint}", path);
        }

        // PDFsharp 6.2 cannot read font collections (it fails with a NullReferenceException deep inside), and the
        // Noto CJK fonts Debian ships (fonts-noto-cjk) are only .ttc files.
        return path.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase)
            ? throw new NotSupportedException($"The PDF report font {SettingName} = '{path}' is a font collection (.ttc), which PDFsharp cannot read. {InstallHint}")
            : path;
    }
}
