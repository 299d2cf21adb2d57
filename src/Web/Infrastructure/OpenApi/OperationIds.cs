using System.Globalization;
using System.Text;

namespace BeMore.Web.Infrastructure.OpenApi;

/// <summary>An operationId for a route without an endpoint name: its method and path, e.g. <c>getUserMePreferences</c>.</summary>
internal static class OperationIds
{
    public static string From(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var words = route.Split(['/', '-', '.', '{', '}'], StringSplitOptions.RemoveEmptyEntries).Where(word => word != "api");
        foreach (var word in words)
        {
            id.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
        }

        return id.Length == method.Length ? id.Append("Root").ToString() : id.ToString();
    }
}
