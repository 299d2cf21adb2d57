using BeMore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace BeMore.Tests.Llm;

/// <summary>
/// The server with LLM refinement pointed at a loopback <see cref="FakeChatServer"/>, a one-second call timeout, a
/// one-second emotion interval and a fast analysis timer, logging at Debug into <see cref="Logs"/>.
/// </summary>
public class LlmWebFactory : BeMoreWebFactory, IAsyncLifetime
{
    public const string ApiKey = "sk-bemore-test-3f9a7c1e5d";
    public const string Model = "bemore-test-model";

    private FakeChatServer? _chat;

    public FakeChatServer Chat => _chat ?? throw new InvalidOperationException("The fake server starts in InitializeAsync.");

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync() => _chat = await FakeChatServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await Chat.DisposeAsync();

    protected override void ConfigureStorage(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Llm:Enabled", "true");
        builder.UseSetting("BeMore:Llm:Endpoint", Chat.Endpoint.ToString());
        builder.UseSetting("BeMore:Llm:Model", Model);
        builder.UseSetting("BeMore:Llm:ApiKey", ApiKey);
        builder.UseSetting("BeMore:Llm:Timeout", "00:00:01");
        builder.UseSetting("BeMore:Sessions:EmotionInterval", "00:00:01");
        builder.UseSetting("BeMore:Sessions:AnalysisTick", "00:00:00.050");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        ConfigureLlm(builder);
    }

    protected virtual void ConfigureLlm(IWebHostBuilder builder)
    {
    }
}

/// <summary>The LLM server with a queue of one and a single worker, and a timeout far longer than any test.</summary>
public sealed class OneSlotLlmWebFactory : LlmWebFactory
{
    protected override void ConfigureLlm(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Llm:QueueCapacity", "1");
        builder.UseSetting("BeMore:Llm:MaxConcurrentRequests", "1");
        builder.UseSetting("BeMore:Llm:Timeout", "00:02:00");
    }
}
