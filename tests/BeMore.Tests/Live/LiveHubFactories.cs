using Microsoft.AspNetCore.Hosting;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Live;

/// <summary>The server with an audio budget large enough to stream a recording faster than real time.</summary>
public sealed class FastAudioWebFactory : BeMoreWebFactory
{
    protected override void ConfigureStorage(IWebHostBuilder builder) =>
        builder.UseSetting("BeMore:Hub:AudioBytesPerSecond", "4000000");
}

/// <summary>The server with a small per-connection invocation budget, so a flood is quick to provoke.</summary>
public sealed class TightHubWebFactory : BeMoreWebFactory
{
    public const int Burst = 5;
    public const int RejectionsBeforeClose = 10;
    public const int MaxConnectionsPerUser = 2;
    public const int JoinMissedLimit = 3;

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Hub:InvocationsPerSecond", "5");
        builder.UseSetting("BeMore:Hub:InvocationBurst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Hub:RejectionsBeforeClose", RejectionsBeforeClose.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Hub:MaxConnectionsPerUser", MaxConnectionsPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Hub:JoinMissedLimit", JoinMissedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
