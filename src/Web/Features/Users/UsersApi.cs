using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Web.Features.Auth;
using BeMore.Web.Features.Sessions;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BeMore.Web.Features.Users;

/// <summary>The signed-in user's own account: profile, preferences, export, audit trail and erasure.</summary>
public static class UsersApi
{
    public const int MaxAuditPage = 500;

    /// <summary>How many of the newest sessions a preference change looks through for ones still running.</summary>
    private const int OpenSessionScan = 100;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/user/me").WithTags("Users").RequireAuthorization();
        group.MapGet("", GetProfileAsync)
            .WithSummary("Read the profile").WithDescription("The signed-in user's profile.");
        group.MapPut("", UpdateProfileAsync)
            .WithSummary("Update the profile").WithDescription("Changes the display name; answers the profile.");
        group.MapDelete("", DeleteAsync)
            .WithSummary("Erase the account").WithDescription("Asks for the password again, then erases the account, its sessions, events, reports and tokens.");
        group.MapPost("/password", ChangePasswordAsync)
            .WithSummary("Change the password").WithDescription("Every refresh token of the user stops working, access tokens within 60 s.");
        group.MapGet("/preferences", GetPreferencesAsync)
            .WithSummary("Read the preferences").WithDescription("Language, theme, notifications and the analyses the user opts into.");
        group.MapPut("/preferences", UpdatePreferencesAsync)
            .WithSummary("Update the preferences").WithDescription("Replaces the preferences; answers them as stored.");
        group.MapGet("/export", ExportAsync)
            .WithSummary("Export the account").WithDescription("Everything stored about the user (profile, preferences, sessions with transcripts and analysis) as one JSON document.");
        group.MapGet("/audit", GetAuditAsync)
            .WithSummary("Read the own access log").WithDescription("Who did what, when, from where, and the outcome; no content.");
        return endpoints;
    }

    private static async Task<Ok<ProfileResponse>> GetProfileAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(ProfileResponse.From(await grains.Reference<IUserGrain>(user.UserId()).GetProfileAsync()));

    private static async Task<Ok<ProfileResponse>> UpdateProfileAsync(
        UpdateProfileRequest request, HttpContext context, IGrainFactory grains, AuditTrail audit)
    {
        var userId = context.User.UserId();
        var profile = await grains.Reference<IUserGrain>(userId).UpdateDisplayNameAsync(request.DisplayName.Trim());
        await audit.RecordAsync(context, AuditActions.ProfileUpdate, AuditOutcomes.Success, userId, userId);
        return TypedResults.Ok(ProfileResponse.From(profile));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        [FromBody] DeleteAccountRequest? request, HttpContext context, IGrainFactory grains, SignInGuard guard, SecurityStamps stamps, AuditTrail audit)
    {
        var userId = context.User.UserId();
        var user = grains.Reference<IUserGrain>(userId);
        if (await ReauthenticateAsync(context, user, guard, request?.Password) is { } refusal)
        {
            await audit.RecordAsync(context, AuditActions.Delete, AuditOutcomes.Denied, userId, userId);
            return refusal;
        }

        // Records of this user's earlier requests still queued here would otherwise be stored after the erasure.
        await audit.FlushAsync();
        await AccountErasure.EraseAsync(grains, userId);
        stamps.Forget(userId);
        // The one record that outlives the account: that it was erased, by whom; no address, nothing else.
        await audit.RecordAsync(context, AuditActions.Delete, AuditOutcomes.Success, userId, userId, withClientIp: false);
        return TypedResults.NoContent();
    }

    /// <summary>Ends every sign-in, the caller's too: the client signs in again with the new password.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext context, IGrainFactory grains, SignInGuard guard, PasswordHashing passwords,
        SecurityStamps stamps, AuditTrail audit)
    {
        var userId = context.User.UserId();
        var user = grains.Reference<IUserGrain>(userId);
        if (await ReauthenticateAsync(context, user, guard, request.CurrentPassword) is { } refusal)
        {
            await audit.RecordAsync(context, AuditActions.PasswordChange, AuditOutcomes.Denied, userId, userId);
            return refusal;
        }

        if (PasswordPolicy.Problem(request.NewPassword, (await user.GetProfileAsync()).Email) is { } weakness)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(ChangePasswordRequest.NewPassword)] = [weakness] });
        }

        await user.ChangePasswordAsync(passwords.Hash(request.NewPassword));
        stamps.Forget(userId);
        await audit.RecordAsync(context, AuditActions.PasswordChange, AuditOutcomes.Success, userId, userId);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The signed-in user's password, asked again before an irreversible change; a wrong one counts toward the same
    /// per-(email, address) throttle as a sign-in. Null when it is right.
    /// </summary>
    private static async Task<ProblemHttpResult?> ReauthenticateAsync(HttpContext context, IUserGrain user, SignInGuard guard, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return SignInGuard.InvalidCredentials();
        }

        var credentials = await user.GetCredentialsAsync();
        var check = await guard.CheckAsync(context, credentials.Profile.Email, credentials.PasswordHash, password);
        return check.Outcome switch
        {
            PasswordCheckOutcome.Throttled => SignInGuard.TooManyAttempts(context, check.RetryAfter, "Too many wrong passwords; try again later."),
            PasswordCheckOutcome.Wrong => SignInGuard.InvalidCredentials(),
            _ => null,
        };
    }

    private static async Task<Ok<UserPreferences>> GetPreferencesAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Reference<IUserGrain>(user.UserId()).GetPreferencesAsync());

    private static async Task<Ok<UserPreferences>> UpdatePreferencesAsync(
        PreferencesRequest request, HttpContext context, IGrainFactory grains, AuditTrail audit)
    {
        var userId = context.User.UserId();
        var user = grains.Reference<IUserGrain>(userId);
        var analysis = request.Analysis is { } optIns
            ? new AnalysisOptIns(optIns.TextEmotion, optIns.FaceEmotion, optIns.Voice, optIns.Distortions)
            : (await user.GetPreferencesAsync()).Analysis;
        var preferences = await user.UpdatePreferencesAsync(
            new UserPreferences(request.Language, request.Theme, request.Notifications!.Value, analysis));
        // Sessions still running follow the change at once: a withdrawn opt-in must not wait for the next session. They
        // are among the newest (an idle session is ended within a day), and the web tier makes these calls so the user's
        // grains never wait on a session grain that may be waiting on them.
        var newest = await grains.Reference<IUserSessionsGrain>(userId).ListSessionsAsync(cursor: null, OpenSessionScan);
        await Task.WhenAll(newest.Items
            .Where(entry => entry.Outcome is null)
            .Select(entry => grains.Reference<ICounselingSessionGrain>(entry.SessionId).ApplyPreferencesAsync(userId, preferences)));
        await audit.RecordAsync(context, AuditActions.PreferencesUpdate, AuditOutcomes.Success, userId, userId);
        return TypedResults.Ok(preferences);
    }

    private static async Task<Ok<UserExportResponse>> ExportAsync(HttpContext context, IGrainFactory grains, AuditTrail audit, TimeProvider time)
    {
        var userId = context.User.UserId();
        var export = await grains.Reference<IUserGrain>(userId).ExportAsync();
        var sessions = new List<ExportedSession>();
        foreach (var entry in await ListAllSessionsAsync(grains.Reference<IUserSessionsGrain>(userId)))
        {
            var session = grains.Reference<ICounselingSessionGrain>(entry.SessionId);
            sessions.Add(new ExportedSession(await session.GetSnapshotAsync(userId), (await session.ReadAllAsync(userId)).Select(SessionEventResponse.From).ToList()));
        }

        await audit.FlushAsync();
        var auditRecords = await ReadAllAuditAsync(grains, userId);
        await audit.RecordAsync(context, AuditActions.Export, AuditOutcomes.Success, userId, userId);
        return TypedResults.Ok(new UserExportResponse(
            time.GetUtcNow(), ProfileResponse.From(export.Profile), export.Preferences, export.ActiveRefreshTokenFamilies, sessions, auditRecords));
    }

    private static async Task<Ok<IReadOnlyList<AuditRecordResponse>>> GetAuditAsync(
        ClaimsPrincipal user, IGrainFactory grains, AuditTrail audit, [Range(0, long.MaxValue)] long after = 0, [Range(1, MaxAuditPage)] int limit = 100)
    {
        // What this node has queued is stored first, so a reader sees the requests it just made.
        await audit.FlushAsync();
        var records = await grains.Reference<IAuditLogGrain>(0).ReadAsync(user.UserId(), after, limit);
        return TypedResults.Ok<IReadOnlyList<AuditRecordResponse>>(records.Select(AuditRecordResponse.From).ToList());
    }

    private static async Task<List<SessionIndexEntry>> ListAllSessionsAsync(IUserSessionsGrain index)
    {
        var entries = new List<SessionIndexEntry>();
        string? cursor = null;
        do
        {
            var page = await index.ListSessionsAsync(cursor, SessionIndexPage.MaxSize);
            entries.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return entries;
    }

    private static async Task<IReadOnlyList<AuditRecordResponse>> ReadAllAuditAsync(IGrainFactory grains, string userId)
    {
        var records = new List<AuditRecordResponse>();
        var after = 0L;
        while (true)
        {
            var page = await grains.Reference<IAuditLogGrain>(0).ReadAsync(userId, after, MaxAuditPage);
            records.AddRange(page.Select(AuditRecordResponse.From));
            if (page.Count == 0)
            {
                return records;
            }

            after = page[^1].Id;
        }
    }
}
