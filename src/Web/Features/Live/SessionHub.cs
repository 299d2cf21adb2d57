using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Features.Counselor;
using BeMore.Web.Features.Sessions;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Errors;
using BeMore.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Live;

/// <summary>
/// The live connection of a session: inputs stream in (validated here, so nothing malformed reaches a grain), the
/// session's events stream out through this node's relay. Ownership is checked by the session grain on every call.
/// </summary>
[Authorize]
public sealed class SessionHub(
    IGrainFactory grains,
    SessionRelayRegistry relays,
    HubRateLimitFilter limits,
    InputValidator validator,
    HubConnectionOwners owners,
    SiloUnavailabilityLog unavailability,
    IOptions<LiveHubOptions> options) : Hub<ISessionClient>
{
    private string UserId => Context.User!.UserId();

    public async Task<JoinResult> JoinSession(string sessionId, long afterSeq)
    {
        var session = Session(sessionId);
        if (afterSeq < 0)
        {
            // As REST's events?after=: a position in the log, never negative.
            throw LiveErrors.Hub(ErrorCodes.ValidationError, "afterSeq must be 0 or more.");
        }

        var snapshot = await session.GetSnapshotAsync(UserId);
        // Join the group before reading what was missed: an event in between arrives twice (clients dedup by seq), never zero times.
        await Groups.AddToGroupAsync(Context.ConnectionId, SessionRelayRegistry.GroupOf(sessionId));
        await relays.AttachAsync(sessionId, UserId, Context.ConnectionId);
        var limit = options.Value.JoinMissedLimit;
        // One more than the limit tells whether the log goes on past what the answer carries.
        var missed = await session.GetEventsAsync(UserId, afterSeq, Math.Min(limit + 1, SessionEventReading.MaxPageSize));
        var hasMore = missed.Count > limit || missed.Count == SessionEventReading.MaxPageSize;
        return new JoinResult(snapshot, missed.Take(limit).Select(SessionEventResponse.From).ToList(), hasMore);
    }

    public async Task LeaveSession(string sessionId)
    {
        EnsureWellFormed(sessionId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, SessionRelayRegistry.GroupOf(sessionId));
        await relays.DetachAsync(sessionId, Context.ConnectionId);
    }

    public async Task<SessionEventResponse> SendTranscript(string sessionId, TranscriptMessage? segment)
    {
        var session = Session(sessionId);
        if (segment is null)
        {
            throw LiveErrors.Hub(ErrorCodes.ValidationError, "segment is required.");
        }

        // The REST route's own body record, checked by the same validator, so both doors enforce one set of rules.
        var request = new TranscriptRequest(segment.ClientSegmentId!, segment.Text!, segment.StartMs, segment.EndMs, segment.Language!);
        await ValidateAsync(request);
        var appended = await session.AppendTranscriptAsync(UserId, request.ToInput());
        return SessionEventResponse.From(appended);
    }

    public async Task SendVad(string sessionId, VadFrameMessage?[]? frames)
    {
        EnsureWellFormed(sessionId);
        await ValidateAsync(new VadBatch(frames));
        await grains.Reference<IVoiceActivityGrain>(sessionId)
            .AcceptClientVadAsync(UserId, frames!.Select(f => new ClientVadInput(f!.TsMs, f.IsSpeech, f.Energy, f.DurationMs)).ToList());
    }

    public async Task SendLandmarks(string sessionId, LandmarkFrameMessage?[]? frames)
    {
        var session = Session(sessionId);
        await ValidateAsync(new LandmarkBatch(frames));
        await session.RecordLandmarksAsync(UserId, frames!.Select(ToLandmarkFrame).ToList());
    }

    /// <summary>Stores the user's message and starts the counselor's reply; answers its id at once (the reply streams as <c>SessionLive</c>).</summary>
    public async Task<CounselorReplyStarted> AskCounselor(string sessionId, CounselorMessage? message)
    {
        EnsureWellFormed(sessionId);
        if (message is null)
        {
            throw LiveErrors.Hub(ErrorCodes.ValidationError, "message is required.");
        }

        var request = new CounselorRequest(message.ClientMessageId!, message.Text!, message.Language!);
        await ValidateAsync(request);
        var asked = await grains.Reference<ICounselorGrain>(sessionId).AskAsync(UserId, request.ToAsk());
        return new CounselorReplyStarted(asked.ReplyId);
    }

    public async Task CancelReply(string sessionId, string? replyId)
    {
        EnsureWellFormed(sessionId);
        if (string.IsNullOrEmpty(replyId) || replyId.Length > CounselorRequest.MaxClientMessageIdLength)
        {
            throw LiveErrors.Hub(ErrorCodes.ValidationError, "replyId is required.");
        }

        await grains.Reference<ICounselorGrain>(sessionId).CancelAsync(UserId, replyId);
    }

    public async Task<SessionSnapshot> Pause(string sessionId) => await Session(sessionId).PauseAsync(UserId);

    public async Task<SessionSnapshot> Resume(string sessionId) => await Session(sessionId).ResumeAsync(UserId);

    public async Task<SessionSnapshot> End(string sessionId) => await Session(sessionId).EndAsync(UserId);

    /// <summary>
    /// A client-to-server stream of PCM16 chunks. The hub only checks and moves bytes: each chunk goes to the session's
    /// voice-activity grain, which keeps no audio. Returns the number of bytes received.
    /// </summary>
    public async Task<long> UploadAudio(string sessionId, AudioFormat? format, IAsyncEnumerable<byte[]> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        EnsureWellFormed(sessionId);
        if (format is null)
        {
            throw LiveErrors.Hub(ErrorCodes.ValidationError, "format must be {encoding: pcm16, sampleRate: 16000, channels: 1}.");
        }

        await ValidateAsync(format);

        var budget = limits.BudgetOf(Context.ConnectionId);
        if (!budget.TryBeginAudioStream())
        {
            throw HubRateLimitFilter.Refuse(Context, budget, "one audio stream per connection at a time");
        }

        try
        {
            var voice = grains.Reference<IVoiceActivityGrain>(sessionId);
            await voice.BeginAudioAsync(UserId);
            return await PumpAudioAsync(voice, chunks, budget, Context.ConnectionAborted);
        }
        finally
        {
            budget.EndAudioStream();
        }
    }

    public override async Task OnConnectedAsync()
    {
        var limit = options.Value.MaxConnectionsPerUser;
        bool opened;
        try
        {
            opened = await grains.Reference<IUserGrain>(UserId).TryOpenLiveConnectionAsync(Context.ConnectionId, limit);
        }
        catch (Exception exception) when (SiloUnavailability.CauseOf(exception) is { } cause)
        {
            // The user's grain was on a node that just died: the client connects again shortly, on any node. SignalR's
            // own Error line for this is dropped (NodeLossLogFilter), the unavailability log counts it.
            owners.Forget(Context.ConnectionId);
            unavailability.Record(cause, exception, "hub connection");
            throw LiveErrors.Hub(ErrorCodes.ServiceUnavailable, $"{SiloUnavailability.Title} (after {SiloUnavailability.RetryAfterSeconds} s)", exception);
        }

        if (!opened)
        {
            // Refused at the door: SignalR closes the connection with this error in its close message, which the client
            // reads (the connection is not reconnected; OnDisconnectedAsync does not run for it).
            owners.Forget(Context.ConnectionId);
            throw LiveErrors.Hub(ErrorCodes.TooManyConnections, $"this account already holds {limit} live connections; close one first.");
        }

        owners.Claim(Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        owners.Forget(Context.ConnectionId);
        await relays.DetachAllAsync(Context.ConnectionId);
        await grains.Reference<IUserGrain>(UserId).CloseLiveConnectionAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<long> PumpAudioAsync(IVoiceActivityGrain voice, IAsyncEnumerable<byte[]> chunks, ConnectionBudget budget, CancellationToken cancellationToken)
    {
        long received = 0;
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            if (chunk.Length > LiveHubOptions.MaxAudioChunkBytes)
            {
                throw LiveErrors.Hub(ErrorCodes.PayloadTooLarge, $"audio chunks must be at most {LiveHubOptions.MaxAudioChunkBytes} bytes.");
            }

            if (chunk.Length is 0 || chunk.Length % 2 != 0)
            {
                throw LiveErrors.Hub(ErrorCodes.ValidationError, "audio chunks must hold whole PCM16 samples.");
            }

            if (!budget.TryTakeAudio(chunk.Length))
            {
                throw HubRateLimitFilter.Refuse(Context, budget, "audio is arriving faster than allowed");
            }

            received += chunk.Length;
            await voice.AppendAudioAsync(UserId, chunk);
        }

        await voice.CompleteAudioAsync(UserId);
        return received;
    }

    private ICounselingSessionGrain Session(string sessionId)
    {
        EnsureWellFormed(sessionId);
        return grains.Reference<ICounselingSessionGrain>(sessionId);
    }

    private static void EnsureWellFormed(string sessionId)
    {
        if (sessionId is null || !SessionIds.IsWellFormed(sessionId))
        {
            throw LiveErrors.Hub(ErrorCodes.SessionNotFound, "The session does not exist.");
        }
    }

    private async Task ValidateAsync<T>(T request)
        where T : class
    {
        if (await validator.ValidateAsync(request, Context.ConnectionAborted) is { } errors)
        {
            throw LiveErrors.Hub(ErrorCodes.ValidationError, string.Join(" ", errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))));
        }
    }

    /// <summary>A validated face frame as the grain takes it: 468 points packed as x, y, z floats.</summary>
    private static LandmarkFrame ToLandmarkFrame(LandmarkFrameMessage? frame)
    {
        var coordinates = new float[LandmarkFrame.CoordinateCount];
        var points = frame!.Points!;
        for (var p = 0; p < points.Length; p++)
        {
            coordinates[p * 3] = (float)points[p][0];
            coordinates[(p * 3) + 1] = (float)points[p][1];
            coordinates[(p * 3) + 2] = (float)points[p][2];
        }

        return new LandmarkFrame(frame.TsMs, coordinates);
    }
}
