using System.Net;

namespace BeMore.Client;

/// <summary>A refusal of the API: the problem details' status and stable <see cref="Code"/>, or a hub error's code.</summary>
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

    /// <summary>The stable code, e.g. <c>SESSION_NOT_FOUND</c>.</summary>
    public string Code { get; } = string.Empty;

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
