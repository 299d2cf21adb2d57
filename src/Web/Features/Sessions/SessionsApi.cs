using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BeMore.Web.Features.Sessions;

/// <summary>Counseling sessions: lifecycle, event log, transcript, feedback, summary and report. Every call is audited.</summary>
public static class SessionsApi
{
    public const int MaxPage = SessionIndexPage.MaxSize;

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var sessions = endpoints.MapGroup("/api/session").WithTags("Sessions").RequireAuthorization()
            .AddEndpointFilter<AuditedEndpointFilter>();
        sessions.MapPost("", CreateAsync).WithName("session.create")
            .WithSummary("Create a session").WithDescription("Starts a session with its consent (fixed for its life) and counselor mode; answers 201 with the snapshot and its Location.");
        sessions.MapGet("", ListAsync).WithName("session.list")
            .WithSummary("List sessions").WithDescription("The caller's sessions, newest first, paged by cursor.");

        var session = sessions.MapGroup("/{id}").AddEndpointFilter(RejectMalformedIds);
        session.MapGet("", GetAsync).WithName("session.read")
            .WithSummary("Read a session").WithDescription("The session's snapshot. Another user's session answers 404.");
        session.MapPost("/pause", (string id, ClaimsPrincipal user, IGrainFactory grains) => Transition(grains, id, user, (s, u) => s.PauseAsync(u))).WithName("session.pause")
            .WithSummary("Pause a session").WithDescription("Answers the new snapshot; pausing a paused session is a no-op 200, an impossible transition 409.");
        session.MapPost("/resume", (string id, ClaimsPrincipal user, IGrainFactory grains) => Transition(grains, id, user, (s, u) => s.ResumeAsync(u))).WithName("session.resume")
            .WithSummary("Resume a session").WithDescription("Answers the new snapshot; resuming an active session is a no-op 200, an impossible transition 409.");
        session.MapPost("/end", (string id, ClaimsPrincipal user, IGrainFactory grains) => Transition(grains, id, user, (s, u) => s.EndAsync(u))).WithName("session.end")
            .WithSummary("End a session").WithDescription("Answers the new snapshot at once; ending an ended session is a no-op 200.");
        session.MapDelete("", DeleteAsync).WithName("session.delete")
            .WithSummary("Erase a session").WithDescription("The session and everything about it is erased.");
        session.MapGet("/events", GetEventsAsync).WithName("session.events.read")
            .WithSummary("Read the event log").WithDescription("Events with seq > after, ascending, at most limit; page on with the last seq.");
        session.MapGet("/transcript", GetTranscriptAsync).WithName("session.transcript.read")
            .WithSummary("Read the transcript").WithDescription("Transcript segments only, with seq > after, ascending.");
        session.MapPost("/transcript", AppendTranscriptAsync).WithName("session.transcript.append")
            .WithSummary("Append a transcript segment").WithDescription("Answers 201 with the stored segment event; the same clientSegmentId answers the same event (idempotent).");
        session.MapGet("/summary", GetSummaryAsync).WithName("session.summary.read")
            .WithSummary("Read the summary").WithDescription("A short summary for dashboards, with an ETag (If-None-Match answers 304).");
        session.MapPost("/feedback", SubmitFeedbackAsync).WithName("session.feedback")
            .WithSummary("Rate a session").WithDescription("A rating from 1 to 5 and an optional comment; answers 201 with the feedback event.");
        return endpoints;
    }

    private static async Task<Created<SessionSnapshot>> CreateAsync(CreateSessionRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var id = SessionIds.New();
        var consent = new SessionConsent(request.Consent!.Analysis!.Value, request.Consent.StoreTranscript!.Value);
        var title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim();
        var snapshot = await grains.Reference<ICounselingSessionGrain>(id).StartAsync(new StartSession(user.UserId(), title, consent, CounselorModes.Parse(request.Counselor?.Mode)));
        return TypedResults.Created($"/api/session/{id}", snapshot);
    }

    /// <summary>
    /// The caller's sessions, newest first; <paramref name="q"/> keeps those whose title contains it, <paramref name="from"/>
    /// and <paramref name="to"/> those that started at or after <c>from</c> and before <c>to</c>.
    /// </summary>
    private static async Task<Results<Ok<SessionPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, IGrainFactory grains, [MaxLength(64)] string? cursor = null, [Range(1, MaxPage)] int limit = 20,
        [MaxLength(200)] string? q = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (from >= to)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to must be later than from."] });
        }

        var search = string.IsNullOrWhiteSpace(q) && from is null && to is null ? null : new SessionSearch(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), from, to);
        var userId = user.UserId();
        var page = await grains.Reference<IUserSessionsGrain>(userId).ListSessionsAsync(cursor, limit, search);
        var snapshots = await Task.WhenAll(page.Items.Select(item => grains.Reference<ICounselingSessionGrain>(item.SessionId).GetSnapshotAsync(userId)));
        return TypedResults.Ok(new SessionPage(snapshots, page.NextCursor));
    }

    private static async Task<Ok<SessionSnapshot>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Reference<ICounselingSessionGrain>(id).GetSnapshotAsync(user.UserId()));

    private static async Task<Ok<SessionSnapshot>> Transition(
        IGrainFactory grains, string id, ClaimsPrincipal user, Func<ICounselingSessionGrain, string, Task<SessionSnapshot>> transition) =>
        TypedResults.Ok(await transition(grains.Reference<ICounselingSessionGrain>(id), user.UserId()));

    private static async Task<NoContent> DeleteAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var userId = user.UserId();
        await grains.Reference<ICounselingSessionGrain>(id).EraseAsync(userId);
        await grains.Reference<IUserSessionsGrain>(userId).RemoveSessionAsync(id);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<SessionEventResponse>>> GetEventsAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [Range(0, long.MaxValue)] long after = 0, [Range(1, SessionEventReading.MaxPageSize)] int limit = 100)
    {
        var events = await grains.Reference<ICounselingSessionGrain>(id).GetEventsAsync(user.UserId(), after, limit);
        return TypedResults.Ok<IReadOnlyList<SessionEventResponse>>(events.Select(SessionEventResponse.From).ToList());
    }

    /// <summary>Transcript segments only: reads the log page by page until <paramref name="limit"/> segments are found.</summary>
    private static async Task<Ok<IReadOnlyList<SessionEventResponse>>> GetTranscriptAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [Range(0, long.MaxValue)] long after = 0, [Range(1, SessionEventReading.MaxPageSize)] int limit = 100)
    {
        var session = grains.Reference<ICounselingSessionGrain>(id);
        var userId = user.UserId();
        var segments = new List<SessionEventResponse>();
        while (segments.Count < limit)
        {
            var page = await session.GetEventsAsync(userId, after, SessionEventReading.MaxPageSize);
            segments.AddRange(page.Where(e => e.Data is TranscriptSegment).Take(limit - segments.Count).Select(SessionEventResponse.From));
            if (page.Count < SessionEventReading.MaxPageSize)
            {
                break;
            }

            after = page[^1].Seq;
        }

        return TypedResults.Ok<IReadOnlyList<SessionEventResponse>>(segments);
    }

    private static async Task<Created<SessionEventResponse>> AppendTranscriptAsync(
        string id, TranscriptRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var appended = await grains.Reference<ICounselingSessionGrain>(id).AppendTranscriptAsync(user.UserId(), request.ToInput());
        return TypedResults.Created($"/api/session/{id}/events?after={appended.Seq - 1}&limit=1", SessionEventResponse.From(appended));
    }

    private static async Task<Results<Ok<SessionSummaryResponse>, StatusCodeHttpResult>> GetSummaryAsync(
        string id, HttpContext context, IGrainFactory grains)
    {
        var snapshot = await grains.Reference<ICounselingSessionGrain>(id).GetSnapshotAsync(context.User.UserId());
        // Every change of the summary but the running duration comes with a new event, hence a new seq.
        return ConditionalGet.OkOrNotModified(context, SessionSummaryResponse.From(snapshot), $"{snapshot.Id}-{snapshot.LastSeq}");
    }

    private static async Task<Created<SessionEventResponse>> SubmitFeedbackAsync(
        string id, FeedbackRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var recorded = await grains.Reference<ICounselingSessionGrain>(id).SubmitFeedbackAsync(user.UserId(), request.Rating!.Value, comment);
        return TypedResults.Created($"/api/session/{id}/report", SessionEventResponse.From(recorded));
    }

    /// <summary>Route filter for <c>/api/session/{id}</c> groups: an id that could not have been issued is an unknown session.</summary>
    public static ValueTask<object?> RejectMalformedIds(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.RouteValues["id"] is string id && SessionIds.IsWellFormed(id)
            ? next(context)
            : throw new SessionNotFoundException();
}
