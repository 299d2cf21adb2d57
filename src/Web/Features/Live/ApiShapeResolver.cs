using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MessagePack;
using MessagePack.Formatters;

namespace BeMore.Web.Features.Live;

/// <summary>
/// Writes the hub's outbound records (answers and pushed events) to MessagePack in the REST API's JSON shape: the same
/// camelCase names, enum strings, ISO times and untagged event data as the JSON protocol, because both come from one
/// System.Text.Json contract. Each value is serialized once by that contract, into a buffer its thread keeps, and its
/// tokens written straight to MessagePack (maps, arrays, strings as their UTF-8, integers where the number is whole,
/// doubles otherwise). Types with a MessagePack
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
        private readonly JsonTypeInfo<T> _contract = (JsonTypeInfo<T>)contract;

        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
        {
            var scratch = Scratch.Take();
            try
            {
                JsonSerializer.Serialize(scratch.Json, value, _contract);
                scratch.Json.Flush();
                Write(ref writer, scratch.Utf8.WrittenSpan, scratch);
            }
            finally
            {
                scratch.Return();
            }
        }

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            throw new NotSupportedException($"{typeof(T).Name} is sent to clients, never received from them.");
    }

    /// <summary>The JSON's tokens as MessagePack; strings go as the UTF-8 the JSON holds, unescaped where they were escaped.</summary>
    private static void Write(ref MessagePackWriter writer, ReadOnlySpan<byte> utf8, Scratch scratch)
    {
        var sizes = scratch.Sizes;
        ContainerSizes(utf8, sizes, scratch.Open);
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
                case JsonTokenType.PropertyName or JsonTokenType.String when reader.ValueIsEscaped:
                    WriteUnescaped(ref writer, ref reader);
                    break;
                case JsonTokenType.PropertyName or JsonTokenType.String:
                    writer.WriteString(reader.ValueSpan);
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

    /// <summary>An escaped string is never longer unescaped, so a buffer of its escaped length holds it.</summary>
    private static void WriteUnescaped(ref MessagePackWriter writer, ref Utf8JsonReader reader)
    {
        var rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            var length = reader.CopyString(rented);
            writer.WriteString(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>MessagePack writes a map's or array's size before its items: the sizes of every container, in the order they open.</summary>
    /// <param name="open">The containers open at the reader's position, innermost last: an object by its index in <paramref name="sizes"/>, an array by the index's complement.</param>
    private static void ContainerSizes(ReadOnlySpan<byte> utf8, List<int> sizes, List<int> open)
    {
        sizes.Clear();
        open.Clear();
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (open.Count > 0)
            {
                // An open array counts its items; an open object its property names.
                var parent = open[^1];
                var isArray = parent < 0;
                if (isArray ? token is not (JsonTokenType.EndArray or JsonTokenType.EndObject) : token == JsonTokenType.PropertyName)
                {
                    sizes[isArray ? ~parent : parent]++;
                }
            }

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                open.Add(token == JsonTokenType.StartArray ? ~sizes.Count : sizes.Count);
                sizes.Add(0);
            }
            else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                open.RemoveAt(open.Count - 1);
            }
        }
    }

    /// <summary>
    /// Each thread's buffers for one value at a time: every answer and pushed event passes through here, so none of them
    /// allocates its JSON copy. A buffer grown past <see cref="KeptBytes"/> by a large value is not kept.
    /// </summary>
    private sealed class Scratch
    {
        private const int KeptBytes = 64 * 1024;

        [ThreadStatic]
        private static Scratch? t_free;

        public ArrayBufferWriter<byte> Utf8 { get; } = new(4096);

        public Utf8JsonWriter Json { get; }

        public List<int> Sizes { get; } = [];

        public List<int> Open { get; } = [];

        /// <summary>
        /// The JSON never leaves this class, so it needs no escaping for a browser: text outside ASCII (all of Korean) is
        /// written as its UTF-8 and copied as it is; only quotes, backslashes and control characters are escaped.
        /// </summary>
        private Scratch() => Json = new Utf8JsonWriter(Utf8, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        /// <summary>This thread's scratch, emptied and its writer reset, or a new one when it is taken already.</summary>
        public static Scratch Take()
        {
            var scratch = t_free ?? new Scratch();
            t_free = null;
            scratch.Utf8.ResetWrittenCount();
            scratch.Json.Reset(scratch.Utf8);
            return scratch;
        }

        public void Return()
        {
            if (Utf8.Capacity <= KeptBytes)
            {
                t_free = this;
            }
        }
    }
}
