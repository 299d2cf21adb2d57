using BeMore.Grains.Abstractions.Reports;
using CsvHelper;

namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>
/// Writes one table of a session report as RFC 4180 CSV (CRLF rows; every text field quoted, quotes doubled),
/// invariant culture, times in ISO-8601 UTC.
/// Returns bytes rather than writing to a response stream because CsvWriter flushes synchronously on dispose, which
/// ASP.NET Core refuses on a response body; a session's tables are small enough to hold in memory.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>A spreadsheet runs a cell starting with one of these as a formula (OWASP's list).</summary>
    internal const string FormulaStartCharacters = "=+-@\t\r";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // Excel reads a CSV without a BOM in the local ANSI code page and garbles Korean; with it, it detects UTF-8.
        WriteByteOrderMark = true,
        // A formula cell can exfiltrate (=HYPERLINK(...)) or run commands (DDE), and transcript text is whatever the
        // user said: text starting like a formula gets a leading apostrophe, which spreadsheets read as "this is
        // text". CsvHelper applies it to text only, so -0.4 stays a number. It looks at the first character only;
        // ReportCsvTables.WriteText covers the pieces a spreadsheet may split a field into, this stays the backstop.
        Injection = CsvInjection.Escape,
        InjectionCharacters = FormulaStartCharacters,
        // Every text field quoted, so a reader that honours quotes never splits one at a ; , or tab of its locale.
        ShouldQuote = (_, fieldType, _, _) => fieldType == typeof(string),
        TrueValue = "true",
        FalseValue = "false",
    };

    /// <summary>Parses the <c>kind</c> query value: transcript, emotion, voice, distortions or conversation, in any letter case.</summary>
    public static bool TryParseKind(string? value, out ReportCsvKind kind)
    {
        ReportCsvKind? parsed = value?.ToUpperInvariant() switch
        {
            "TRANSCRIPT" => ReportCsvKind.Transcript,
            "EMOTION" => ReportCsvKind.Emotion,
            "VOICE" => ReportCsvKind.Voice,
            "DISTORTIONS" => ReportCsvKind.Distortions,
            "CONVERSATION" => ReportCsvKind.Conversation,
            _ => null,
        };
        kind = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>The download's file name, e.g. <c>session-abc-transcript.csv</c>.</summary>
    public static string FileName(string sessionId, ReportCsvKind kind) =>
        $"session-{sessionId}-{kind.ToString().ToLowerInvariant()}.csv";

    public static byte[] Render(SessionReport report, ReportCsvKind kind)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            ReportCsvTables.Write(csv, report, kind);
        }

        return buffer.ToArray();
    }
}
