using PdfSharp.Fonts;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>
/// Gives PDFsharp the bytes of a font file. PDFsharp has no system fonts on Linux and asks the one process-wide
/// <see cref="GlobalFontSettings.FontResolver"/> for every font. The family name carries the file's path
/// (<see cref="FamilyNameFor"/>), so this resolver is stateless and one instance serves any configured path.
/// </summary>
internal sealed class FileFontResolver : IFontResolver
{
    private const string FamilyPrefix = "bemore-font-file:";

    private static readonly FileFontResolver Instance = new();
    private static readonly Lock InstallLock = new();

    private FileFontResolver()
    {
    }

    public static string FamilyNameFor(string fontPath) => FamilyPrefix + fontPath;

    /// <summary>
    /// Installs the resolver as PDFsharp's global one, once per process: idempotent, and serialized because PDFsharp
    /// allows setting it only before first use or again with the same instance. Fails if some other code installed a
    /// different resolver, since PDFsharp cannot have two.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            var current = GlobalFontSettings.FontResolver;
            if (ReferenceEquals(current, Instance))
            {
                return;
            }

            if (current is not null)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has a different global font resolver ({current.GetType().FullName}); " +
                    "PDF reports need theirs, and PDFsharp allows only one per process.");
            }

            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        familyName.StartsWith(FamilyPrefix, StringComparison.Ordinal)
            ? new FontResolverInfo(familyName[FamilyPrefix.Length..], isBold, isItalic)
            : null;

    /// <summary>The face name is the file path; PDFsharp caches the bytes per face, so a file is read once.</summary>
    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName);
}
