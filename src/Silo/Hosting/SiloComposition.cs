using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using BeMore.Grains;
using BeMore.Grains.Sessions;
using BeMore.Grains.Storage;
using BeMore.Grains.Users;
using BeMore.Web.Features.Auth;
using BeMore.Web.Features.Health;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Dashboard;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace BeMore.Silo.Hosting;

/// <summary>The executable's composition: logging, storage, the co-hosted silo and operator tools.</summary>
public static class SiloComposition
{
    public static WebApplicationBuilder AddBeMoreLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            // Safe levels in code, so a missing settings file can never let framework request logs (which carry
            // query strings such as SignalR's access_token) through; configuration may refine them.
            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                // Last, so every property (from context, scopes or the event) is scrubbed of tokens, passwords and transcript text.
                .Enrich.With<SensitiveDataRedactor>();
            if (development)
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext} {RequestId} {Message:lj}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        },
        // Each host logs through its own logger, never the process-wide static one: a second host in the process (tests,
        // tools) would otherwise take over the first host's log lines, and a host shutting down would silence the rest.
        preserveStaticLogger: true);
        return builder;
    }

    /// <summary>Resolves the storage profile, registers the event log, the schema installer and readiness checks.</summary>
    public static WebApplicationBuilder AddBeMoreStorage(this WebApplicationBuilder builder, out StorageTarget storage)
    {
        var options = BindValidated<StorageOptions>(builder.Configuration, StorageOptions.SectionName);
        if (builder.Environment.IsProduction())
        {
            ProductionSecrets.EnsureReal(builder.Configuration, options);
        }

        storage = StorageTarget.Resolve(options);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(storage);
        services.AddSingleton(storage.Database);
        services.AddSingleton<GroupCommitWriter>();
        services.AddSingleton<ISessionEventLog, AdoNetSessionEventLog>();
        services.AddSingleton<IAuditStore, AdoNetAuditStore>();
        services.AddSingleton<IRetentionStore, AdoNetRetentionStore>();
        services.AddSingleton<IOpenSessionStore, AdoNetOpenSessionStore>();
        services.AddSingleton<SessionIndexStore>();
        if (storage.Profile == StorageProfile.Embedded)
        {
            // Before the generated keys or the database are first written, so none is ever readable by others.
            EmbeddedDataFolder.Prepare(Path.GetFullPath(options.DataDirectory));
        }

        services.AddSingleton(new PayloadProtector(ResolveEncryption(builder.Configuration, storage, options)));

        if (storage.Profile == StorageProfile.Embedded)
        {
            var dataDirectory = Path.GetFullPath(options.DataDirectory);
            services.PostConfigure<AuthOptions>(auth =>
                auth.SigningKey = string.IsNullOrEmpty(auth.SigningKey) ? EmbeddedSecrets.LoadOrCreateSigningKey(dataDirectory) : auth.SigningKey);
        }

        if (options.ApplySchema)
        {
            // Registered before UseOrleans so the tables and queries exist before the silo reads them.
            services.AddHostedService<SchemaInstallerService>();
        }

        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthApi.ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthApi.ReadyTag]);
        return builder;
    }

    /// <summary>BeMore's domain settings and the clock its grains read (replaceable in tests without touching Orleans' own).</summary>
    public static WebApplicationBuilder AddBeMoreDomain(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        services.AddOptions<CounselingSessionOptions>().BindConfiguration(CounselingSessionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RefreshTokenOptions>().BindConfiguration(RefreshTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSpeechToText(builder.Configuration);
        services.AddLlmRefinement(builder.Configuration);
        services.AddHostedService<AnalysisModelsWarmUp>();
        return builder;
    }

    public static WebApplicationBuilder AddBeMoreOrleans(this WebApplicationBuilder builder, StorageTarget storage)
    {
        var cluster = BindValidated<ClusterSettings>(builder.Configuration, ClusterSettings.SectionName);
        var dashboard = BindValidated<DashboardSettings>(builder.Configuration, DashboardSettings.SectionName);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = cluster.ShutdownTimeout);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });

            var detection = cluster.FailureDetection;
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = detection.ProbeTimeout;
                options.NumMissedProbesLimit = detection.MissedProbesLimit;
                options.DeathVoteExpirationTimeout = detection.DeathVoteExpiration;
                options.IAmAliveTablePublishTimeout = detection.IAmAlivePeriod;
                options.TableRefreshTimeout = detection.TableRefreshPeriod;
            });
            silo.Configure<GrainDirectoryOptions>(options => options.CacheSize = cluster.DirectoryCacheSize);
            silo.Services.AddHostedService<RelayRenewalOnNodeLoss>();
            silo.Services.AddHostedService<QuotaShareFromMembership>();

            // Grain calls carry the caller's trace context, so a request's trace continues into the grains it calls.
            silo.AddActivityPropagation();

            // Orleans' binary serializer keyed by the pinned [Alias]es: no CLR type names in stored rows.
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            silo.AddAdoNetGrainStorage(StorageNames.GrainState, options =>
            {
                options.Invariant = storage.OrleansInvariant;
                if (storage.Profile == StorageProfile.Embedded)
                {
                    // Its connections get the same busy handler as the event log's, instead of Microsoft.Data.Sqlite's 150 ms retry.
                    options.DataSource = storage.Database.AsDataSource();
                }
                else
                {
                    options.ConnectionString = storage.ConnectionString;
                }

                // Clearing a grain's state (account or session erasure) removes its row instead of leaving an empty one.
                options.DeleteStateOnClear = true;

                // The provider stores what SealedGrainStorage hands it: sealed bytes, never a state it could read.
                options.GrainStorageSerializer = new StoredGrainPayloadSerializer();
            });

            // Registered after the provider, so grains (and the provider's lifecycle) get the sealing wrapper around it.
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainState, (services, _) => new SealedGrainStorage(
                AdoNetGrainStorageFactory.Create(services, StorageNames.GrainState),
                services.GetRequiredService<IGrainStorageSerializer>(),
                services.GetRequiredService<PayloadProtector>(),
                services.GetRequiredService<IActivatorProvider>(),
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                StorageNames.PseudonymousStates));

            if (storage.Profile == StorageProfile.Embedded)
            {
                // Loopback only; the gateway as configured (none by default), as in the Postgres profile.
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.UseInMemoryReminderService();
            }
            else
            {
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = storage.OrleansInvariant;
                    options.ConnectionString = storage.ConnectionString;
                });
                silo.UseAdoNetReminderService(options =>
                {
                    options.Invariant = storage.OrleansInvariant;
                    options.ConnectionString = storage.ConnectionString;
                });
                ConfigureEndpoints(silo, cluster);
                if (cluster.TlsCertificatePath is { Length: > 0 } certificatePath)
                {
                    UseClusterCertificate(silo, X509CertificateLoader.LoadPkcs12FromFile(certificatePath, cluster.TlsCertificatePassword));
                }
            }

            if (dashboard.Enabled)
            {
                silo.AddDashboard();
            }
        });
        builder.Services.AddHostedService<SweepScheduler>();
        return builder;
    }

    /// <summary>
    /// The Orleans dashboard shows grain state: operators only (a browser signs in at <c>/dashboard/signin</c> for the
    /// dashboard cookie; a script may send an operator bearer token), and never in the OpenAPI document.
    /// </summary>
    public static WebApplication MapBeMoreOperatorTools(this WebApplication app)
    {
        if (BindValidated<DashboardSettings>(app.Configuration, DashboardSettings.SectionName) is { Enabled: true, ServeUi: true })
        {
            app.MapDashboardSignInApi();
            app.MapOrleansDashboard(routePrefix: "/dashboard")
                .RequireAuthorization(AuthPolicies.OperatorDashboard)
                .ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>
    /// Orleans' ports carry no authentication: they listen on the advertised address only (the one the other nodes
    /// dial), never on every interface, and the gateway is opened only when a port is configured for it.
    /// </summary>
    private static void ConfigureEndpoints(ISiloBuilder silo, ClusterSettings cluster)
    {
        if (cluster.AdvertisedHost is null)
        {
            silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
        }
        else if (IPAddress.TryParse(cluster.AdvertisedHost, out var address))
        {
            silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
        }
        else
        {
            silo.ConfigureEndpoints(cluster.AdvertisedHost, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
        }
    }

    /// <summary>
    /// Mutual TLS with one certificate for the whole cluster: a peer is a node only if it proves it holds that
    /// certificate's key. Pinned to the exact certificate (all its bytes), not to a chain or a name, so nothing a
    /// public CA issues is accepted.
    /// </summary>
    private static void UseClusterCertificate(ISiloBuilder silo, X509Certificate2 certificate) =>
        silo.UseTls(certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (remote, _, _) => remote.RawData.AsSpan().SequenceEqual(certificate.RawData);
        });

    /// <summary>
    /// The event-payload key ring: from <c>BeMore:Encryption</c> when configured; the embedded profile otherwise keeps a
    /// generated key beside its data; the Postgres profile refuses to start without one.
    /// </summary>
    private static EncryptionOptions ResolveEncryption(ConfigurationManager configuration, StorageTarget storage, StorageOptions options)
    {
        var configured = configuration.GetSection(EncryptionOptions.SectionName).Get<EncryptionOptions>();
        if (configured is { Keys.Count: > 0 })
        {
            return configured;
        }

        if (storage.Profile != StorageProfile.Embedded)
        {
            throw new OptionsValidationException(EncryptionOptions.SectionName, typeof(EncryptionOptions),
                [$"{EncryptionOptions.SectionName}:Keys and ActiveKeyId are required in the Postgres profile (base64 of 32 random bytes per key)."]);
        }

        var key = EmbeddedSecrets.LoadOrCreateEncryptionKey(Path.GetFullPath(options.DataDirectory));
        return new EncryptionOptions
        {
            ActiveKeyId = EmbeddedSecrets.EncryptionKeyId,
            Keys = new Dictionary<string, string> { [EmbeddedSecrets.EncryptionKeyId] = key },
            ReadLegacyPlaintext = configured?.ReadLegacyPlaintext ?? true,
        };
    }

    /// <summary>Settings Orleans needs before the container exists are bound and validated here, failing start-up clearly.</summary>
    internal static T BindValidated<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), results.Select(r => $"{section}: {r.ErrorMessage}"));
        }

        return value;
    }
}
