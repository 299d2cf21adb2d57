using BeMore.Silo.Hosting;
using BeMore.Web;

ArrayPoolCapacity.Raise();

// Settings files ship beside the executable; relative data paths resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddBeMoreLogging()
    .AddBeMoreStorage(out var storage)
    .AddBeMoreDomain()
    .AddBeMoreOrleans(storage)
    .AddBeMoreTelemetry(storage)
    .AddBeMoreWeb();

var app = builder.Build();
app.UseBeMoreWeb();
app.UseBeMoreConsole();
app.MapBeMoreWeb();
app.MapBeMoreConsole();
app.MapBeMoreOperatorTools();
await app.RunUntilShutdownAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
