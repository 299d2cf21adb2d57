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
