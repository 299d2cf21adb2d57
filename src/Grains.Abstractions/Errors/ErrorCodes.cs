namespace BeMore.Grains.Abstractions.Errors;

/// <summary>The stable error codes of the public contract (API.md); clients match on these strings.</summary>
public static class ErrorCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string MalformedJson = "MALFORMED_JSON";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string InvalidToken = "INVALID_TOKEN";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string SessionNotFound = "SESSION_NOT_FOUND";
    public const string InvalidSessionState = "INVALID_SESSION_STATE";
    public const string UserExists = "USER_EXISTS";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>A user's live connections are all in use: the hub closes the extra one with this code.</summary>
    public const string TooManyConnections = "TOO_MANY_CONNECTIONS";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string SttNotConfigured = "STT_NOT_CONFIGURED";
    public const string SttFailed = "STT_FAILED";
}
