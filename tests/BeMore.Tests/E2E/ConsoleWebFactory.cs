using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace BeMore.Tests.E2E;

/// <summary>
/// The server the console's browser tests share: every page load of every test comes from the one loopback address, and
/// a page with the camera alone loads a dozen files, so the per-client quota (600 requests per 10 minutes, which has tests
/// of its own) would refuse the later tests of a run.
/// </summary>
public sealed class ConsoleWebFactory : BeMoreWebFactory
{
    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Security:RateLimit:PermitLimit", "1000000");
        builder.UseSetting("BeMore:Security:RateLimit:WritePermitLimit", "1000000");
    }
}
