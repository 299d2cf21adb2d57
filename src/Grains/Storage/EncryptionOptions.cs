namespace BeMore.Grains.Storage;

/// <summary>Encryption keys for data at rest (<c>BeMore:Encryption</c>): a ring of named 256-bit keys, one active.</summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "BeMore:Encryption";

    /// <summary>The key new rows are encrypted with; older keys stay in <see cref="Keys"/> to read older rows.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Key id to base64 of 32 random bytes.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>
    /// Read what an earlier version stored in the clear (grain state, deduplication keys), sealing grain state on the
    /// spot, so existing data survives the upgrade. Turn off once every row is sealed: plaintext is then refused, so
    /// nobody with write access to the database can plant a state the server would believe.
    /// </summary>
    public bool ReadLegacyPlaintext { get; set; } = true;
}
