using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BeMore.Tests.Infrastructure;

/// <summary>
/// The whole server in-process (web tier + co-hosted silo) on the embedded profile, in its own temporary data
/// folder and on its own free silo ports, so test classes run side by side.
/// </summary>
public sealed class BeMoreWebFactory : WebApplicationFactory<Program>
{
    private readonly TestFolder _dataFolder = new("web");

    public string DataDirectory => _dataFolder.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("BeMore:Storage:DataDirectory", DataDirectory);
        builder.UseSetting("BeMore:Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("BeMore:Dashboard:Enabled", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dataFolder.Dispose();
    }
}
