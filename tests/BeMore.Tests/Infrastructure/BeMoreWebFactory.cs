using System.Globalization;
using BeMore.Silo.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Tests.Infrastructure;

/// <summary>
/// The whole server in-process (web tier + co-hosted silo) on real Kestrel and a loopback port, embedded profile,
/// in its own temporary data folder and on its own free silo port, so test classes run side by side.
/// </summary>
public class BeMoreWebFactory : WebApplicationFactory<Program>
{
    private readonly TestFolder _dataFolder = new("web");
    private readonly ReloadableSettings _reloadable = new();

    public BeMoreWebFactory()
    {
        TestCategory.EnsureAllowed(TestCategory.Host, nameof(BeMoreWebFactory));
        UseKestrel(0);
    }

    public string DataDirectory => _dataFolder.Path;

    public IGrainFactory Grains
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IGrainFactory>();
        }
    }

    public StorageTarget Storage => Services.GetRequiredService<StorageTarget>();

    /// <summary>The Kestrel address the server listens on (a free loopback port).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First());
        }
    }

    /// <summary>
    /// Replaces <c>BeMore:Auth:OperatorUserIds</c> while the server runs, as an operator editing a reloaded
    /// configuration file would.
    /// </summary>
    public void SetOperators(params string[] userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        _reloadable.Replace("BeMore:Auth:OperatorUserIds", userIds);
    }

    public HttpClient CreateApiClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ServerAddress, AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("BeMore:Storage:DataDirectory", DataDirectory);
        builder.UseSetting("BeMore:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Dashboard:Enabled", "true");
        if (RelaxSignUpLimit)
        {
            // Test classes sign up many users from one loopback address; the sign-up limit has its own tests.
            builder.UseSetting("BeMore:Auth:SignUp:PermitLimit", "1000000");
        }

        builder.ConfigureAppConfiguration(configuration => configuration.Add(_reloadable));
        ConfigureStorage(builder);
    }

    protected virtual bool RelaxSignUpLimit => true;

    protected virtual void ConfigureStorage(IWebHostBuilder builder)
    {
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dataFolder.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same server on the production profile: a fresh PostgreSQL database of the shared test cluster.</summary>
public sealed class PostgresWebFactory : BeMoreWebFactory, IAsyncLifetime
{
    private string? _connectionString;

    public async Task InitializeAsync() => _connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Storage:Profile", "Postgres");
        builder.UseSetting("BeMore:Storage:ConnectionString", _connectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync."));
        builder.UseSetting("BeMore:Cluster:AdvertisedHost", "127.0.0.1");
        builder.UseSetting("BeMore:Auth:SigningKey", "postgres-web-tests-signing-key-0123456789abcdef");
        builder.UseSetting("BeMore:Encryption:ActiveKeyId", "k1");
        builder.UseSetting("BeMore:Encryption:Keys:k1", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
    }
}

/// <summary>
/// The embedded server with the domain clock (and the security-stamp cache's) under the test's control (Orleans and
/// access-token lifetimes keep the real one).
/// </summary>
public sealed class FakeClockWebFactory : BeMoreWebFactory
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureStorage(IWebHostBuilder builder) =>
        builder.ConfigureServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(BeMore.Grains.DomainClock.Key, Clock);
            services.AddKeyedSingleton<TimeProvider>(BeMore.Web.Infrastructure.Auth.SecurityStamps.ClockKey, Clock);
        });
}
