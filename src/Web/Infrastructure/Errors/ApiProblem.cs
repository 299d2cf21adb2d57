using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BeMore.Web.Infrastructure.Errors;

/// <summary>Problem-details results carrying a stable code; <c>requestId</c> is added by the problem-details service.</summary>
public static class ApiProblem
{
    public static ProblemHttpResult Create(int status, string code, string title) =>
        TypedResults.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
