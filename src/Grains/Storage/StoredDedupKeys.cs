namespace BeMore.Grains.Storage;

/// <summary>
/// The deduplication keys a session had stored when its journal opened, kept as hashes of their stored forms (16 bytes
/// a key), so a key that was never stored, which is nearly every append, is known new without reading the log. A hash
/// that matches only means the key may be stored: the caller then reads the row.
/// </summary>
public sealed class StoredDedupKeys(IEnumerable<string> storedForms, Func<string, IReadOnlyList<string>> formsOf)
{
    private readonly HashSet<int> _hashes = storedForms.Select(StringComparer.Ordinal.GetHashCode).ToHashSet();

    /// <summary>False when <paramref name="dedupKey"/> is surely not among the keys read; true when it may be.</summary>
    public bool MayHold(string dedupKey) => _hashes.Count > 0 && formsOf(dedupKey).Any(form => _hashes.Contains(StringComparer.Ordinal.GetHashCode(form)));
}
