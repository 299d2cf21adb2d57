using System.Globalization;
using System.Text;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>Breaks text into lines no wider than a width: at spaces, and inside words longer than a line.</summary>
internal static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in Printable(text).Split('\n'))
        {
            WrapParagraph(paragraph, maxWidth, measure, lines);
        }

        return lines;
    }

    /// <summary>Line breaks become '\n'; other control characters (tabs) become spaces, since fonts have no glyph for them.</summary>
    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        for (var i = 0; i < builder.Length; i++)
        {
            if (builder[i] != '\n' && char.IsControl(builder[i]))
            {
                builder[i] = ' ';
            }
        }

        return builder.ToString();
    }

    private static void WrapParagraph(string paragraph, double maxWidth, Func<string, double> measure, List<string> lines)
    {
        var line = string.Empty;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (measure(candidate) <= maxWidth)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = measure(word) <= maxWidth ? word : BreakLongWord(word, maxWidth, measure, lines);
        }

        lines.Add(line);
    }

    /// <summary>Adds full-width pieces of the word as lines (never splitting a character) and returns the rest.</summary>
    private static string BreakLongWord(string word, double maxWidth, Func<string, double> measure, List<string> lines)
    {
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && measure(piece + element) > maxWidth)
            {
                lines.Add(piece.ToString());
                piece.Clear();
            }

            piece.Append(element);
        }

        return piece.ToString();
    }
}
