using System.Security.Cryptography;
using BeMore.Grains.Storage;

namespace BeMore.Tests.Storage;

public sealed class PayloadProtectorTests
{
    private static readonly byte[] Plaintext = "{\"text\":\"hello\"}"u8.ToArray();

    [Fact]
    public void Unprotect_SameRow_ReturnsThePlaintext()
    {
        var protector = Protector("k1", ("k1", 1));

        var (keyId, sealedBytes) = protector.Protect(Plaintext, "session-a", 7);

        Assert.Equal("k1", keyId);
        Assert.Equal(Plaintext, protector.Unprotect(keyId, sealedBytes, "session-a", 7));
    }

    [Theory]
    [InlineData("session-b", 7)]
    [InlineData("session-a", 8)]
    public void Unprotect_PayloadMovedToAnotherRow_Fails(string sessionId, long seq)
    {
        var protector = Protector("k1", ("k1", 1));
        var (keyId, sealedBytes) = protector.Protect(Plaintext, "session-a", 7);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(keyId, sealedBytes, sessionId, seq));
    }

    [Fact]
    public void Unprotect_AfterRotation_ReadsRowsSealedWithTheOldKey()
    {
        var before = Protector("k1", ("k1", 1));
        var (oldKeyId, oldSealed) = before.Protect(Plaintext, "s", 1);
        var after = Protector("k2", ("k1", 1), ("k2", 2));

        var (newKeyId, _) = after.Protect(Plaintext, "s", 2);

        Assert.Equal("k2", newKeyId);
        Assert.Equal(Plaintext, after.Unprotect(oldKeyId, oldSealed, "s", 1));
    }

    [Fact]
    public void Constructor_ActiveKeyMissingFromRing_ExplainsTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Protector("absent", ("k1", 1)));

        Assert.Contains("BeMore:Encryption:ActiveKeyId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_KeyOfWrongLength_ExplainsTheSetting()
    {
        var options = new EncryptionOptions { ActiveKeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(new byte[16]) } };

        var error = Assert.Throws<InvalidOperationException>(() => new PayloadProtector(options));

        Assert.Contains("BeMore:Encryption:Keys:k1", error.Message, StringComparison.Ordinal);
    }

    private static PayloadProtector Protector(string active, params (string Id, byte Fill)[] keys) => new(new EncryptionOptions
    {
        ActiveKeyId = active,
        Keys = keys.ToDictionary(k => k.Id, k => Convert.ToBase64String(Enumerable.Repeat(k.Fill, 32).ToArray())),
    });
}
