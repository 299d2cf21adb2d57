using BeMore.Silo.Hosting;
using BeMore.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddBeMoreLogging()
    .AddBeMoreStorage(out var storage)
    .AddBeMoreOrleans(storage)
    .AddBeMoreWeb();

var app = builder.Build();
app.UseBeMoreWeb();
app.MapBeMoreWeb();
app.MapBeMoreOperatorTools();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
