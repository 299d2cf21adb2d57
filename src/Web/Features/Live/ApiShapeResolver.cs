using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MessagePack;
using MessagePack.Formatters;

namespace BeMore.Web.Features.Live;

/// <summary>
/// Writes the hub's outbound records (answers and pushed events) to MessagePack in the REST API's JSON shape: the same
/// camelCase names, enum strings, ISO times and untagged event data as the JSON protocol, because both come from one
/// System.Text.Json contract. Each value is serialized once by that contract and its tokens written straight to
/// MessagePack (maps, arrays, strings, integers where the number is whole, doubles otherwise). Types with a MessagePack
/// contract of their own (the client's input messages) and everything outside BeMore are left to the next resolver.
/// </summary>
public sealed class ApiShapeResolver(JsonSerializerOptions json) : IFormatterResolver
{
    private readonly ConcurrentDictionary<Type, object?> _formatters = new();

    public IMessagePackFormatter<T>? GetFormatter<T>() =>
        (IMessagePackFormatter<T>?)_formatters.GetOrAdd(typeof(T), type => SpeaksApiShape(type) ? new ApiShapeFormatter<T>(json.GetTypeInfo(type)) : null);

    private static bool SpeaksApiShape(Type type) =>
        type is { IsClass: true, IsArray: false, Namespace: not null }
        && type.Namespace.StartsWith("BeMore.", StringComparison.Ordinal)
        && type.GetCustomAttribute<MessagePackObjectAttribute>() is null;

    private sealed class ApiShapeFormatter<T>(JsonTypeInfo contract) : IMessagePackFormatter<T>
    {
        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
        {
            var utf8 = JsonSerializer.SerializeToUtf8Bytes(value, contract);
            var sizes = ContainerSizes(utf8);
            var next = 0;
            var reader = new Utf8JsonReader(utf8);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        writer.WriteMapHeader(sizes[next++]);
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteArrayHeader(sizes[next++]);
                        break;
                    case JsonTokenType.PropertyName or JsonTokenType.String:
                        writer.Write(reader.GetString());
                        break;
                    case JsonTokenType.Number when reader.TryGetInt64(out var whole):
                        writer.Write(whole);
                        break;
                    case JsonTokenType.Number:
                        writer.Write(reader.GetDouble());
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        writer.Write(reader.GetBoolean());
                        break;
                    case JsonTokenType.Null:
                        writer.WriteNil();
                        break;
                }
            }
        }

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            throw new NotSupportedException($"{typeof(T).Name} is sent to clients, never received from them.");

        /// <summary>MessagePack writes a map's or array's size before its items: the sizes of every container, in the order they open.</summary>
        private static List<int> ContainerSizes(ReadOnlySpan<byte> utf8)
        {
            var sizes = new List<int>();
            var open = new Stack<(int Index, bool IsArray)>();
            var reader = new Utf8JsonReader(utf8);
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (open.TryPeek(out var parent)
                    && (parent.IsArray ? token is not (JsonTokenType.EndArray or JsonTokenType.EndObject) : token == JsonTokenType.PropertyName))
                {
                    sizes[parent.Index]++;
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Push((sizes.Count, token == JsonTokenType.StartArray));
                    sizes.Add(0);
                }
                else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    open.Pop();
                }
            }

            return sizes;
        }
    }
}
