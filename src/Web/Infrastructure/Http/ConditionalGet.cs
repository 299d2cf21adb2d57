using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BeMore.Web.Infrastructure.Http;

/// <summary>
/// Strong ETags over the response body, so a dashboard that polls gets 304 with no body while nothing changed.
/// The tag is a hash of the JSON the client would receive, so it changes exactly when the answer does.
/// </summary>
public static class ConditionalGet
{
    public static Results<Ok<T>, StatusCodeHttpResult> OkOrNotModified<T>(HttpContext context, T value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, options));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"");
        context.Response.Headers.ETag = etag.ToString();
        context.Response.Headers.CacheControl = "private, no-cache";
        var presented = context.Request.GetTypedHeaders().IfNoneMatch;
        return presented.Any(tag => tag.Tag == EntityTagHeaderValue.Any.Tag || tag.Compare(etag, useStrongComparison: false))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(value);
    }
}
