using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace BeMore.Web.Features.Live;

/// <summary>JSON schemas of the hub's payloads, exported from the CLR types with the hub's own serializer options.</summary>
internal sealed class LiveSchemas(JsonSerializerOptions hubOptions)
{
    private static readonly JsonSchemaExporterOptions Exporter = new() { TreatNullObliviousAsNonNullable = true };

    private readonly JsonSerializerOptions _options = new(hubOptions) { TypeInfoResolver = hubOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver() };

    /// <summary>SignalR's positional arguments of a call: a tuple, one schema per parameter, in order.</summary>
    public JsonObject Arguments(MethodInfo method)
    {
        var items = new JsonArray();
        var names = new List<string>();
        foreach (var parameter in method.GetParameters())
        {
            if (IsStream(parameter.ParameterType))
            {
                // A stream parameter is not in the arguments: its items arrive as SignalR stream items (streamIds).
                names.Add($"{parameter.Name} (a client-to-server stream of byte arrays: binary in MessagePack, base64 strings in JSON)");
                continue;
            }

            var schema = Of(parameter.ParameterType);
            schema["title"] = parameter.Name;
            items.Add(schema);
            names.Add(parameter.Name!);
        }

        return new JsonObject
        {
            ["type"] = "array",
            ["description"] = $"Arguments in order: {string.Join(", ", names)}.",
            ["items"] = items,
            ["minItems"] = items.Count,
            ["maxItems"] = items.Count,
        };
    }

    /// <summary>The completion value of a call (<c>null</c> for a method that answers nothing).</summary>
    public JsonObject Answer(MethodInfo method)
    {
        var returned = method.ReturnType;
        return returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>)
            ? Of(returned.GetGenericArguments()[0])
            : new JsonObject { ["type"] = "null", ["description"] = "The call completes without a value." };
    }

    /// <summary><c>{sessionId, seq, type, at, data}</c>, one alternative per event type with its data's schema.</summary>
    public JsonObject Events(IReadOnlyDictionary<string, Type> types) => Envelopes(types, withSeq: true);

    /// <summary><c>{sessionId, type, at, data}</c>, one alternative per live type.</summary>
    public JsonObject Live(IReadOnlyDictionary<string, Type> types) => Envelopes(types, withSeq: false);

    private JsonObject Envelopes(IReadOnlyDictionary<string, Type> types, bool withSeq)
    {
        var alternatives = new JsonArray();
        foreach (var (name, type) in types.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var properties = new JsonObject
            {
                ["sessionId"] = new JsonObject { ["type"] = "string" },
                ["type"] = new JsonObject { ["type"] = "string", ["const"] = name },
                ["at"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["data"] = Of(type),
            };
            var required = new JsonArray("sessionId", "type", "at", "data");
            if (withSeq)
            {
                properties["seq"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["description"] = "Increases by one per session event." };
                required.Add("seq");
            }

            alternatives.Add(new JsonObject { ["title"] = name, ["type"] = "object", ["properties"] = properties, ["required"] = required });
        }

        return new JsonObject { ["oneOf"] = alternatives };
    }

    private JsonObject Of(Type type) =>
        _options.GetJsonSchemaAsNode(type, Exporter) is JsonObject schema ? schema : new JsonObject();

    private static bool IsStream(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>);
}
