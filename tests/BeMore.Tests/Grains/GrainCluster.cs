using BeMore.Grains;
using BeMore.Grains.Sessions;
using BeMore.Grains.Storage;
using BeMore.Grains.Users;
using BeMore.Silo.Hosting;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace BeMore.Tests.Grains;

/// <summary>
/// The grains alone, without the web host: one in-process silo of an Orleans test cluster with the grains project,
/// grain state in memory, in-memory reminders, the session event log on a real SQLite file (counting its commits,
/// <see cref="EventLog"/>), and the domain clock a <see cref="FakeTimeProvider"/> the test moves (Orleans keeps the
/// real one). The seam for grain-behaviour tests.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    private TestFolder Folder { get; } = new("grains");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The silo's event log; set when the first grain needs it.</summary>
    public CountingSessionEventLog EventLog { get; private set; } = null!;

    /// <summary>How long a counselor budget's spending waits to be stored here (the default is seconds).</summary>
    public static readonly TimeSpan BudgetSaveDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The silo's services (its grain storage, to read what a grain stored without asking the grain).</summary>
    public IServiceProvider SiloServices => _cluster?.Silos[0].ServiceProvider ?? throw new InvalidOperationException("The cluster starts in InitializeAsync.");

    public IGrainFactory Grains => _cluster?.Client ?? throw new InvalidOperationException("The cluster starts in InitializeAsync.");

    public async Task InitializeAsync()
    {
        var storage = StorageTarget.Embedded(Folder.Path);
        await SchemaInstaller.ApplyAsync(storage, CancellationToken.None);
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BeMore:Stt:TempDirectory"] = Path.Combine(Folder.Path, "audio"),
                ["BeMore:Counselor:BudgetSaveDelay"] = BudgetSaveDelay.ToString(),
            })
            .Build();

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddConfiguration(settings));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.GrainState);
            silo.UseInMemoryReminderService();
            var services = silo.Services;
            services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock);
            services.AddSingleton(storage.Database);
            services.AddSingleton(new PayloadProtector(new EncryptionOptions
            {
                ActiveKeyId = "grains",
                Keys = { ["grains"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) },
            }));
            services.AddSingleton<GroupCommitWriter>();
            services.AddSingleton<AdoNetSessionEventLog>();
            services.AddSingleton<ISessionEventLog>(provider =>
                EventLog = new CountingSessionEventLog(provider.GetRequiredService<AdoNetSessionEventLog>()));
            services.AddSingleton<IAuditStore, AdoNetAuditStore>();
            services.AddSingleton<IRetentionStore, AdoNetRetentionStore>();
            services.AddSingleton<IOpenSessionStore, AdoNetOpenSessionStore>();
            services.AddSingleton<SessionIndexStore>();
            services.AddOptions<CounselingSessionOptions>().BindConfiguration(CounselingSessionOptions.SectionName);
            services.AddOptions<RefreshTokenOptions>().BindConfiguration(RefreshTokenOptions.SectionName);
            services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.SectionName);
            services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
            services.AddSpeechToText(settings);
            services.AddLlmRefinement(settings);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        Folder.Dispose();
    }
}
