namespace BeMore.Domain.Analysis;

/// <summary>The languages the local analysers understand.</summary>
public enum TextLanguage
{
    English,
    Korean,
}

public static class TextLanguages
{
    /// <summary>
    /// Uses the caller's language code ("ko"/"en", region suffixes allowed) when it names a supported
    /// language; otherwise guesses from the text, since clients do not always send one.
    /// </summary>
    public static TextLanguage Resolve(string? languageCode, string text)
    {
        if (languageCode is { Length: >= 2 })
        {
            if (languageCode.StartsWith("ko", StringComparison.OrdinalIgnoreCase))
            {
                return TextLanguage.Korean;
            }

            if (languageCode.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return TextLanguage.English;
            }
        }

        return Detect(text);
    }

    /// <summary>Any Hangul syllable or jamo means Korean: mixed sentences are Korean with English loanwords.</summary>
    public static TextLanguage Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (IsHangul(c))
            {
                return TextLanguage.Korean;
            }
        }

        return TextLanguage.English;
    }

    public static string ToCode(this TextLanguage language) => language == TextLanguage.Korean ? "ko" : "en";

    /// <summary>The language of a code <see cref="ToCode"/> wrote: "ko" is Korean, any other English.</summary>
    public static TextLanguage FromCode(string code) => code == "ko" ? TextLanguage.Korean : TextLanguage.English;

    internal static bool IsHangul(char c) =>
        c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F');
}
