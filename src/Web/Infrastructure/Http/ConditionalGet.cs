using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BeMore.Web.Infrastructure.Http;

/// <summary>ETags and 304s, so a dashboard that polls gets no body while nothing changed.</summary>
public static class ConditionalGet
{
    /// <summary>A strong tag over the JSON the client would receive: it changes exactly when the answer does.</summary>
    public static Results<Ok<T>, StatusCodeHttpResult> OkOrNotModified<T>(HttpContext context, T value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, options));
        var tag = Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Respond(context, value, new EntityTagHeaderValue($"\"{tag}\""));
    }

    /// <summary>
    /// A weak tag from a version the caller vouches for, for answers that also carry a value that moves on its own
    /// (a running duration) which the client extrapolates between versions.
    /// </summary>
    public static Results<Ok<T>, StatusCodeHttpResult> OkOrNotModified<T>(HttpContext context, T value, string version)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Respond(context, value, new EntityTagHeaderValue($"\"{version}\"", isWeak: true));
    }

    private static Results<Ok<T>, StatusCodeHttpResult> Respond<T>(HttpContext context, T value, EntityTagHeaderValue etag)
    {
        context.Response.Headers.ETag = etag.ToString();
        context.Response.Headers.CacheControl = "private, no-cache";
        var presented = context.Request.GetTypedHeaders().IfNoneMatch;
        return presented.Any(tag => tag.Tag == EntityTagHeaderValue.Any.Tag || tag.Compare(etag, useStrongComparison: false))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(value);
    }
}
