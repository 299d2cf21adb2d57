namespace BeMore.Silo.Hosting;

/// <summary>
/// Lets the shared byte-array pool keep more arrays of each size. Every live connection's WebSocket receive rents its
/// pipe segments from that pool, which keeps only eight arrays of a size per core (.NET 10): with hundreds of audio streams
/// on one core it runs dry, so chunks are received into new arrays and the returned ones are left to the GC (a fifth of
/// the node's allocation in the streaming profile; README, "Where a streaming node's memory goes"). The runtime reads
/// the limit from the environment when the pool is first used, so this runs before anything else; a limit set by the
/// operator is kept.
/// </summary>
internal static class ArrayPoolCapacity
{
    private const string MaxArraysPerPartition = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>
    /// Enough for a thousand connections' receive segments (4 KB each) in flight on one core. The pool keeps only arrays
    /// that were returned to it, and drops them again under memory pressure: at most 4 MB of those segments.
    /// </summary>
    private const int ArraysPerSize = 1024;

    public static void Raise()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MaxArraysPerPartition)))
        {
            Environment.SetEnvironmentVariable(MaxArraysPerPartition, ArraysPerSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
