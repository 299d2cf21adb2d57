namespace BeMore.Web.Infrastructure.Auth;

public static class Roles
{
    public const string User = "user";
    public const string Operator = "operator";
}
