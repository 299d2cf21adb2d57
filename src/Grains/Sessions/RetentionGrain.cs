using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Sessions;

/// <summary>How long ended sessions are kept (<c>BeMore:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "BeMore:Retention";

    [Range(1, 36_500)]
    public int Days { get; set; } = 365;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sessions erased per sweep at most, so one sweep is a bounded amount of work.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}

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
                await GrainFactory.GetGrain<ICounselingSessionGrain>(sessionId).EraseAsync(ownerId);
            }
            catch (SessionNotFoundException)
            {
                await store.RemoveAsync(sessionId);
            }

            await GrainFactory.GetGrain<IUserGrain>(ownerId).RemoveSessionAsync(sessionId);
        }

        return due.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? SweepAsync() : Task.CompletedTask;
}
