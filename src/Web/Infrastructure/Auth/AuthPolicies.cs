namespace BeMore.Web.Infrastructure.Auth;

public static class AuthPolicies
{
    /// <summary>Operators reach the Orleans dashboard and <c>/api/admin/*</c>.</summary>
    public const string Operator = "operator";

    /// <summary>The Orleans dashboard: operators, by the dashboard cookie from a browser or a bearer token from a script.</summary>
    public const string OperatorDashboard = "operator-dashboard";
}
