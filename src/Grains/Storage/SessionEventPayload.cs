using System.Text.Json;
using System.Text.Json.Serialization;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Storage;

/// <summary>The stored form of an event's data: UTF-8 JSON carrying its type discriminator.</summary>
internal static class SessionEventPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static byte[] Serialize(SessionEventData data) => JsonSerializer.SerializeToUtf8Bytes(data, Options);

    public static SessionEventData Deserialize(byte[] payload) =>
        JsonSerializer.Deserialize<SessionEventData>(payload, Options)
        ?? throw new InvalidDataException("An event payload is empty.");
}
