using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Tests.Live;

/// <summary>
/// The hub's wire contract as API.md writes it, read raw in both protocols (a JSON element, or MessagePack decoded to
/// plain maps, arrays and scalars): a pushed event and a JoinSession answer carry exactly the same camelCase fields,
/// values and number kinds in JSON and MessagePack, and a pushed event is the REST API's event to the letter.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Host)]
public sealed class HubWireShapeTests(BeMoreWebFactory factory) : IClassFixture<BeMoreWebFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly string[] EventFields = ["sessionId", "seq", "type", "at", "data"];

    private static readonly string[] SnapshotFields =
        ["id", "status", "title", "startedAt", "endedAt", "activeDurationMs", "lastSeq", "latestEmotion", "metrics"];

    private readonly HttpClient _http = factory.CreateApiClient();

    [Fact]
    public async Task PushedEventAndJoinAnswer_BothProtocols_CarryTheDocumentedFieldsIdentically()
    {
        var user = await _http.SignUpAsync();
        var sessionId = await LiveSessions.CreateAsync(_http, user, analysis: true);
        await using var json = await RawClient.ConnectAsync(factory.ServerAddress, user.AccessToken, LiveProtocol.Json);
        await using var messagePack = await RawClient.ConnectAsync(factory.ServerAddress, user.AccessToken, LiveProtocol.MessagePack);
        var joinedJson = Canonical(await json.Connection.InvokeAsync<object>("JoinSession", sessionId, 0L));
        var joinedMessagePack = Canonical(await messagePack.Connection.InvokeAsync<object>("JoinSession", sessionId, 0L));

        var seq = await LiveSessions.AppendTranscriptAsync(_http, user, sessionId, "I always ruin everything, 정말 그래요.");
        var pushedJson = Canonical(await json.NextEventAsync(seq, Wait));
        var pushedMessagePack = Canonical(await messagePack.NextEventAsync(seq, Wait));
        using var rest = await _http.SendAsync(HttpMethod.Get, $"/api/session/{sessionId}/events?after={seq - 1}&limit=1", user.AccessToken);
        using var restBody = await rest.ReadJsonAsync();

        // The snapshot's durations grow between the two joins: the answers match in names, order and kinds; the missed events in full.
        Assert.Equal(joinedJson.Skeleton, joinedMessagePack.Skeleton);
        Assert.Equal(joinedJson["missed"].Text, joinedMessagePack["missed"].Text);
        Assert.Equal(["snapshot", "missed", "hasMore"], joinedJson.Fields);
        Assert.Equal(SnapshotFields, joinedJson["snapshot"].Fields.Intersect(SnapshotFields));
        Assert.Equal("\"active\"", joinedJson["snapshot"]["status"].Text);
        Assert.Equal(EventFields, Assert.Single(joinedJson["missed"].Items).Fields);

        Assert.Equal(pushedJson.Text, pushedMessagePack.Text);
        Assert.Equal(Canonical(restBody.RootElement[0]).Text, pushedJson.Text);
        Assert.Equal(EventFields, pushedJson.Fields);
        Assert.Equal($"\"{sessionId}\"", pushedJson["sessionId"].Text);
        Assert.Equal($"int {seq}", pushedJson["seq"].Text);
        Assert.Equal("\"transcript_segment\"", pushedJson["type"].Text);
        Assert.True(DateTimeOffset.TryParse(JsonSerializer.Deserialize<string>(pushedJson["at"].Text), CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.Equal(["type", "clientSegmentId", "text", "startMs", "endMs", "language"], pushedJson["data"].Fields.Take(6));
        Assert.Equal("I always ruin everything, 정말 그래요.", JsonSerializer.Deserialize<string>(pushedJson["data"]["text"].Text));
    }

    /// <summary>
    /// A decoded value in one canonical text, whatever protocol it came through: maps keep their field order, whole
    /// numbers print as <c>int</c> and others as <c>double</c>, so two payloads are equal only if names, order, values
    /// and number kinds all are.
    /// </summary>
    private static Shape Canonical(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } element =>
            Shape.Map(element.EnumerateObject().Select(property => (property.Name, Canonical(property.Value)))),
        JsonElement { ValueKind: JsonValueKind.Array } element => Shape.List(element.EnumerateArray().Select(item => Canonical(item))),
        JsonElement { ValueKind: JsonValueKind.String } element => Shape.Scalar(JsonSerializer.Serialize(element.GetString())),
        JsonElement { ValueKind: JsonValueKind.Number } element when element.TryGetInt64(out var whole) => Shape.Scalar($"int {whole}"),
        JsonElement { ValueKind: JsonValueKind.Number } element => Shape.Scalar($"double {element.GetDouble().ToString("R", CultureInfo.InvariantCulture)}"),
        JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } element => Shape.Scalar(element.GetBoolean() ? "true" : "false"),
        JsonElement => Shape.Scalar("null"),
        IDictionary<object, object?> map => Shape.Map(map.Select(pair => ((string)pair.Key, Canonical(pair.Value)))),
        string text => Shape.Scalar(JsonSerializer.Serialize(text)),
        object[] items => Shape.List(items.Select(Canonical)),
        double or float => Shape.Scalar($"double {Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)}"),
        bool flag => Shape.Scalar(flag ? "true" : "false"),
        null => Shape.Scalar("null"),
        _ => Shape.Scalar($"int {Convert.ToInt64(value, CultureInfo.InvariantCulture)}"),
    };

    private sealed record Shape(string Text, IReadOnlyList<(string Name, Shape Value)> Members, IReadOnlyList<Shape> Items)
    {
        /// <summary>The text with every scalar replaced by its kind: names, nesting, order and number kinds only.</summary>
        public string Skeleton =>
            Members.Count > 0 ? $"{{{string.Join(", ", Members.Select(member => $"{member.Name}: {member.Value.Skeleton}"))}}}"
            : Items.Count > 0 || Text == "[]" ? $"[{string.Join(", ", Items.Select(item => item.Skeleton))}]"
            : Text == "{}" ? Text
            : Text.StartsWith('"') ? "string" : Text.Split(' ')[0];

        public IEnumerable<string> Fields => Members.Select(member => member.Name);

        public Shape this[string name] => Members.Single(member => member.Name == name).Value;

        public static Shape Scalar(string text) => new(text, [], []);

        public static Shape Map(IEnumerable<(string Name, Shape Value)> members)
        {
            var list = members.ToList();
            var text = new StringBuilder("{").AppendJoin(", ", list.Select(member => $"{member.Name}: {member.Value.Text}")).Append('}');
            return new Shape(text.ToString(), list, []);
        }

        public static Shape List(IEnumerable<Shape> items)
        {
            var list = items.ToList();
            return new Shape($"[{string.Join(", ", list.Select(item => item.Text))}]", [], list);
        }
    }

    /// <summary>A SignalR client that keeps pushed events as the protocol decoded them, without binding them to a type.</summary>
    private sealed class RawClient : IAsyncDisposable
    {
        private readonly Channel<object?> _events = Channel.CreateUnbounded<object?>();

        private RawClient(HubConnection connection)
        {
            Connection = connection;
            connection.On("SessionEvent", [typeof(object)], arguments => _events.Writer.WriteAsync(arguments[0]).AsTask());
        }

        public HubConnection Connection { get; }

        public static async Task<RawClient> ConnectAsync(Uri server, string accessToken, LiveProtocol protocol)
        {
            var builder = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/session"), options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            });
            if (protocol == LiveProtocol.MessagePack)
            {
                builder.AddMessagePackProtocol();
            }

            var client = new RawClient(builder.Build());
            await client.Connection.StartAsync();
            return client;
        }

        /// <summary>The pushed event with <paramref name="seq"/>, skipping any before it.</summary>
        public async Task<object?> NextEventAsync(long seq, TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            while (true)
            {
                var next = await _events.Reader.ReadAsync(cancellation.Token);
                if (Canonical(next)["seq"].Text == $"int {seq}")
                {
                    return next;
                }
            }
        }

        public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
    }
}
