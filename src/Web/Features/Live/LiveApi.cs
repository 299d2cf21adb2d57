using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Live;

/// <summary>The live hub's registration and route.</summary>
public static class LiveApi
{
    public const string HubPath = "/hubs/session";

    public static IServiceCollection AddLiveHub(this IServiceCollection services)
    {
        services.AddOptions<LiveHubOptions>().BindConfiguration(LiveHubOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HubRateLimitFilter>();
        services.AddSingleton<SessionRelayRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionRelayRegistry>());
        services.AddSignalR(options => options.AddFilter<HubRateLimitFilter>())
            .AddJsonProtocol()
            .AddMessagePackProtocol();
        services.AddOptions<HubOptions>().Configure<IOptions<LiveHubOptions>>((hub, live) =>
        {
            hub.MaximumReceiveMessageSize = live.Value.MaximumReceiveMessageSize;
            // Enough for ten seconds of 16 kHz PCM16 audio (320,000 bytes) plus the events around it.
            hub.StatefulReconnectBufferSize = 400_000;
            hub.EnableDetailedErrors = false;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapLiveHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<SessionHub>(HubPath, options =>
        {
            options.CloseOnAuthenticationExpiration = true;
            options.AllowStatefulReconnects = true;
        });
        return endpoints;
    }
}
