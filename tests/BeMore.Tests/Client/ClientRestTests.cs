using System.Net;
using System.Text;
using System.Text.Json;
using BeMore.Client;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Client;

/// <summary>Every REST route a user's app uses, through the client library, against the real server.</summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class ClientRestTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    [Fact]
    public async Task Account_ProfilePreferencesAuditDashboardExportAndErasure()
    {
        using var http = factory.CreateApiClient();
        var api = new BeMoreApi(http);
        var email = ApiClientExtensions.NewEmail();
        var signedUp = await api.SignUpAsync(email, ClientAccounts.Password, "Client user");

        var renamed = await api.UpdateProfileAsync("Renamed");
        var profile = await api.GetProfileAsync();
        var preferences = await api.UpdatePreferencesAsync(new UserPreferences("en", "dark", false, new AnalysisOptIns(FaceEmotion: false)));
        var kept = await api.UpdatePreferencesAsync(new UserPreferences("en", "light", false, Analysis: null));
        var dashboard = await api.GetDashboardAsync();
        var unchanged = await api.GetDashboardAsync(dashboard.ETag);
        var audit = await api.GetAuditAsync();
        JsonElement export;
        await using (var download = await api.ExportAccountAsync())
        {
            export = (await JsonDocument.ParseAsync(download.Content)).RootElement.Clone();
        }

        var wrongPassword = await Assert.ThrowsAsync<BeMoreApiException>(() => api.DeleteAccountAsync("not the password"));
        await api.DeleteAccountAsync(ClientAccounts.Password);
        var afterErasure = await Assert.ThrowsAsync<BeMoreApiException>(() => new BeMoreApi(http).LogInAsync(email, ClientAccounts.Password));

        Assert.Equal((signedUp.User.Id, "Renamed", "Renamed", email), (profile.Id, renamed.DisplayName, profile.DisplayName, profile.Email));
        Assert.Equal(("en", "dark", false), (preferences.Language, preferences.Theme, preferences.Analysis!.FaceEmotion));
        Assert.Equal(("light", false), (kept.Theme, kept.Analysis!.FaceEmotion));
        Assert.False(dashboard.NotModified);
        Assert.Equal((0, 0), (dashboard.Value!.SessionCount, dashboard.Value.RecentSessions.Count));
        Assert.NotNull(dashboard.ETag);
        Assert.True(unchanged.NotModified);
        Assert.Equal(JsonValueKind.Array, audit.ValueKind);
        Assert.Equal(email, export.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal((HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS"), (wrongPassword.Status!.Value, wrongPassword.Code));
        Assert.Equal("INVALID_CREDENTIALS", afterErasure.Code);
        Assert.Null(api.AccessToken);
    }

    [Fact]
    public async Task Sessions_ListedPagedAndSearched_ThroughTheirLifecycle_AndErased()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var first = await api.CreateSessionAsync("monday walk", new SessionConsent(false, true));
        var second = await api.CreateSessionAsync("tuesday call", new SessionConsent(false, true), CounselorMode.Off);
        var third = await api.CreateSessionAsync("wednesday walk", new SessionConsent(false, true));

        var firstPage = await api.ListSessionsAsync(limit: 2);
        var secondPage = await api.ListSessionsAsync(firstPage.NextCursor, limit: 2);
        var all = await api.ListAllSessionsAsync().ToListAsync();
        var walks = await api.ListAllSessionsAsync(new SessionSearch("walk")).ToListAsync();
        var paused = await api.PauseSessionAsync(first.Id);
        var pausedAgain = await api.PauseSessionAsync(first.Id);
        var resumed = await api.ResumeSessionAsync(first.Id);
        var ended = await api.EndSessionAsync(first.Id);
        var impossible = await Assert.ThrowsAsync<BeMoreApiException>(() => api.PauseSessionAsync(first.Id));
        await api.DeleteSessionAsync(third.Id);
        var erased = await Assert.ThrowsAsync<BeMoreApiException>(() => api.GetSessionAsync(third.Id));

        Assert.Equal(2, firstPage.Items.Count);
        Assert.NotNull(firstPage.NextCursor);
        Assert.Single(secondPage.Items);
        Assert.Null(secondPage.NextCursor);
        Assert.Equal([third.Id, second.Id, first.Id], all.Select(s => s.Id));
        Assert.Equal("off", second.Raw.GetProperty("counselor").GetString());
        Assert.Equal([third.Id, first.Id], walks.Select(s => s.Id));
        Assert.Equal(("paused", "paused", "active", "ended"), (paused.Status, pausedAgain.Status, resumed.Status, ended.Status));
        Assert.Equal((HttpStatusCode.Conflict, "INVALID_SESSION_STATE"), (impossible.Status!.Value, impossible.Code));
        Assert.Equal((HttpStatusCode.NotFound, "SESSION_NOT_FOUND"), (erased.Status!.Value, erased.Code));
    }

    [Fact]
    public async Task Transcript_Events_Summary_Feedback_AndReports_AsJsonPdfAndCsvStreams()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var session = await api.CreateSessionAsync("report", new SessionConsent(true, true));

        var segment = await api.AppendTranscriptAsync(session.Id, new TranscriptSegment("r-1", "I walked by the river today", 0, 1500, "en"));
        var again = await api.AppendTranscriptAsync(session.Id, new TranscriptSegment("r-1", "I walked by the river today", 0, 1500, "en"));
        var summary = await api.GetSessionSummaryAsync(session.Id);
        var summaryUnchanged = await api.GetSessionSummaryAsync(session.Id, summary.ETag);
        await api.EndSessionAsync(session.Id);
        var feedback = await api.SubmitFeedbackAsync(session.Id, 4, "helpful");
        var transcript = await api.GetTranscriptAsync(session.Id).ToListAsync();
        var events = await api.GetEventsAsync(session.Id).ToListAsync();
        var report = await api.GetReportAsync(session.Id);
        string pdfStart, csv;
        string? pdfType, csvType;
        await using (var pdf = await api.DownloadReportPdfAsync(session.Id))
        {
            var head = new byte[5];
            await pdf.Content.ReadExactlyAsync(head);
            (pdfStart, pdfType) = (Encoding.ASCII.GetString(head), pdf.ContentType);
        }

        await using (var table = await api.DownloadReportCsvAsync(session.Id, ReportTable.Transcript))
        {
            using var reader = new StreamReader(table.Content);
            (csv, csvType) = (await reader.ReadToEndAsync(), table.ContentType);
        }

        Assert.Equal(segment.Seq, again.Seq);
        Assert.Equal("I walked by the river today", Assert.IsType<TranscriptSegmentData>(segment.Payload).Text);
        Assert.False(summary.NotModified);
        Assert.Equal((session.Id, "active"), (summary.Value!.Id, summary.Value.Status));
        Assert.True(summary.Value.LastSeq >= segment.Seq);
        Assert.True(summaryUnchanged.NotModified);
        Assert.Equal((4, "helpful"), (Assert.IsType<FeedbackSubmittedData>(feedback.Payload).Rating, ((FeedbackSubmittedData)feedback.Payload).Comment));
        Assert.Equal([segment.Seq], transcript.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Contains(events, e => e.Payload is SessionEndedData);
        Assert.IsType<StatusChangedData>(events[0].Payload);
        Assert.Equal(4, report.GetProperty("feedback").GetProperty("rating").GetInt32());
        Assert.Equal(("%PDF-", "application/pdf"), (pdfStart, pdfType));
        Assert.Equal("text/csv", csvType);
        Assert.Contains("I walked by the river today", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counselor_OverRest_StreamsItsDeltasThenTheStoredReply_AndARepeatedMessageGetsTheSameReply()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);
        var session = await api.CreateSessionAsync("counselor", new SessionConsent(true, true));
        var message = new CounselorMessage("m-1", "I keep worrying about my exams.", "en");

        var streamed = await api.AskCounselorAsync(session.Id, message).ToListAsync();
        var repeated = await api.AskCounselorForReplyAsync(session.Id, message);

        var final = Assert.IsType<CounselorFinal>(streamed[^1]);
        var deltas = streamed.SkipLast(1).Select(item => Assert.IsType<CounselorDelta>(item).Delta).ToList();
        Assert.True(final.Reply.Complete);
        Assert.NotEmpty(final.Reply.Text);
        Assert.All(deltas, delta => Assert.Equal(final.Reply.ReplyId, delta.ReplyId));
        Assert.Equal(Enumerable.Range(0, deltas.Count), deltas.Select(d => d.Index));
        Assert.Equal(final.Event.Seq, repeated.Seq);
    }

    [Fact]
    public async Task TextEmotionAndSpeechToTextStatus_ThroughTheClient()
    {
        using var http = factory.CreateApiClient();
        var api = await ClientAccounts.SignedUpAsync(http);

        var reading = await api.AnalyzeEmotionAsync("I am so happy and grateful today", "en");
        var stt = await api.IsSpeechToTextAvailableAsync();
        var notConfigured = await Assert.ThrowsAsync<BeMoreApiException>(() => api.TranscribeAsync(HalfSecondOfSilence()));

        Assert.False(string.IsNullOrEmpty(reading.Emotion));
        Assert.False(stt);
        Assert.Equal((HttpStatusCode.NotImplemented, "STT_NOT_CONFIGURED"), (notConfigured.Status!.Value, notConfigured.Code));
    }

    private static byte[] HalfSecondOfSilence()
    {
        var wav = new byte[44 + 16_000];
        BeMore.Domain.Voice.WavFile.WriteHeader(wav, 16_000);
        return wav;
    }
}
