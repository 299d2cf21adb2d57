using Microsoft.AspNetCore.SignalR;

namespace BeMore.Web.Features.Live;

/// <summary>
/// Expected refusals of hub calls (invalid input, unknown session, wrong state, over budget). Plain HubExceptions,
/// because clients read the exception's type name in the error SignalR sends; the code rides along in Data.
/// </summary>
public static class LiveErrors
{
    private const string CodeKey = "BeMore.HubErrorCode";

    /// <summary>Hub errors start with the stable code, e.g. "SESSION_NOT_FOUND: ...", as API.md says.</summary>
    public static HubException Hub(string code, string message, Exception? cause = null)
    {
        var refusal = new HubException($"{code}: {message}", cause);
        refusal.Data[CodeKey] = code;
        return refusal;
    }

    /// <summary>The code of a refusal made by <see cref="Hub"/>; null for any other exception.</summary>
    public static string? CodeOf(Exception? exception) => exception is HubException && exception.Data[CodeKey] is string code ? code : null;
}
