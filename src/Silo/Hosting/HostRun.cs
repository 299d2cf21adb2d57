using Orleans.Runtime;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Runs the host until it stops, as <c>Run</c> does, except when a stop is requested during start-up. SIGTERM or
/// Ctrl+C then stops the application, which cancels the start (the host links its start token to
/// <see cref="IHostApplicationLifetime.ApplicationStopping"/>), and the cancellation that the hosted service being
/// started throws would otherwise reach <c>Main</c> unhandled: exit code 134 and a stack trace for a requested stop.
/// Any other start-up failure still propagates.
/// </summary>
public static partial class HostRun
{
    public static async Task RunUntilShutdownAsync(this WebApplication app)
    {
        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (Exception failure)
            {
                // Decided here rather than in a filter: it resolves services, and an exception thrown in a filter would
                // silently count as "not this case" and lose the start's own exception.
                if (!IsStopRequestedDuringStart(app, failure))
                {
                    throw;
                }

                var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostRun));
                LogStartCancelled(logger);

                // Disposed, not stopped: StopAsync would also stop the services that never started, and Orleans refuses
                // to stop a silo that is not running.
                return;
            }

            await app.WaitForShutdownAsync();
        }
    }

    /// <summary>
    /// The start was cancelled because the application was asked to stop. A background service that fails also stops
    /// the application (BackgroundServiceExceptionBehavior.StopHost); that is a failure, not a requested stop.
    /// </summary>
    internal static bool IsStopRequestedDuringStart(IHost host, Exception failure) =>
        failure is OperationCanceledException or OrleansLifecycleCanceledException
        && host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
        && !host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Any(service => service.ExecuteTask is { IsFaulted: true });

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up cancelled by a shutdown request")]
    private static partial void LogStartCancelled(ILogger logger);
}
