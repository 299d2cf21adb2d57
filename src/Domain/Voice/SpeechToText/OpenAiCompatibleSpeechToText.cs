using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace BeMore.Domain.Voice.SpeechToText;

/// <summary>
/// The OpenAI transcription protocol: multipart POST of the WAV to <c>{BaseUrl}/v1/audio/transcriptions</c>, answered
/// with JSON <c>{"text": ...}</c>. Works with OpenAI and with self-hosted Whisper servers speaking that protocol.
/// A typed client: the <see cref="HttpClient"/> comes from IHttpClientFactory with no timeout of its own, because
/// <see cref="SpeechToTextOptions.Timeout"/> is enforced here and reported as <see cref="SpeechToTextFailure.Timeout"/>.
/// </summary>
public sealed class OpenAiCompatibleSpeechToText(HttpClient http, IOptions<SpeechToTextOptions> options) : ISpeechToText
{
    private readonly SpeechToTextOptions _options = options.Value;

    public async Task<SpeechToTextResult> TranscribeAsync(ReadOnlyMemory<byte> wav, string? language, CancellationToken cancellationToken)
    {
        var durationMs = await MeasureAsync(wav, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = CreateRequest(wav, language);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new SpeechToTextException(SpeechToTextFailure.ProviderError, $"The speech-to-text provider answered {(int)response.StatusCode}.");
            }

            var body = await ReadBodyAsync(response, timeout.Token);
            return new SpeechToTextResult(body.Text!.Trim(), string.IsNullOrWhiteSpace(body.Language) ? language : body.Language, durationMs);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechToTextException(SpeechToTextFailure.Timeout, $"The speech-to-text provider did not answer within {_options.Timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SpeechToTextException(SpeechToTextFailure.ProviderError, "The speech-to-text provider could not be reached.", ex);
        }
    }

    private HttpRequestMessage CreateRequest(ReadOnlyMemory<byte> wav, string? language)
    {
        var file = new ReadOnlyMemoryContent(wav);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var form = new MultipartFormDataContent
        {
            { file, "file", "audio.wav" },
            { new StringContent(_options.Model), "model" },
            { new StringContent("json"), "response_format" },
        };
        if (!string.IsNullOrWhiteSpace(language))
        {
            form.Add(new StringContent(language), "language");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_options.BaseUrl!.AbsoluteUri.TrimEnd('/')}/v1/audio/transcriptions")) { Content = form };
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        return request;
    }

    private static async Task<TranscriptionBody> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<TranscriptionBody>(cancellationToken);
            return body is { Text: not null } ? body : throw new SpeechToTextException(SpeechToTextFailure.InvalidResponse, "The speech-to-text provider's answer has no text.");
        }
        catch (JsonException ex)
        {
            throw new SpeechToTextException(SpeechToTextFailure.InvalidResponse, "The speech-to-text provider's answer is not the expected JSON.", ex);
        }
    }

    private static async Task<long> MeasureAsync(ReadOnlyMemory<byte> wav, CancellationToken cancellationToken)
    {
        using var stream = MemoryMarshal.TryGetArray(wav, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(wav.ToArray(), writable: false);
        return (await WavFile.ReadAsync(stream, wav.Length, cancellationToken)).DurationMs;
    }

    private sealed record TranscriptionBody(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("language")] string? Language);
}
