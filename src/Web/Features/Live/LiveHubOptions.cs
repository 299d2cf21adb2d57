using System.ComponentModel.DataAnnotations;

namespace BeMore.Web.Features.Live;

/// <summary>Per-connection limits of the live hub (<c>BeMore:Hub</c>).</summary>
public sealed class LiveHubOptions
{
    public const string SectionName = "BeMore:Hub";

    /// <summary>Largest single message, in bytes (SignalR's own default is 32 KB).</summary>
    [Range(4_096, 1_048_576)]
    public int MaximumReceiveMessageSize { get; set; } = 64 * 1024;

    /// <summary>Sustained hub invocations per second per connection.</summary>
    [Range(1, 10_000)]
    public int InvocationsPerSecond { get; set; } = 20;

    /// <summary>Invocations a connection may burst above the sustained rate.</summary>
    [Range(1, 10_000)]
    public int InvocationBurst { get; set; } = 40;

    /// <summary>Audio bytes per second per connection: 4x real-time 16 kHz PCM16 (32,000 B/s).</summary>
    [Range(32_000, 10_000_000)]
    public int AudioBytesPerSecond { get; set; } = 128_000;

    /// <summary>Live connections one user may hold at once, across all nodes (counted in the user grain).</summary>
    [Range(1, 1_000)]
    public int MaxConnectionsPerUser { get; set; } = 10;

    /// <summary>A connection rejected this many times in a row is closed.</summary>
    [Range(1, 1_000)]
    public int RejectionsBeforeClose { get; set; } = 50;

    /// <summary>
    /// How often each node re-subscribes its relays to their session grains: the bound on how long pushes pause after
    /// a grain moves to another node (its observers are in memory and do not move with it).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:04:00")]
    public TimeSpan RelayRenewPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest audio chunk, in bytes.</summary>
    public const int MaxAudioChunkBytes = 32 * 1024;

    public const int MaxVadFramesPerCall = 200;
    public const int MaxLandmarkFramesPerCall = 30;
    public const int MaxVadFrameMs = 1000;

    /// <summary>Stream offsets past a day are not from a real session.</summary>
    public const long MaxTimestampMs = 24L * 60 * 60 * 1000;
}
