using System.Net;

namespace BeMore.Client;

/// <summary>
/// A refusal of the API, from REST (problem details) or the hub (a HubException's code): the stable <see cref="Code"/>,
/// the HTTP <see cref="Status"/> (null from the hub), how long to wait before trying again when the server said so
/// (<see cref="RetryAfter"/>), the field errors of a <c>VALIDATION_ERROR</c> and the request id to quote in a report.
/// </summary>
public sealed class BeMoreApiException : Exception
{
    public BeMoreApiException()
    {
    }

    public BeMoreApiException(string message) : base(message)
    {
    }

    public BeMoreApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public BeMoreApiException(HttpStatusCode? status, string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Status = status;
        Code = code;
    }

    /// <summary>The HTTP status, or null for a hub error.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The stable code, e.g. <c>SESSION_NOT_FOUND</c>; <c>HTTP_502</c> style when the answer carried none.</summary>
    public string Code { get; } = string.Empty;

    /// <summary>The server's <c>Retry-After</c> (429, 503), or null.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A validation error's messages by camelCase field path; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The problem's <c>requestId</c> (also the <c>X-Request-Id</c> header), or null.</summary>
    public string? RequestId { get; init; }

    /// <summary>The code of a hub error message ("... HubException: CODE: reason"), or null when it carries none.</summary>
    public static string? CodeOfHubError(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        const string Marker = "HubException: ";
        var start = message.LastIndexOf(Marker, StringComparison.Ordinal);
        var own = start < 0 ? message : message[(start + Marker.Length)..];
        var colon = own.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && own[..colon].All(c => char.IsAsciiLetterUpper(c) || c == '_') ? own[..colon] : null;
    }
}
