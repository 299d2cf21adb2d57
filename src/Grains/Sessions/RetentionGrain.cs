using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Sessions;

[GrainType("retention")]
public sealed class RetentionGrain(
    IRetentionStore store,
    IOptions<RetentionOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IRetentionGrain, IRemindable
{
    public const string ReminderName = "retention-sweep";

    public async Task EnsureScheduledAsync() =>
        await this.RegisterOrUpdateReminder(ReminderName, options.Value.SweepPeriod, options.Value.SweepPeriod);

    public async Task<int> SweepAsync()
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.Days);
        var due = await store.EndedBeforeAsync(cutoff, options.Value.BatchSize);
        foreach (var (sessionId, ownerId) in due)
        {
            try
            {
                await GrainFactory.Reference<ICounselingSessionGrain>(sessionId).EraseAsync(ownerId);
            }
            catch (SessionNotFoundException)
            {
                await store.RemoveAsync(sessionId);
            }

            await GrainFactory.Reference<IUserSessionsGrain>(ownerId).RemoveSessionAsync(sessionId);
        }

        return due.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? SweepAsync() : Task.CompletedTask;
}
