using System.Text.Json;

namespace BeMore.Web.Features.Live;

/// <summary>
/// Turns a response record into a tree of maps, lists and primitives with the API's camelCase names, so the JSON
/// and MessagePack hub protocols carry the same field names (MessagePack would otherwise use the CLR's PascalCase).
/// </summary>
public static class WireTree
{
    public static IReadOnlyDictionary<string, object?> From<T>(T value, JsonSerializerOptions options)
    {
        using var document = JsonSerializer.SerializeToDocument(value, options);
        return (IReadOnlyDictionary<string, object?>)Convert(document.RootElement)!;
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
