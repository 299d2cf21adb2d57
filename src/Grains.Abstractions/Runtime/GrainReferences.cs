namespace BeMore.Grains.Abstractions.Runtime;

/// <summary>
/// Grain references without Orleans' per-call type resolution: Orleans 10.4's <c>GetGrain&lt;T&gt;(key)</c> reads the
/// interface's attributes by reflection and formats its type name on every call (4-6 % of a node's CPU serving session
/// reads or transcript appends), although the answer never changes. The first call per interface asks Orleans and keeps
/// its grain type and interface type; later calls build the reference from them directly.
/// </summary>
public static class GrainReferences
{
    public static TGrain Reference<TGrain>(this IGrainFactory grains, string key)
        where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        return ResolvedTypes<TGrain>.Value is { } types
            ? (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface)
            : Remember(grains.GetGrain<TGrain>(key));
    }

    public static TGrain Reference<TGrain>(this IGrainFactory grains, long key)
        where TGrain : IGrainWithIntegerKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        return ResolvedTypes<TGrain>.Value is { } types
            ? (TGrain)grains.GetGrain(GrainId.Create(types.Grain, GrainIdKeyExtensions.CreateIntegerKey(key)), types.Interface)
            : Remember(grains.GetGrain<TGrain>(key));
    }

    private static TGrain Remember<TGrain>(TGrain grain)
    {
        var reference = (GrainReference)(object)grain!;
        ResolvedTypes<TGrain>.Value = new(reference.GrainId.Type, reference.InterfaceType);
        return grain;
    }

    /// <summary>A class, so a reader sees both types or neither (a struct's two fields could tear between threads).</summary>
    private sealed record Types(GrainType Grain, GrainInterfaceType Interface);

    private static class ResolvedTypes<TGrain>
    {
        public static Types? Value;
    }
}
