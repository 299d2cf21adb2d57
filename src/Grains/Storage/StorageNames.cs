namespace BeMore.Grains.Storage;

/// <summary>Names that stored rows are keyed by; changing one orphans existing data.</summary>
public static class StorageNames
{
    /// <summary>The Orleans grain-storage provider every BeMore grain persists its (small) state in.</summary>
    public const string GrainState = "bemore";
}
