using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Sessions;

[GrainType("idle-sweep")]
public sealed class IdleSweepGrain(
    IOpenSessionStore openSessions,
    IOptions<CounselingSessionOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IIdleSweepGrain, IRemindable
{
    public const string ReminderName = "idle-sweep";

    /// <summary>Sessions asked at once; the list is read a page at a time so one sweep never holds it all.</summary>
    public const int PageSize = 500;

    public async Task EnsureScheduledAsync() =>
        await this.RegisterOrUpdateReminder(ReminderName, options.Value.IdleCheckPeriod, options.Value.IdleCheckPeriod);

    public async Task<int> SweepAsync()
    {
        // Pausing needs the shorter of the two quiet times; the session itself decides which applies.
        var quietSince = time.GetUtcNow() - options.Value.IdlePauseAfter;
        var asked = 0;
        var after = "";
        while (true)
        {
            var page = await openSessions.QuietAsync(quietSince, after, PageSize);
            var stillOpen = await Task.WhenAll(page.Select(id => GrainFactory.Reference<ICounselingSessionGrain>(id).CheckIdleAsync()));
            foreach (var (sessionId, open) in page.Zip(stillOpen))
            {
                if (!open)
                {
                    await openSessions.RemoveAsync(sessionId);
                }
            }

            asked += page.Count;
            if (page.Count < PageSize)
            {
                return asked;
            }

            after = page[^1];
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? SweepAsync() : Task.CompletedTask;
}
