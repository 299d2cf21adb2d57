using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Live;

/// <summary>
/// The AsyncAPI 3.0 description of <c>/hubs/session</c>, built from the code itself: the hub's public methods with
/// their argument and answer types, every <see cref="SessionEventData"/> and <see cref="SessionLiveData"/> type, and the
/// hub's error codes; schemas come from the hub's own JSON options, so the document cannot drift from the wire.
/// </summary>
public static class LiveAsyncApi
{
    public const string DocumentPath = "/asyncapi/v1.json";

    /// <summary>What each client-to-server method does; a hub method missing here fails the document (and the contract test).</summary>
    public static readonly IReadOnlyDictionary<string, string> MethodSummaries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(SessionHub.JoinSession)] = "Authorizes, joins the session's group and answers {snapshot, missed, hasMore}: the events with seq > afterSeq, at most BeMore:Hub:JoinMissedLimit of them; with hasMore the client pages the rest through GET /api/session/{id}/events?after=<last seq>.",
        [nameof(SessionHub.LeaveSession)] = "Leaves the session's group.",
        [nameof(SessionHub.SendTranscript)] = "Transcript text produced by the client, validated as the REST route's body; answers the stored transcript_segment event (idempotent by clientSegmentId).",
        [nameof(SessionHub.SendVad)] = "1 to 200 voice-activity frames computed by the client, in strictly increasing time.",
        [nameof(SessionHub.SendLandmarks)] = "1 to 10 MediaPipe face-mesh frames of 468 [x, y, z] points, in strictly increasing time; a session without analysis consent answers FORBIDDEN. The message may take 384 KB.",
        [nameof(SessionHub.AskCounselor)] = "Stores the message as a transcript_segment (source chat, idempotent by clientMessageId) and answers {replyId} at once; the reply streams as SessionLive counselor_reply_delta messages, then a durable counselor_reply event.",
        [nameof(SessionHub.CancelReply)] = "Stops a reply in progress; it is stored with what was said and cancelled: true.",
        [nameof(SessionHub.Pause)] = "Pauses the session; answers the snapshot (same rules as REST).",
        [nameof(SessionHub.Resume)] = "Resumes the session; answers the snapshot (same rules as REST).",
        [nameof(SessionHub.End)] = "Ends the session; answers the snapshot (same rules as REST).",
        [nameof(SessionHub.UploadAudio)] = "A client-to-server stream of PCM16 chunks (16 kHz mono, at most 32 KB each, whole samples); answers the byte count received.",
    };

    /// <summary>The codes a hub error starts with (<c>"CODE: message"</c>) or a connection is closed with.</summary>
    public static readonly IReadOnlyList<string> ErrorCodesSent =
    [
        ErrorCodes.ValidationError, ErrorCodes.SessionNotFound, ErrorCodes.InvalidSessionState, ErrorCodes.Forbidden,
        ErrorCodes.PayloadTooLarge, ErrorCodes.RateLimited, ErrorCodes.InvalidToken, ErrorCodes.ServiceUnavailable,
        ErrorCodes.TooManyConnections,
    ];

    /// <summary>Every event type a <c>SessionEvent</c> can carry, with its data type.</summary>
    public static IReadOnlyDictionary<string, Type> EventTypes { get; } = typeof(SessionEventData)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => (string)a.TypeDiscriminator!, a => a.DerivedType, StringComparer.Ordinal);

    /// <summary>Every type a <c>SessionLive</c> message can carry, with its data type.</summary>
    public static IReadOnlyDictionary<string, Type> LiveTypes { get; } = typeof(SessionLiveData).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(SessionLiveData)))
        .ToDictionary(t => (string)t.GetField("TypeName")!.GetRawConstantValue()!, t => t, StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapLiveAsyncApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DocumentPath, (HttpContext context, IOptions<JsonHubProtocolOptions> json) =>
            TypedResults.Text(Build(json.Value.PayloadSerializerOptions, context.Request.Host.Value ?? "localhost", context.Request.IsHttps).ToJsonString(), "application/json"))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return endpoints;
    }

    public static JsonObject Build(JsonSerializerOptions options, string host, bool secure)
    {
        ArgumentNullException.ThrowIfNull(options);
        var schemas = new LiveSchemas(options);
        var messages = new JsonObject();
        var channelMessages = new JsonObject();
        var operations = new JsonObject();
        foreach (var method in HubMethods())
        {
            var summary = MethodSummaries.TryGetValue(method.Name, out var known)
                ? known
                : throw new InvalidOperationException($"The hub method {method.Name} has no summary in {nameof(LiveAsyncApi)}.");
            AddMessage(messages, channelMessages, method.Name, $"{method.Name} invocation", schemas.Arguments(method));
            var answer = $"{method.Name}Result";
            AddMessage(messages, channelMessages, answer, $"What {method.Name} answers", schemas.Answer(method));
            operations[method.Name] = new JsonObject
            {
                ["action"] = "receive",
                ["title"] = method.Name,
                ["summary"] = summary,
                ["description"] = $"Client-to-server call (SignalR invocation of target \"{method.Name}\"). A refusal is a hub error whose message starts with its code, e.g. \"VALIDATION_ERROR: ...\".",
                ["channel"] = Ref("#/channels/session"),
                ["messages"] = new JsonArray(Ref($"#/channels/session/messages/{method.Name}")),
                ["reply"] = new JsonObject
                {
                    ["channel"] = Ref("#/channels/session"),
                    ["messages"] = new JsonArray(Ref($"#/channels/session/messages/{answer}"), Ref("#/channels/session/messages/HubError")),
                },
            };
        }

        AddMessage(messages, channelMessages, "SessionEvent", "A durable session event (stored, replayed by JoinSession and REST)", schemas.Events(EventTypes));
        AddMessage(messages, channelMessages, "SessionLive", "A live-only message: no seq, never stored or replayed", schemas.Live(LiveTypes));
        AddMessage(messages, channelMessages, "HubError", "A refusal: the error message of a failed call, or of the close of a connection refused at the door", new JsonObject
        {
            ["type"] = "string",
            ["description"] = "Starts with the code, then \": \" and a human-readable reason. Codes: " + string.Join(", ", ErrorCodesSent) +
                ". TOO_MANY_CONNECTIONS closes the connection (BeMore:Hub:MaxConnectionsPerUser); a message over the transport's hard cap (BeMore:Hub:MaximumReceiveMessageSize) closes it without a code.",
            ["pattern"] = $"^({string.Join('|', ErrorCodesSent)}): ",
        });
        foreach (var pushed in new[] { "SessionEvent", "SessionLive" })
        {
            operations[$"on{pushed}"] = new JsonObject
            {
                ["action"] = "send",
                ["title"] = pushed,
                ["summary"] = pushed == "SessionEvent" ? "Pushes each event of the joined sessions, in seq order (a client dedups by seq and fills gaps with afterSeq)." : "Pushes live-only messages of the joined sessions.",
                ["channel"] = Ref("#/channels/session"),
                ["messages"] = new JsonArray(Ref($"#/channels/session/messages/{pushed}")),
            };
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "BeMore live hub",
                ["version"] = "v1",
                ["description"] = "The SignalR hub /hubs/session (JSON and MessagePack protocols, the same camelCase fields). Operations are described from the server's side: it receives the client's invocations and sends SessionEvent and SessionLive. Payloads of invocations are SignalR's positional argument arrays.",
                ["license"] = new JsonObject { ["name"] = "Proprietary", ["url"] = "https://bemore.invalid/license" },
                ["contact"] = new JsonObject { ["name"] = "BeMore", ["url"] = "https://bemore.invalid/" },
            },
            ["defaultContentType"] = "application/json",
            ["servers"] = new JsonObject
            {
                ["bemore"] = new JsonObject
                {
                    ["host"] = host,
                    ["protocol"] = secure ? "wss" : "ws",
                    ["pathname"] = LiveApi.HubPath,
                    ["description"] = "This server; the access token rides in the access_token query parameter.",
                    ["security"] = new JsonArray(Ref("#/components/securitySchemes/accessToken")),
                },
            },
            ["channels"] = new JsonObject
            {
                ["session"] = new JsonObject
                {
                    ["address"] = LiveApi.HubPath,
                    ["title"] = "Session hub",
                    ["description"] = "One SignalR connection; a client joins sessions with JoinSession.",
                    ["messages"] = channelMessages,
                },
            },
            ["operations"] = operations,
            ["components"] = new JsonObject
            {
                ["messages"] = messages,
                ["securitySchemes"] = new JsonObject
                {
                    ["accessToken"] = new JsonObject
                    {
                        ["type"] = "httpApiKey",
                        ["name"] = "access_token",
                        ["in"] = "query",
                        ["description"] = "The accessToken from /api/auth/login (a JWT).",
                    },
                },
            },
        };
    }

    /// <summary>The hub's client-callable methods: its own public instance methods (not the base class's lifetime hooks).</summary>
    public static IEnumerable<MethodInfo> HubMethods() =>
        typeof(SessionHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    private static void AddMessage(JsonObject messages, JsonObject channelMessages, string name, string title, JsonNode payload)
    {
        messages[name] = new JsonObject { ["name"] = name, ["title"] = title, ["summary"] = title + ".", ["payload"] = payload };
        channelMessages[name] = Ref($"#/components/messages/{name}");
    }

    private static JsonObject Ref(string target) => new() { ["$ref"] = target };
}
