using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Web.Features.Live;

/// <summary>Per-connection limits of the live hub (<c>BeMore:Hub</c>).</summary>
public sealed class LiveHubOptions
{
    public const string SectionName = "BeMore:Hub";

    /// <summary>
    /// The transport's hard cap on one message, in bytes: a message above it closes the connection. It sits above every
    /// per-method limit (<see cref="MaxMessageBytes"/>, <see cref="MaxLandmarksMessageBytes"/>), which the hub enforces
    /// itself with a PAYLOAD_TOO_LARGE answer that keeps the connection open.
    /// </summary>
    [Range(MaxLandmarksMessageBytes, 4 * 1024 * 1024)]
    public int MaximumReceiveMessageSize { get; set; } = 512 * 1024;

    /// <summary>Most missed events <c>JoinSession</c> answers; past them it says <c>hasMore</c> and the client pages through REST.</summary>
    [Range(1, SessionEventReading.MaxPageSize)]
    public int JoinMissedLimit { get; set; } = SessionEventReading.MaxPageSize;

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

    /// <summary>Largest message of a hub method, in bytes, unless the method has its own limit below.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    public const int MaxVadFramesPerCall = 200;

    /// <summary>
    /// Face frames per SendLandmarks call: a third of a second at 30 frames per second. The limit in bytes below lets
    /// that many frames through in either protocol, however the client writes its numbers.
    /// </summary>
    public const int MaxLandmarkFramesPerCall = 10;

    /// <summary>
    /// Largest SendLandmarks message: <see cref="MaxLandmarkFramesPerCall"/> frames of the widest JSON (468 points of
    /// three 24-character numbers, 36 KB a frame) with room to spare; MessagePack frames are smaller (at most 13 KB).
    /// </summary>
    public const int MaxLandmarksMessageBytes = 384 * 1024;
    public const int MaxVadFrameMs = 1000;

    /// <summary>Stream offsets past a day are not from a real session.</summary>
    public const long MaxTimestampMs = 24L * 60 * 60 * 1000;
}
