using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        services.AddSingleton<HubConnectionOwners>();
        services.AddSingleton<Serilog.Core.ILogEventFilter, HubRefusalLogFilter>();
        services.AddSingleton<SessionRelayRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionRelayRegistry>());
        services.AddSignalR(options => options.AddFilter<HubRateLimitFilter>()).AddApiShapedProtocols();
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
        }).Add(BindConnectionTokensToTheirUser);
        return endpoints;
    }

    /// <summary>
    /// Runs <see cref="HubConnectionOwners"/> inside the hub's endpoints (negotiate and connection), after
    /// authentication and authorization, so it sees the caller and nothing else in the pipeline changes.
    /// </summary>
    private static void BindConnectionTokensToTheirUser(EndpointBuilder endpoint)
    {
        var owners = endpoint.ApplicationServices.GetRequiredService<HubConnectionOwners>();
        var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"The hub endpoint {endpoint.DisplayName} has no request delegate.");
        var negotiates = endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.EndsWith("/negotiate", StringComparison.Ordinal) == true;
        endpoint.RequestDelegate = negotiates
            ? context => owners.NegotiateAsync(context, inner)
            : context => owners.ConnectAsync(context, inner);
    }
}
