using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace BeMore.Grains.Storage;

/// <summary>
/// AES-256-GCM for data at rest (event payloads, grain state). Each sealed value names the key that sealed it, so keys
/// can rotate; the value's identity is the associated data, so a ciphertext moved to another row no longer opens.
/// Layout: nonce (12) | tag (16) | ciphertext. Also keyed digests for values that are looked up and must not be stored
/// in the clear (deduplication keys, grain keys made of personal data).
/// </summary>
public sealed class PayloadProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string DigestPrefix = "hmac-";

    /// <summary>HKDF info: the digest subkey is never the sealing key itself.</summary>
    private static readonly byte[] DigestKeyInfo = Encoding.UTF8.GetBytes("bemore/lookup-digest/v1");

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    /// <summary>Digest subkeys, the active key's first.</summary>
    private readonly List<byte[]> _digestKeys;

    /// <summary>See <see cref="EncryptionOptions.ReadLegacyPlaintext"/>.</summary>
    public bool ReadsLegacyPlaintext { get; }

    public PayloadProtector(EncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = options.Keys.ToDictionary(pair => pair.Key, pair => DecodeKey(pair.Key, pair.Value), StringComparer.Ordinal);
        _activeKeyId = options.ActiveKeyId is { } active && _keys.ContainsKey(active)
            ? active
            : throw new InvalidOperationException($"{EncryptionOptions.SectionName}:ActiveKeyId must name one of {EncryptionOptions.SectionName}:Keys.");
        _digestKeys = _keys.OrderBy(pair => pair.Key == _activeKeyId ? 0 : 1).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => HKDF.DeriveKey(HashAlgorithmName.SHA256, pair.Value, 32, info: DigestKeyInfo))
            .ToList();
        ReadsLegacyPlaintext = options.ReadLegacyPlaintext;
    }

    public (string KeyId, byte[] Sealed) Protect(ReadOnlySpan<byte> plaintext, string sessionId, long seq) =>
        Protect(plaintext, AssociatedData(sessionId, seq));

    public byte[] Unprotect(string keyId, ReadOnlySpan<byte> sealedBytes, string sessionId, long seq) =>
        Unprotect(keyId, sealedBytes, AssociatedData(sessionId, seq));

    public (string KeyId, byte[] Sealed) Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), associatedData);
        return (_activeKeyId, sealedBytes);
    }

    public byte[] Unprotect(string keyId, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Payload key '{keyId}' is not in {EncryptionOptions.SectionName}:Keys.");
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A sealed payload is shorter than its nonce and tag.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }

    /// <summary>
    /// The stored form of a looked-up value: HMAC-SHA256 of <paramref name="scope"/> and <paramref name="value"/> under a
    /// subkey derived from the active key. Scoped (e.g. by session) so equal values do not match across scopes.
    /// </summary>
    public string Digest(string scope, string value) => Digest(_digestKeys[0], scope, value);

    /// <summary>
    /// Every form <paramref name="value"/> may be stored under: its digest under each key of the ring, the active key's
    /// first. A lookup matches any of them, so rotating the active key keeps finding what older keys stored.
    /// </summary>
    public IReadOnlyList<string> Digests(string scope, string value) => _digestKeys.Select(key => Digest(key, scope, value)).ToList();

    /// <summary>A fresh key ring with one random key, for the embedded profile's first start.</summary>
    public static EncryptionOptions GenerateOptions(string keyId) => new()
    {
        ActiveKeyId = keyId,
        Keys = new Dictionary<string, string> { [keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
    };

    private static string Digest(byte[] key, string scope, string value) =>
        DigestPrefix + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{scope}\n{value}")));
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
