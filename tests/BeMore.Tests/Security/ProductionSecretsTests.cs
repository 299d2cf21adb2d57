using System.Security.Cryptography;
using BeMore.Silo.Hosting;
using BeMore.Tests.Hosting;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BeMore.Tests.Security;

/// <summary>Production refuses to run on secrets that are missing or placeholders, and never prints them.</summary>
[Trait(TestCategory.Name, TestCategory.Postgres)]
public sealed class ProductionSecretsTests
{
    private static readonly string RandomKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("")]
    [InlineData("changeme")]
    [InlineData("CHANGE_ME_TO_A_LONG_RANDOM_SIGNING_KEY_PLEASE")]
    [InlineData("<your-signing-key>")]
    [InlineData("${BEMORE_SIGNING_KEY}")]
    [InlineData("replace-this-with-a-real-secret-before-deploying")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Password")]
    [InlineData("postgres")]
    [InlineData("TODO")]
    public void IsPlaceholder_TemplateOrTrivialValue_IsTrue(string value)
    {
        Assert.True(ProductionSecrets.IsPlaceholder(value));
    }

    [Fact]
    public void IsPlaceholder_RandomSecrets_IsFalse()
    {
        for (var i = 0; i < 5000; i++)
        {
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            var urlSafe = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(48));
            Assert.False(ProductionSecrets.IsPlaceholder(secret), secret);
            Assert.False(ProductionSecrets.IsPlaceholder(urlSafe), urlSafe);
        }

        Assert.False(ProductionSecrets.IsPlaceholder("k7#Vq2!mZ9pL"));
        Assert.False(ProductionSecrets.IsPlaceholder("iCKtfBnQjZVLd160hQq7KxazPLbF2kzNWjZ7M8PoBi3XyouR-H00qRnjv6EmolN_"));
    }

    [Fact]
    public void EnsureReal_EveryKindOfWeakSecret_IsRefusedNamingEachSettingButNoValue()
    {
        const string signingKey = "change-me-to-a-long-random-signing-key-0123456789";
        var zeroKey = Convert.ToBase64String(new byte[32]);
        var configuration = Configuration(new()
        {
            ["BeMore:Auth:SigningKey"] = signingKey,
            ["BeMore:Encryption:ActiveKeyId"] = "k1",
            ["BeMore:Encryption:Keys:k1"] = zeroKey,
            ["BeMore:Encryption:Keys:k2"] = RandomKey,
            ["BeMore:Cluster:TlsCertificatePath"] = "/run/secrets/cluster.pfx",
            ["BeMore:Cluster:TlsCertificatePassword"] = "password",
        });
        var storage = new StorageOptions { Profile = StorageProfile.Postgres, ConnectionString = "Host=db;Database=bemore;Username=bemore;Password=changeme" };

        var refusal = Assert.Throws<OptionsValidationException>(() => ProductionSecrets.EnsureReal(configuration, storage));

        Assert.Equal(4, refusal.Failures.Count());
        Assert.Contains("BeMore:Cluster:TlsCertificatePassword", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("BeMore:Auth:SigningKey", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("BeMore:Encryption:Keys:k1", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Keys:k2", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("BeMore:Storage:ConnectionString", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(signingKey, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(zeroKey, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("changeme", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Database=bemore;Username=bemore")]
    [InlineData("Host=db;Database=bemore;Username=bemore;Password=")]
    public void EnsureReal_PostgresWithoutPassword_IsRefused(string connectionString)
    {
        var storage = new StorageOptions { Profile = StorageProfile.Postgres, ConnectionString = connectionString };

        var refusal = Assert.Throws<OptionsValidationException>(() => ProductionSecrets.EnsureReal(Configuration([]), storage));

        Assert.Contains("BeMore:Storage:ConnectionString", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureReal_RealSecrets_Passes()
    {
        var configuration = Configuration(new()
        {
            ["BeMore:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["BeMore:Encryption:ActiveKeyId"] = "k1",
            ["BeMore:Encryption:Keys:k1"] = RandomKey,
            ["BeMore:Cluster:TlsCertificatePath"] = "/run/secrets/cluster.pfx",
            ["BeMore:Cluster:TlsCertificatePassword"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
        });
        var storage = new StorageOptions { Profile = StorageProfile.Postgres, ConnectionString = $"Host=db;Username=bemore;Password={Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}" };

        ProductionSecrets.EnsureReal(configuration, storage);
        ProductionSecrets.EnsureReal(Configuration([]), new StorageOptions());
    }

    [Fact]
    public async Task Start_ProductionWithPlaceholderSigningKey_ExitsNamingTheSettingWithoutPrintingIt()
    {
        const string placeholder = "your-signing-key-goes-here-at-least-32-bytes-long";
        var settings = SiloSettings.Embedded(FreePort.Next());
        settings["BeMore__Auth__SigningKey"] = placeholder;
        using var folder = new TestFolder("placeholder-key");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(folder.Path, settings));

        Assert.Contains("exited with", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("BeMore:Auth:SigningKey is a placeholder", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(placeholder, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionPostgresWithoutDatabasePassword_ExitsNamingTheSetting()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var settings = SiloSettings.Postgres(database, FreePort.Next());
        settings["BeMore__Storage__ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(database) { Password = null }.ConnectionString;
        using var folder = new TestFolder("no-db-password");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(folder.Path, settings));

        Assert.Contains("BeMore:Storage:ConnectionString has no real password", refusal.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
