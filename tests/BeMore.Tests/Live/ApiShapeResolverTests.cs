using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BeMore.Web.Features.Live;
using MessagePack;
using MessagePack.Resolvers;

namespace BeMore.Tests.Live;

/// <summary>The hub's MessagePack carries exactly the JSON protocol's values, whatever the strings hold and however large.</summary>
public sealed class ApiShapeResolverTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly MessagePackSerializerOptions MessagePack = MessagePackSerializerOptions.Standard.WithResolver(
        CompositeResolver.Create(new ApiShapeResolver(Json), StandardResolver.Instance));

    public static TheoryData<string> Texts => new()
    {
        "plain words",
        "정말 그래요. 다 제 잘못이에요",
        "quotes \" and \\ backslashes, a tab\t, a newline\n and a NUL \0 too",
        "emoji 😀, an accent é and a lone surrogate \uD800 here",
        "</script><b>&amp;</b> 'single'",
        "",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Serialize_AnyText_ReadsBackAsTheJsonValue(string text)
    {
        var value = Sample(text, items: 3);

        AssertSameValue(value);
    }

    [Fact]
    public void Serialize_ALargeValueThenASmallOne_EachReadsBackWhole()
    {
        var large = Sample(string.Concat(Enumerable.Repeat("긴 문장이에요 \"quoted\" ", 20_000)), items: 2_000);
        var small = Sample("short", items: 1);

        AssertSameValue(large);
        AssertSameValue(small);
        AssertSameValue(large);
    }

    [Fact]
    public void Serialize_NestedEmptyContainersAndNulls_KeepTheirSizes()
    {
        var value = new ShapeSample("x", 0, 0.5, false, null, [new ShapeItem("", [], null), new ShapeItem("b", [[], [1.5, 2]], new ShapeItem("c", [], null))], DateTimeOffset.UnixEpoch);

        AssertSameValue(value);
    }

    private static void AssertSameValue(ShapeSample value)
    {
        var packed = MessagePackSerializer.Serialize(value, MessagePack);

        var reader = new MessagePackReader(packed);
        var fromMessagePack = Read(ref reader);
        var fromJson = JsonSerializer.SerializeToNode(value, Json);
        Assert.True(reader.End);
        Assert.True(JsonNode.DeepEquals(fromJson, fromMessagePack), $"MessagePack read back as {fromMessagePack?.ToJsonString()}");
    }

    /// <summary>MessagePack decoded as plain JSON values (MessagePack's own ConvertToJson leaves a NUL unescaped).</summary>
    private static JsonNode? Read(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var map = new JsonObject();
                for (var count = reader.ReadMapHeader(); count > 0; count--)
                {
                    var name = reader.ReadString()!;
                    map[name] = Read(ref reader);
                }

                return map;
            case MessagePackType.Array:
                var array = new JsonArray();
                for (var count = reader.ReadArrayHeader(); count > 0; count--)
                {
                    array.Add(Read(ref reader));
                }

                return array;
            case MessagePackType.String:
                return JsonValue.Create(reader.ReadString());
            case MessagePackType.Integer:
                return JsonValue.Create(reader.ReadInt64());
            case MessagePackType.Float:
                return JsonValue.Create(reader.ReadDouble());
            case MessagePackType.Boolean:
                return JsonValue.Create(reader.ReadBoolean());
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            default:
                throw new InvalidDataException($"Unexpected {reader.NextMessagePackType}.");
        }
    }

    private static ShapeSample Sample(string text, int items) => new(
        text,
        items,
        72.25,
        true,
        null,
        [.. Enumerable.Range(0, items).Select(i => new ShapeItem($"{text.Length % 7}-{i}", [[i, i + 0.5]], i % 2 == 0 ? null : new ShapeItem(text[..Math.Min(text.Length, 5)], [], null)))],
        new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.FromHours(9)));
}

/// <summary>A record in BeMore's namespace, so the resolver writes it in the API's shape.</summary>
public sealed record ShapeSample(string Text, int Count, double Ratio, bool Flag, string? Missing, IReadOnlyList<ShapeItem> Items, DateTimeOffset At);

public sealed record ShapeItem(string Name, IReadOnlyList<IReadOnlyList<double>> Values, ShapeItem? Child);
