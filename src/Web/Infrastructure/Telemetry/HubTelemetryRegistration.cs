using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Web.Infrastructure.Telemetry;

public static class HubTelemetryRegistration
{
    /// <summary>Call before the hub's own filters are added: SignalR runs global filters in the order they were added.</summary>
    public static IServiceCollection AddHubTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<HubTelemetryFilter>();
        services.Configure<HubOptions>(hub => hub.AddFilter<HubTelemetryFilter>());
        return services;
    }
}
