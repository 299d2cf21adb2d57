namespace BeMore.Web.Infrastructure.Auth;

public static class AuthPolicies
{
    /// <summary>Operators reach the Orleans dashboard and <c>/api/admin/*</c>.</summary>
    public const string Operator = "operator";
}
