using BeMore.Grains.Abstractions.Audit;
using Microsoft.AspNetCore.Http;

namespace BeMore.Web.Infrastructure.Audit;

/// <summary>The action names written to the audit log (stable: operators filter on them).</summary>
public static class AuditActions
{
    public const string SignUp = "account.signup";
    public const string SignIn = "auth.login";
    public const string Refresh = "auth.refresh";
    public const string RefreshReuse = "auth.refresh_reuse";
    public const string SignOut = "auth.logout";
    public const string SignOutEverywhere = "auth.logout_all";
    public const string PasswordChange = "account.password_change";
    public const string ProfileRead = "profile.read";
    public const string ProfileUpdate = "profile.update";
    public const string PreferencesRead = "preferences.read";
    public const string PreferencesUpdate = "preferences.update";
    public const string Export = "account.export";
    public const string AuditRead = "audit.read";
    public const string Delete = "account.delete";
}

/// <summary>Writes audit records for the current request: actor from the token, client IP from the connection.</summary>
public sealed class AuditTrail(IGrainFactory grains, TimeProvider time)
{
    public Task RecordAsync(HttpContext context, string action, string outcome, string? userId, string? targetId = null, bool withClientIp = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst("sub")?.Value : userId;
        var entry = new AuditEntry(
            userId,
            actor,
            action,
            targetId,
            time.GetUtcNow(),
            withClientIp ? context.Connection.RemoteIpAddress?.ToString() : null,
            outcome);
        return grains.GetGrain<IAuditLogGrain>(0).RecordAsync(entry);
    }
}
