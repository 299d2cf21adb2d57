using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace BeMore.Web.Infrastructure.Validation;

/// <summary>
/// Text a person reads back (names, titles, transcript lines): refuses control characters (C0, DEL, C1: NUL, escape
/// sequences, bells...), the bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069),
/// which make a report, CSV or dashboard show text in another order than it was written, and unpaired surrogates.
/// Letters of every script pass, right-to-left ones and the plain direction marks (U+200E, U+200F) included.
/// With <see cref="AllowLineBreaks"/>, tab, CR, LF and the Unicode line and paragraph separators pass too; the
/// field's reader turns them into spaces (<see cref="ToSingleLine"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed partial class PlainTextAttribute() : ValidationAttribute("{0} must not contain control characters or bidirectional overrides.")
{
    public bool AllowLineBreaks { get; init; }

    public override bool IsValid(object? value) => value is not string text || IsPlain(text, AllowLineBreaks);

    public static bool IsPlain(string text, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var allowed = IsLineBreak(c)
                ? allowLineBreaks
                : !char.IsControl(c) && !char.IsSurrogate(c) && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069');
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Each run of line breaks and tabs, with the spaces around it, becomes one space; the ends are trimmed.</summary>
    public static string ToSingleLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LineBreakRun().Replace(text, " ").Trim();
    }

    private static bool IsLineBreak(char c) => c is '\t' or '\n' or '\r' or '\u2028' or '\u2029';

    [GeneratedRegex("[ ]*[\t\n\r\u2028\u2029][\t\n\r\u2028\u2029 ]*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakRun();
}
