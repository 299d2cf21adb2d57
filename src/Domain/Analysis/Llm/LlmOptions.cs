using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BeMore.Domain.Analysis.Llm;

/// <summary>
/// Optional LLM refinement (<c>BeMore:Llm</c>) over an OpenAI-compatible chat-completions endpoint. Off by default:
/// the local analysers' results then stand alone.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "BeMore:Llm";

    public bool Enabled { get; set; }

    /// <summary>The API base the client appends <c>/chat/completions</c> to, e.g. <c>https://api.openai.com/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Sent as the bearer token; empty for servers without authentication. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Each call's limit; past it the local result stands.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Refinements waiting for a free worker, per node; when full, new ones fall back to the local result at once.</summary>
    [Range(1, 10_000)]
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Calls in flight at once, per node.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRequests { get; set; } = 2;
}

public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail($"{LlmOptions.SectionName}:Endpoint must be an absolute http(s) URL when {LlmOptions.SectionName}:Enabled is true.");
        }

        return string.IsNullOrWhiteSpace(options.Model)
            ? ValidateOptionsResult.Fail($"{LlmOptions.SectionName}:Model is required when {LlmOptions.SectionName}:Enabled is true.")
            : ValidateOptionsResult.Success;
    }
}
