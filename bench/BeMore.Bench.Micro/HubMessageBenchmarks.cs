using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Web.Features.Live;
using BeMore.Web.Features.Sessions;
using MessagePack;
using MessagePack.Resolvers;

namespace BeMore.Bench.Micro;

/// <summary>
/// One pushed event written for a MessagePack client, through the hub's API-shaped resolver: every answer and push to
/// such a client pays this. English and Korean text.
/// </summary>
[MemoryDiagnoser]
public class HubMessageBenchmarks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static readonly MessagePackSerializerOptions MessagePack = MessagePackSerializerOptions.Standard.WithResolver(
        CompositeResolver.Create(new ApiShapeResolver(Json), StandardResolver.Instance));

    private SessionEventResponse _event = null!;

    [Params("en", "ko")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        var text = Language == "ko" ? "요즘 계속 일이 잘못될 것 같다는 생각이 들어서 잠을 못 자요." : "I keep thinking that everything will go wrong at work tomorrow.";
        _event = new SessionEventResponse(
            "5f0c2f7e8a3b4c1d9e6f7a8b9c0d1e2f", 42, TranscriptSegment.TypeName, new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero),
            new TranscriptSegment("segment-42", text, 120_000, 124_500, Language, 12, TranscriptSegment.FromClient));
    }

    [Benchmark]
    public byte[] PushedTranscriptEvent() => MessagePackSerializer.Serialize(_event, MessagePack);
}
