using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace BeMore.Web.Infrastructure.Errors;

/// <summary>
/// Failures that mean "a node of the cluster cannot be reached right now", not "this request is wrong" or "the server
/// is broken": a call to a grain on a silo that died (before or after membership declared it dead), a refused or broken
/// connection to it, a response that never came. Retrying shortly succeeds once the grain is activated elsewhere, so
/// they answer 503 with <c>Retry-After</c> (REST) or a <c>SERVICE_UNAVAILABLE</c> hub error.
/// </summary>
public static class SiloUnavailability
{
    /// <summary>
    /// The wait a 503 asks for: short, since failure detection declares a dead node within about two seconds (README
    /// "Node loss") and a retry on any node is served once it has.
    /// </summary>
    public const int RetryAfterSeconds = 1;

    public const string Title = "A node of the cluster is unreachable; retry shortly.";

    /// <summary>The name of the unavailability behind <paramref name="exception"/> (its own or a wrapped one), or null when it is none.</summary>
    public static string? CauseOf(Exception? exception) => exception switch
    {
        null => null,
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException => exception.GetType().Name,
        AggregateException aggregate => aggregate.InnerExceptions.Select(CauseOf).FirstOrDefault(cause => cause is not null),
        _ => CauseOf(exception.InnerException),
    };
}
