using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;
using BeMore.Grains.Users;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace BeMore.Tests.Storage;

/// <summary>
/// Users stored before the session index left the account's row keep their sessions: the account's row is written as
/// the earlier version wrote it (the index and totals at their old field ids of <see cref="UserState"/>), sealed in the
/// real database, and the user's sessions grain is then asked, on each database the product runs on.
/// </summary>
public abstract class UserSessionsMigrationContract(BeMoreWebFactory factory)
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SessionsGrain_OverAnAccountRowOfTheEarlierShape_ListsItsSessionsAndTotalsAndTheAccountRowDropsThem()
    {
        var userId = NewId();
        var outcome = new SessionOutcome("older", T0.AddMinutes(30), 1_200_000, "anxiety", new Dictionary<string, int> { ["catastrophizing"] = 2 }, RiskLevels.Elevated);
        var earlier = new UserState
        {
            Account = new UserAccount { Email = $"{userId}@example.test", DisplayName = "Kept", PasswordHash = "hash", Role = "user", CreatedAt = T0 },
            LegacySessions = [new SessionIndexEntry("newer", T0.AddDays(1), "Second talk"), new SessionIndexEntry("older", T0, "First talk", outcome)],
        };
        earlier.LegacyTotals.Fold(outcome, +1);
        await WriteAccountRowAsync(userId, earlier);
        var index = factory.Grains.GetGrain<IUserSessionsGrain>(userId);

        var page = await index.ListSessionsAsync(null, 10);
        var dashboard = await index.GetDashboardAsync();

        Assert.Equal(["newer", "older"], page.Items.Select(item => item.SessionId));
        Assert.Equal(["Second talk", "First talk"], page.Items.Select(item => item.Title));
        Assert.Equal(2, dashboard.SessionCount);
        Assert.Equal(1, dashboard.EndedSessionCount);
        Assert.Equal(20.0, dashboard.TotalActiveMinutes);
        Assert.Equal(new Dictionary<string, int> { ["anxiety"] = 1 }, dashboard.EmotionDistribution);
        Assert.Equal([new DistortionTotal("catastrophizing", 2)], dashboard.TopDistortions);
        Assert.Equal(["older"], dashboard.RiskFlags.Select(flag => flag.SessionId));
        Assert.Equal("Kept", (await factory.Grains.GetGrain<IUserGrain>(userId).GetProfileAsync()).DisplayName);
        var row = await ReadAccountRowAsync(userId);
        Assert.Empty(row.LegacySessions);
        Assert.Equal(0, row.LegacyTotals.EndedSessionCount);
        Assert.Empty(row.LegacyTotals.EmotionCounts);
        Assert.Equal("Kept", row.Account?.DisplayName);

        await index.RemoveSessionAsync("older");
        Assert.Equal(0, (await index.GetDashboardAsync()).EndedSessionCount);
        Assert.Equal(["newer"], (await index.ListSessionsAsync(null, 10)).Items.Select(item => item.SessionId));
    }

    [Fact]
    public async Task SessionsGrain_OverAnErasureBegunInTheEarlierShape_RefusesNewSessionsAndHandsOverWhatIsLeftToErase()
    {
        var userId = NewId();
        await WriteAccountRowAsync(userId, new UserState
        {
            Account = new UserAccount { Email = $"{userId}@example.test", DisplayName = "Leaving", PasswordHash = "hash", Role = "user", CreatedAt = T0 },
            LegacySessions = [new SessionIndexEntry("left-behind", T0, "Not yet erased")],
            ErasedAt = T0.AddDays(2),
        });
        var index = factory.Grains.GetGrain<IUserSessionsGrain>(userId);

        await Assert.ThrowsAsync<UserNotFoundException>(() => index.AddSessionAsync(new SessionIndexEntry("late", T0.AddDays(3))));
        Assert.Equal(["left-behind"], await index.BeginErasureAsync());
        await index.RemoveSessionAsync("left-behind");
        await index.DeleteAsync();
        await factory.Grains.GetGrain<IUserGrain>(userId).DeleteAsync();

        var row = await ReadAccountRowAsync(userId);
        Assert.Null(row.Account);
        Assert.Empty(row.LegacySessions);
        Assert.Equal(T0.AddDays(2), row.ErasedAt);
    }

    private IGrainStorage Storage
    {
        get
        {
            _ = factory.Grains;
            return factory.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        }
    }

    private Task WriteAccountRowAsync(string userId, UserState state) =>
        Storage.WriteStateAsync(UserGrain.StateName, GrainId.Create(UserGrain.GrainTypeName, userId), new GrainState<UserState>(state));

    private async Task<UserState> ReadAccountRowAsync(string userId)
    {
        var row = new GrainState<UserState>();
        await Storage.ReadStateAsync(UserGrain.StateName, GrainId.Create(UserGrain.GrainTypeName, userId), row);
        return row.State!;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}

[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class SqliteUserSessionsMigrationTests(BeMoreWebFactory factory) : UserSessionsMigrationContract(factory), IClassFixture<BeMoreWebFactory>;

[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class PostgresUserSessionsMigrationTests(PostgresWebFactory factory) : UserSessionsMigrationContract(factory), IClassFixture<PostgresWebFactory>;
