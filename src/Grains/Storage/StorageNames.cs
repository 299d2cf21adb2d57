namespace BeMore.Grains.Storage;

/// <summary>Names that stored rows are keyed by; changing one orphans existing data.</summary>
public static class StorageNames
{
    /// <summary>The Orleans grain-storage provider every BeMore grain persists its (small) state in.</summary>
    public const string GrainState = "bemore";

    /// <summary>The email index's state: its grain key is an email address, so its rows are keyed by a digest of it.</summary>
    public const string EmailIndexState = "email";

    /// <summary>States whose grain keys are personal data (see <see cref="SealedGrainStorage"/>).</summary>
    public static IReadOnlySet<string> PseudonymousStates { get; } = new HashSet<string>(StringComparer.Ordinal) { EmailIndexState };
}
