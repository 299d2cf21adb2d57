using System.Globalization;
using System.Security.Cryptography;

namespace BeMore.Tests.Hosting;

/// <summary>Environment settings for a silo process, as an operator (or docker-compose) would pass them.</summary>
internal static class SiloSettings
{
    /// <summary>Random per run, as real secrets are: Production refuses placeholders.</summary>
    public static readonly string TestKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static readonly string TestSigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>A node without a client gateway, as deployed, unless a test connects an Orleans client through one.</summary>
    public static Dictionary<string, string> Embedded(int siloPort, int? gatewayPort = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["BeMore__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["BeMore__Cluster__ShutdownTimeout"] = "00:00:10",
            // Test classes sign up many users from one loopback address; the sign-up limit has its own tests.
            ["BeMore__Auth__SignUp__PermitLimit"] = "1000000",
        };
        if (gatewayPort is { } port)
        {
            settings["BeMore__Cluster__GatewayPort"] = port.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }

    public static Dictionary<string, string> Postgres(string connectionString, int siloPort, int? gatewayPort = null)
    {
        var settings = Embedded(siloPort, gatewayPort);
        settings["BeMore__Storage__Profile"] = "Postgres";
        settings["BeMore__Storage__ConnectionString"] = connectionString;
        settings["BeMore__Cluster__AdvertisedHost"] = "127.0.0.1";
        settings["BeMore__Auth__SigningKey"] = TestSigningKey;
        settings["BeMore__Encryption__ActiveKeyId"] = "k1";
        settings["BeMore__Encryption__Keys__k1"] = TestKey;
        return settings;
    }
}
