using System.ClientModel;
using System.ClientModel.Primitives;
using BeMore.Domain.Analysis.Llm;
using BeMore.Grains.Analysis.Llm;
using BeMore.Grains.Counseling;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Optional LLM refinement and counselor replies: with <c>BeMore:Llm:Enabled</c> an <see cref="IChatClient"/> for the
/// configured OpenAI-compatible endpoint; both workers run either way (without a client refinement queues nothing and
/// the counselor replies locally).
/// </summary>
public static class LlmComposition
{
    /// <summary>Sent when no key is configured: the OpenAI client needs one, servers without authentication ignore it.</summary>
    private const string NoKey = "unused";

    public static IServiceCollection AddLlmRefinement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.AddSingleton<RefinementWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<RefinementWorker>());
        services.AddOptions<CounselorOptions>().BindConfiguration(CounselorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CounselorWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<CounselorWorker>());
        if (configuration.GetSection(LlmOptions.SectionName).GetValue<bool>(nameof(LlmOptions.Enabled)))
        {
            services.AddChatClient(provider => CreateChatClient(provider.GetRequiredService<IOptions<LlmOptions>>().Value));
        }

        return services;
    }

    /// <summary>
    /// A chat client for the endpoint. The worker bounds every call by <see cref="LlmOptions.Timeout"/> and falls back on
    /// any failure, so the client neither retries nor waits longer than that.
    /// </summary>
    internal static IChatClient CreateChatClient(LlmOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        var key = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? NoKey : options.ApiKey);
        return new OpenAIClient(key, clientOptions).GetChatClient(options.Model).AsIChatClient();
    }
}
