using BeMore.Bench.Baseline;

// The yardstick BeMore is measured against: the same framework pieces (Kestrel, SignalR with both protocols, minimal
// APIs, System.Text.Json) and nothing else: no auth, no grains, no storage, no logging per request. It also plays the
// LLM the counselor streams from (scenario 8).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024).AddMessagePackProtocol();

var app = builder.Build();
app.MapHub<EchoHub>("/hubs/echo");
app.MapFakeChatCompletions();
app.MapGet("/bare/{id}", (string id) => TypedResults.Ok(new BareItem(id, "bare", DateTimeOffset.UtcNow)));
app.MapPost("/bare", (BareCreate request) =>
{
    var item = new BareItem(Guid.NewGuid().ToString("N"), request.Title ?? "bare", DateTimeOffset.UtcNow);
    return TypedResults.Created($"/bare/{item.Id}", item);
});
app.Run();

internal sealed record BareItem(string Id, string Title, DateTimeOffset CreatedAt);

internal sealed record BareCreate(string? Title);
