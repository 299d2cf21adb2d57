using System.Net;
using System.Text.Json;
using BeMore.Grains.Storage;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Tests.Web;

/// <summary>
/// The audit record of a session call is stored off the request path: the call answers while the store is busy, and
/// its record is there once stored (a reader of the audit trail sees it).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class QueuedAuditWriterTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task SessionRead_AnswersWhileTheAuditStoreIsHeld_AndItsRecordIsStoredAfterwards()
    {
        var user = await _client.SignUpAsync();
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/session", user.AccessToken,
            new { title = "queued audit", consent = new { analysis = false, storeTranscript = true } });
        using var createdBody = await created.ReadJsonAsync();
        var id = createdBody.RootElement.GetProperty("id").GetString()!;

        // Holds the one writer of BeMore's tables inside a batch: every audit row waits behind it.
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = factory.Services.GetRequiredService<GroupCommitWriter>().WriteAsync(async _ =>
        {
            inside.TrySetResult();
            await gate.Task;
        });
        await inside.Task;
        HttpStatusCode status;
        try
        {
            using var read = await _client.SendAsync(HttpMethod.Get, $"/api/session/{id}", user.AccessToken).WaitAsync(TimeSpan.FromSeconds(60));
            status = read.StatusCode;
        }
        finally
        {
            gate.TrySetResult();
            await held;
        }

        using var audit = await _client.SendAsync(HttpMethod.Get, "/api/user/me/audit", user.AccessToken);
        using var records = JsonDocument.Parse(await audit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(records.RootElement.EnumerateArray(), r =>
            r.GetProperty("action").GetString() == "session.read" && r.GetProperty("targetId").GetString() == id);
    }
}
