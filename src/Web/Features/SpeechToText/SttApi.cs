using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Voice;
using BeMore.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.SpeechToText;

/// <summary>The web tier's view of <c>BeMore:Stt</c>: only the upload limit (the provider runs behind a grain).</summary>
public sealed class SttApiOptions
{
    public const string SectionName = "BeMore:Stt";

    /// <summary>Largest WAV file accepted; the same setting the grain checks the audio against.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The configured provider's name (the same setting the server's speech-to-text reads); <c>None</c> when off.</summary>
    public string Provider { get; set; } = "None";
}

/// <summary>Whether the server turns speech into text, so a client knows to offer another way (typing, the browser's own).</summary>
public sealed record SttStatus(bool Available);

/// <summary>One-off transcription of an uploaded WAV file by the configured speech-to-text provider.</summary>
public static class SttApi
{
    /// <summary>Room for the multipart boundaries, headers and a language field around the file.</summary>
    private const int MultipartOverheadBytes = 16 * 1024;

    public static IServiceCollection AddSttApi(this IServiceCollection services)
    {
        services.AddOptions<SttApiOptions>().BindConfiguration(SttApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapSttApi(this IEndpointRouteBuilder endpoints)
    {
        var stt = endpoints.MapGroup("/api/stt").WithTags("Speech-to-text").RequireAuthorization();
        stt.MapGet("/status", (IOptions<SttApiOptions> options) =>
                TypedResults.Ok(new SttStatus(!string.Equals(options.Value.Provider, "None", StringComparison.OrdinalIgnoreCase))))
            .WithSummary("Whether the server transcribes speech")
            .WithDescription("available is false when no speech-to-text provider is configured; a client may then offer its own recognition.");
        stt.MapPost("/transcribe", TranscribeAsync)
            .WithSummary("Transcribe a recording").WithDescription("Multipart field audio (WAV PCM16, size-limited) to text through the configured provider.")
            .Accepts<TranscribeForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Ok<TranscriptionResult>, ValidationProblem, ProblemHttpResult>> TranscribeAsync(
        HttpRequest request, IGrainFactory grains, IOptions<SttApiOptions> options, CancellationToken cancellationToken)
    {
        var maxUploadBytes = options.Value.MaxUploadBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxUploadBytes + MultipartOverheadBytes;
        }

        if (request.ContentLength > maxUploadBytes + MultipartOverheadBytes)
        {
            return TooLarge(maxUploadBytes);
        }

        if (!request.HasFormContentType)
        {
            return Invalid("A multipart/form-data body with an 'audio' WAV file is required.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("audio") is not { } audio)
        {
            return Invalid("The 'audio' field must hold a WAV file (PCM 16-bit mono 16 kHz).");
        }

        if (audio.Length > maxUploadBytes)
        {
            return TooLarge(maxUploadBytes);
        }

        var language = form["language"].ToString();
        if (language.Length > 0 && language is not ("ko" or "en"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = ["language must be \"ko\" or \"en\" when given."] });
        }

        var wav = new byte[audio.Length];
        await using (var stream = audio.OpenReadStream())
        {
            await stream.ReadExactlyAsync(wav, cancellationToken);
        }

        try
        {
            return TypedResults.Ok(await grains.Reference<ISpeechToTextGrain>(0).TranscribeAsync(wav, language.Length > 0 ? language : null));
        }
        catch (InvalidAudioException ex) when (ex.TooLarge)
        {
            return TooLarge(maxUploadBytes);
        }
        catch (InvalidAudioException ex)
        {
            return Invalid(ex.Message);
        }
        catch (SpeechToTextNotConfiguredException ex)
        {
            return ApiProblem.Create(StatusCodes.Status501NotImplemented, ex.Code, ex.Message);
        }
        catch (SpeechToTextFailedException ex)
        {
            return ApiProblem.Create(StatusCodes.Status502BadGateway, ex.Code, ex.Message);
        }
    }

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["audio"] = [message] });

    private static ProblemHttpResult TooLarge(int maxUploadBytes) =>
        ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, $"The audio file is larger than {maxUploadBytes} bytes.");

    /// <summary>The request's shape, for the OpenAPI document.</summary>
    private sealed record TranscribeForm(IFormFile Audio, string? Language);
}
