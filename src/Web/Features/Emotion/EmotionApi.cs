using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Analysis;
using BeMore.Grains.Abstractions.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BeMore.Web.Features.Emotion;

public sealed record EmotionRequest(
    [Required, MinLength(1), MaxLength(EmotionRequest.MaxTextLength, ErrorMessage = "Text must be at most 2000 characters.")] string Text,
    [AllowedValues("ko", "en", null, ErrorMessage = "{0} must be ko or en.")] string? Language)
{
    public const int MaxTextLength = 2000;
}

/// <summary>Text emotion on demand: the same lexicon classifier the live analysis uses.</summary>
public static class EmotionApi
{
    public static IEndpointRouteBuilder MapEmotionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/emotion").WithTags("Emotion").RequireAuthorization()
            .MapPost("", AnalyzeAsync)
            .WithSummary("Analyse the emotion of a text").WithDescription("Answers emotion, valence, arousal and confidence for 1 to 2000 characters of text.");
        return endpoints;
    }

    private static async Task<Ok<TextEmotionResult>> AnalyzeAsync(EmotionRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Reference<ITextEmotionGrain>(0).AnalyzeAsync(request.Text, request.Language));
}
