using System.ComponentModel.DataAnnotations;

namespace BeMore.Silo.Hosting;

public enum StorageProfile
{
    /// <summary>Zero set-up: a SQLite file under the data directory, localhost clustering, in-memory reminders.</summary>
    Embedded,

    /// <summary>PostgreSQL for clustering, grain state, reminders and the event log; several nodes form one cluster.</summary>
    Postgres,
}

/// <summary>Where BeMore keeps its data (<c>BeMore:Storage</c>).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "BeMore:Storage";

    public StorageProfile Profile { get; set; } = StorageProfile.Embedded;

    /// <summary>Embedded profile: the folder of the SQLite file and generated keys, relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Postgres profile: the Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply <c>deploy/*/*.sql</c> (idempotent) at start-up.</summary>
    public bool ApplySchema { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Profile == StorageProfile.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "BeMore:Storage:ConnectionString is required when BeMore:Storage:Profile is Postgres.", [nameof(ConnectionString)]);
        }
    }
}

/// <summary>How this node joins its cluster (<c>BeMore:Cluster</c>); the <c>Orleans</c> section is Orleans' own.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "BeMore:Cluster";

    [Required]
    public string ClusterId { get; set; } = "bemore";

    /// <summary>Stored grain state is keyed by it: keep it stable across deployments.</summary>
    [Required]
    public string ServiceId { get; set; } = "bemore";

    /// <summary>
    /// Silo-to-silo traffic (grain calls, membership probes). Orleans does not authenticate it: it is bound to the
    /// advertised address only and must never face an untrusted network.
    /// </summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The Orleans client gateway: 0 (the default) opens none. The web tier is co-hosted with its silo and needs no
    /// gateway; set a port only for an external Orleans client (tools, tests). It is as unauthenticated as the silo port.
    /// </summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; }

    /// <summary>
    /// Postgres profile: the IP or host name other nodes reach this one at, which must be an address of this machine:
    /// the silo port listens there and nowhere else. Default: this machine's address.
    /// </summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>
    /// Postgres profile: a PKCS#12 (.pfx) file with the cluster's certificate and private key. When set, silo-to-silo
    /// (and gateway) connections are mutual TLS and a peer must present this very certificate; every node gets the same
    /// file. Unset: plaintext, so the silo port must stay on a private network.
    /// </summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>The password of <see cref="TlsCertificatePath"/>; a secret, set it from the environment.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>
    /// Grain locations this node remembers (Orleans' directory cache). Orleans' default, a million, allocates its table for
    /// all of them up front: two arrays of 9.3 MB each in every node, before the first session. A hundred thousand covers
    /// the grains of 20,000 live sessions; a location not remembered is looked up again, not lost.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int DirectoryCacheSize { get; set; } = 100_000;

    /// <summary>How long a SIGTERM waits for HTTP, SignalR and grains to drain.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How fast a dead node is noticed and declared dead (README "Node loss").</summary>
    public FailureDetectionSettings FailureDetection { get; set; } = new();
}

/// <summary>
/// Orleans membership's failure detection (<c>BeMore:Cluster:FailureDetection</c>). Until a killed node is declared
/// dead, its grains answer 503; the defaults declare it within about two seconds on loopback or a LAN, against
/// Orleans' own (5 s probes, three misses, two-minute votes) which leave sessions unserved for ten seconds or more.
/// </summary>
public sealed class FailureDetectionSettings
{
    /// <summary>
    /// The initial probe timeout, which is also the period between probes of each monitored node; Orleans adapts both
    /// per node to the response times it observes, between half and four times this, and lengthens them while this
    /// node itself is degraded (CPU starvation), so a busy node is not mistaken for a dead one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:00:30")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive missed probes after which a node votes the probed one dead.</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How long a vote counts toward a death declaration; votes older than this are ignored.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each node writes its I-am-alive heartbeat to the membership table (diagnostics and stale-entry clean-up, not detection).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each node re-reads the membership table (gossip spreads changes at once; this is the fallback).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
