using System.Text.Json;
using System.Text.Json.Serialization;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Live;

/// <summary>
/// The hub's two protocols, configured in one place from the app's System.Text.Json options, so JSON and MessagePack
/// clients see the same camelCase fields as the REST API: the JSON protocol serializes with those options, the
/// MessagePack protocol writes BeMore's records through <see cref="ApiShapeResolver"/> over the same options.
/// </summary>
public static class HubProtocols
{
    public static ISignalRServerBuilder AddApiShapedProtocols(this ISignalRServerBuilder signalR)
    {
        ArgumentNullException.ThrowIfNull(signalR);
        signalR.AddJsonProtocol().AddMessagePackProtocol().LimitMessagesPerMethod();
        signalR.Services.AddOptions<JsonHubProtocolOptions>().Configure<IOptions<JsonOptions>>((hub, http) =>
            hub.PayloadSerializerOptions = ForHub(http.Value.SerializerOptions));
        signalR.Services.AddOptions<MessagePackHubProtocolOptions>().Configure<IOptions<JsonOptions>>((hub, http) =>
            hub.SerializerOptions = hub.SerializerOptions.WithResolver(
                CompositeResolver.Create(new ApiShapeResolver(ForHub(http.Value.SerializerOptions)), hub.SerializerOptions.Resolver)));
        return signalR;
    }

    /// <summary>
    /// The app's options, except that hub arguments read numbers strictly as SignalR's own defaults do (the REST
    /// binding's "numbers in strings" leniency is not extended to the hub's validated inputs).
    /// </summary>
    private static JsonSerializerOptions ForHub(JsonSerializerOptions app) =>
        new(app) { NumberHandling = JsonNumberHandling.Strict };
}
