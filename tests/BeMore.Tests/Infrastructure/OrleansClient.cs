using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace BeMore.Tests.Infrastructure;

/// <summary>An external Orleans client in the test process, talking to silos in other processes through their gateways.</summary>
public sealed class OrleansClient : IAsyncDisposable
{
    private readonly IHost _host;

    private OrleansClient(IHost host) => _host = host;

    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects through exactly the given gateways (so a test knows which node forwards its calls).</summary>
    public static Task<OrleansClient> ConnectAsync(params int[] gatewayPorts) => ConnectAsync(tlsCertificate: null, gatewayPorts);

    /// <summary>The same, over mutual TLS with the cluster's certificate when one is given.</summary>
    public static async Task<OrleansClient> ConnectAsync(X509Certificate2? tlsCertificate, params int[] gatewayPorts)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = "bemore";
                options.ServiceId = "bemore";
            });
            client.UseStaticClustering(gatewayPorts.Select(port => new IPEndPoint(IPAddress.Loopback, port)).ToArray());
            if (tlsCertificate is not null)
            {
                client.UseTls(tlsCertificate, tls => tls.RemoteCertificateValidation = (remote, _, _) => remote.RawData.AsSpan().SequenceEqual(tlsCertificate.RawData));
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new OrleansClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
