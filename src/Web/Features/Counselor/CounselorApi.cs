using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Web.Features.Live;
using BeMore.Web.Features.Sessions;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Counselor;

/// <summary>
/// The counselor for clients without the hub: the user's message is stored, then the reply answers the request, as a
/// <c>text/event-stream</c> of <c>counselor_reply_delta</c> messages and the final <c>counselor_reply</c> event, or with
/// <c>Accept: application/json</c> as the final event alone. The request is a viewer of the session while it waits:
/// when it goes away and nobody else watches, the reply stops.
/// </summary>
public static class CounselorApi
{
    public static IEndpointRouteBuilder MapCounselorApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/session/{id}").WithTags("Sessions").RequireAuthorization()
            .AddEndpointFilter<AuditedEndpointFilter>()
            .AddEndpointFilter(SessionsApi.RejectMalformedIds)
            .MapPost("/counselor", AskAsync).WithName("session.counselor.ask")
            .WithSummary("Ask the counselor").WithDescription("Stores the message as a transcript segment (source chat), then streams the reply as text/event-stream, or with Accept: application/json answers the final counselor_reply event.")
            .Produces<SessionEventResponse>(StatusCodes.Status200OK, "application/json", "text/event-stream");
        return endpoints;
    }

    private static async Task<IResult> AskAsync(
        string id, CounselorRequest request, ClaimsPrincipal user, HttpContext context, IGrainFactory grains,
        SessionRelayRegistry relays, IOptions<JsonOptions> json)
    {
        var userId = user.UserId();
        var session = grains.Reference<ICounselingSessionGrain>(id);
        // Ownership before listening: another user's session is "not found".
        await session.GetSnapshotAsync(userId);
        var inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        await using var listening = await relays.ListenAsync(id, userId, inbox.Writer);
        var asked = await grains.Reference<ICounselorGrain>(id).AskAsync(userId, request.ToAsk());
        var cancellation = context.RequestAborted;
        if (!asked.Started && await StoredReplyAsync(session, userId, asked) is { } stored)
        {
            // A repeated message: its reply is already stored, and is the whole answer.
            inbox.Writer.TryWrite(stored);
        }

        if (WantsJson(context.Request))
        {
            return TypedResults.Ok(SessionEventResponse.From(await FinalAsync(inbox.Reader, asked.ReplyId, cancellation)));
        }

        await StreamAsync(context.Response, inbox.Reader, asked.ReplyId, json.Value.SerializerOptions, cancellation);
        return TypedResults.Empty;
    }

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        && !request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    private static async Task<SessionEvent> FinalAsync(ChannelReader<object> inbox, string replyId, CancellationToken cancellation)
    {
        await foreach (var item in inbox.ReadAllAsync(cancellation))
        {
            if (item is SessionEvent { Data: CounselorReply reply } final && reply.ReplyId == replyId)
            {
                return final;
            }
        }

        throw new OperationCanceledException(cancellation);
    }

    private static async Task StreamAsync(
        HttpResponse response, ChannelReader<object> inbox, string replyId, JsonSerializerOptions json, CancellationToken cancellation)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellation);
        await foreach (var item in inbox.ReadAllAsync(cancellation))
        {
            switch (item)
            {
                case SessionLiveMessage { Data: CounselorReplyDelta delta } live when delta.ReplyId == replyId:
                    await WriteAsync(response, live.Type, SessionLiveResponse.From(live), json, cancellation);
                    break;
                case SessionEvent { Data: CounselorReply reply } final when reply.ReplyId == replyId:
                    await WriteAsync(response, final.Type, SessionEventResponse.From(final), json, cancellation);
                    return;
            }
        }
    }

    private static async Task WriteAsync<T>(HttpResponse response, string type, T data, JsonSerializerOptions json, CancellationToken cancellation)
    {
        await response.WriteAsync($"event: {type}\ndata: {JsonSerializer.Serialize(data, json)}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    /// <summary>A repeated message's reply, when it has already been stored.</summary>
    private static async Task<SessionEvent?> StoredReplyAsync(ICounselingSessionGrain session, string userId, CounselorAskResult asked)
    {
        var after = asked.MessageSeq;
        while (true)
        {
            var page = await session.GetEventsAsync(userId, after, SessionEventReading.MaxPageSize);
            if (page.FirstOrDefault(e => e.Data is CounselorReply reply && reply.ReplyId == asked.ReplyId) is { } found)
            {
                return found;
            }

            if (page.Count < SessionEventReading.MaxPageSize)
            {
                return null;
            }

            after = page[^1].Seq;
        }
    }
}
