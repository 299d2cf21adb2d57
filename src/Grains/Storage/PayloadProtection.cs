using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BeMore.Grains.Storage;

/// <summary>Encryption keys for data at rest (<c>BeMore:Encryption</c>): a ring of named 256-bit keys, one active.</summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "BeMore:Encryption";

    /// <summary>The key new rows are encrypted with; older keys stay in <see cref="Keys"/> to read older rows.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Key id to base64 of 32 random bytes.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];
}

/// <summary>
/// AES-256-GCM for event payloads. Each row stores the id of the key that sealed it, so keys can rotate; the row's
/// identity (session, seq) is the associated data, so a ciphertext moved to another row no longer opens.
/// Layout: nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class PayloadProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public PayloadProtector(EncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = options.Keys.ToDictionary(pair => pair.Key, pair => DecodeKey(pair.Key, pair.Value), StringComparer.Ordinal);
        _activeKeyId = options.ActiveKeyId is { } active && _keys.ContainsKey(active)
            ? active
            : throw new InvalidOperationException($"{EncryptionOptions.SectionName}:ActiveKeyId must name one of {EncryptionOptions.SectionName}:Keys.");
    }

    public (string KeyId, byte[] Sealed) Protect(ReadOnlySpan<byte> plaintext, string sessionId, long seq)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), AssociatedData(sessionId, seq));
        return (_activeKeyId, sealedBytes);
    }

    public byte[] Unprotect(string keyId, ReadOnlySpan<byte> sealedBytes, string sessionId, long seq)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Event payload key '{keyId}' is not in {EncryptionOptions.SectionName}:Keys.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plaintext, AssociatedData(sessionId, seq));
        return plaintext;
    }

    /// <summary>A fresh key ring with one random key, for the embedded profile's first start.</summary>
    public static EncryptionOptions GenerateOptions(string keyId) => new()
    {
        ActiveKeyId = keyId,
        Keys = new Dictionary<string, string> { [keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
    };

    private static byte[] AssociatedData(string sessionId, long seq)
    {
        var id = Encoding.UTF8.GetBytes(sessionId);
        var data = new byte[id.Length + sizeof(long)];
        id.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(id.Length), seq);
        return data;
    }

    private static byte[] DecodeKey(string keyId, string base64)
    {
        var key = Convert.TryFromBase64String(base64, new byte[32], out var written) && written == 32
            ? Convert.FromBase64String(base64)
            : throw new InvalidOperationException($"{EncryptionOptions.SectionName}:Keys:{keyId} must be base64 of exactly 32 bytes.");
        return key;
    }
}
