using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Features.Sessions;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Live;

public sealed record JoinResult(SessionSnapshot Snapshot, IReadOnlyList<SessionEventResponse> Missed);

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
    IOptions<JsonOptions> json,
    IOptions<LiveHubOptions> options) : Hub<ISessionClient>
{
    private const int MaxMissed = 1000;

    private string UserId => Context.User!.UserId();

    public async Task<IReadOnlyDictionary<string, object?>> JoinSession(string sessionId, long afterSeq)
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
        var missed = await session.GetEventsAsync(UserId, afterSeq, MaxMissed);
        return Wire(new JoinResult(snapshot, missed.Select(SessionEventResponse.From).ToList()));
    }

    public async Task LeaveSession(string sessionId)
    {
        EnsureWellFormed(sessionId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, SessionRelayRegistry.GroupOf(sessionId));
        await relays.DetachAsync(sessionId, Context.ConnectionId);
    }

    public async Task<IReadOnlyDictionary<string, object?>> SendTranscript(string sessionId, TranscriptMessage? segment)
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
        return Wire(SessionEventResponse.From(appended));
    }

    public async Task SendVad(string sessionId, VadFrameMessage[] frames)
    {
        EnsureWellFormed(sessionId);
        ValidateVad(frames);
        await grains.GetGrain<IVoiceActivityGrain>(sessionId)
            .AcceptClientVadAsync(UserId, frames.Select(f => new ClientVadInput(f.TsMs, f.IsSpeech, f.Energy, f.DurationMs)).ToList());
    }

    public async Task SendLandmarks(string sessionId, LandmarkFrameMessage[] frames)
    {
        var session = Session(sessionId);
        var parsed = ValidateLandmarks(frames);
        await session.RecordLandmarksAsync(UserId, parsed);
    }

    public async Task<IReadOnlyDictionary<string, object?>> Pause(string sessionId) => Wire(await Session(sessionId).PauseAsync(UserId));

    public async Task<IReadOnlyDictionary<string, object?>> Resume(string sessionId) => Wire(await Session(sessionId).ResumeAsync(UserId));

    public async Task<IReadOnlyDictionary<string, object?>> End(string sessionId) => Wire(await Session(sessionId).EndAsync(UserId));

    /// <summary>
    /// A client-to-server stream of PCM16 chunks. The hub only checks and moves bytes: each chunk goes to the session's
    /// voice-activity grain, which keeps no audio. Returns the number of bytes received.
    /// </summary>
    public async Task<long> UploadAudio(string sessionId, AudioFormat? format, IAsyncEnumerable<byte[]> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        EnsureWellFormed(sessionId);
        if (format is not { IsSupported: true })
        {
            throw LiveErrors.Hub(ErrorCodes.ValidationError, "format must be {encoding: pcm16, sampleRate: 16000, channels: 1}.");
        }

        var budget = limits.BudgetOf(Context.ConnectionId);
        if (!budget.TryBeginAudioStream())
        {
            throw HubRateLimitFilter.Refuse(Context, budget, "one audio stream per connection at a time");
        }

        try
        {
            var voice = grains.GetGrain<IVoiceActivityGrain>(sessionId);
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
        if (!await grains.GetGrain<IUserGrain>(UserId).TryOpenLiveConnectionAsync(Context.ConnectionId, options.Value.MaxConnectionsPerUser))
        {
            // Refused at the door: a HubException here would not reach the client, so the connection is closed.
            Context.Abort();
            return;
        }

        owners.Claim(Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        owners.Forget(Context.ConnectionId);
        await relays.DetachAllAsync(Context.ConnectionId);
        await grains.GetGrain<IUserGrain>(UserId).CloseLiveConnectionAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<long> PumpAudioAsync(IVoiceActivityGrain voice, IAsyncEnumerable<byte[]> chunks, ConnectionBudget budget, CancellationToken cancellationToken)
    {
        long received = 0;
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            if (chunk.Length is 0 or > LiveHubOptions.MaxAudioChunkBytes || chunk.Length % 2 != 0)
            {
                throw LiveErrors.Hub(ErrorCodes.ValidationError, $"audio chunks must hold whole PCM16 samples and at most {LiveHubOptions.MaxAudioChunkBytes} bytes.");
            }

            using var lease = budget.AudioBytes.AttemptAcquire(chunk.Length);
            if (!lease.IsAcquired)
            {
                throw HubRateLimitFilter.Refuse(Context, budget, "audio is arriving faster than allowed");
            }

            received += chunk.Length;
            await voice.AppendAudioAsync(UserId, chunk);
        }

        await voice.CompleteAudioAsync(UserId);
        return received;
    }

    /// <summary>Every hub answer goes out as the REST API's camelCase JSON shape, in either protocol.</summary>
    private IReadOnlyDictionary<string, object?> Wire<T>(T value) => WireTree.From(value, json.Value.SerializerOptions);

    private ICounselingSessionGrain Session(string sessionId)
    {
        EnsureWellFormed(sessionId);
        return grains.GetGrain<ICounselingSessionGrain>(sessionId);
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

    private static void ValidateVad(VadFrameMessage[]? frames)
    {
        if (frames is null || frames.Length is 0 or > LiveHubOptions.MaxVadFramesPerCall)
        {
            throw LiveErrors.Hub(ErrorCodes.ValidationError, $"frames must hold 1 to {LiveHubOptions.MaxVadFramesPerCall} VAD frames.");
        }

        for (var i = 0; i < frames.Length; i++)
        {
            var frame = frames[i];
            var valid = frame is not null
                && frame.TsMs is >= 0 and <= LiveHubOptions.MaxTimestampMs
                && frame.DurationMs is > 0 and <= LiveHubOptions.MaxVadFrameMs
                && double.IsFinite(frame.Energy) && frame.Energy is >= 0 and <= 1
                && (i == 0 || frame.TsMs > frames[i - 1].TsMs);
            if (!valid)
            {
                throw LiveErrors.Hub(ErrorCodes.ValidationError, $"VAD frame {i} is malformed (timestamps must increase, energy 0..1, duration 1..1000 ms).");
            }
        }
    }

    private static List<LandmarkFrame> ValidateLandmarks(LandmarkFrameMessage[]? frames)
    {
        if (frames is null || frames.Length is 0 or > LiveHubOptions.MaxLandmarkFramesPerCall)
        {
            throw LiveErrors.Hub(ErrorCodes.ValidationError, $"frames must hold 1 to {LiveHubOptions.MaxLandmarkFramesPerCall} face frames.");
        }

        var parsed = new List<LandmarkFrame>(frames.Length);
        for (var i = 0; i < frames.Length; i++)
        {
            var frame = frames[i];
            if (frame?.Points is not { Length: LandmarkFrame.PointCount } points || frame.TsMs < 0 || (i > 0 && frame.TsMs <= frames[i - 1].TsMs))
            {
                throw LiveErrors.Hub(ErrorCodes.ValidationError, $"face frame {i} must have 468 points and a timestamp after the previous frame's.");
            }

            var coordinates = new float[LandmarkFrame.CoordinateCount];
            for (var p = 0; p < points.Length; p++)
            {
                if (points[p] is not { Length: 3 } point || !point.All(double.IsFinite))
                {
                    throw LiveErrors.Hub(ErrorCodes.ValidationError, $"face frame {i} point {p} must be three finite numbers.");
                }

                coordinates[p * 3] = (float)point[0];
                coordinates[(p * 3) + 1] = (float)point[1];
                coordinates[(p * 3) + 2] = (float)point[2];
            }

            parsed.Add(new LandmarkFrame(frame.TsMs, coordinates));
        }

        return parsed;
    }
}
