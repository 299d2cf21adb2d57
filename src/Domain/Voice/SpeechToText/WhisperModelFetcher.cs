using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BeMore.Domain.Voice.SpeechToText;

/// <summary>The folder downloaded Whisper models are kept in (<c>{BeMore:Storage:DataDirectory}/models</c>).</summary>
public sealed record WhisperModelFolder(string Path);

/// <summary>
/// Finds the ggml model the Whisper provider loads: <c>Whisper:ModelPath</c> when set, else the catalog's
/// <c>Whisper:Model</c> in the model folder, downloaded on first start. The download goes to <c>{file}.part</c>, resumes
/// it with a Range request, and becomes the model file (an atomic rename) only once its size and SHA-256 match the
/// catalog; a model file already there is checked again at each start. Every failure names the settings to fix.
/// A typed client: the <see cref="HttpClient"/> has no timeout of its own, since a stall is timed per read here.
/// </summary>
public sealed partial class WhisperModelFetcher(
    HttpClient http, IOptions<SpeechToTextOptions> options, WhisperModelCatalog catalog, WhisperModelFolder folder, ILogger<WhisperModelFetcher> logger)
{
    private const string Settings = SpeechToTextOptions.SectionName + ":Whisper";
    private const int BufferSize = 1 << 16;

    private readonly WhisperSettings _settings = options.Value.Whisper;

    /// <summary>The path of a model file that may be loaded; throws <see cref="WhisperModelUnavailableException"/> when there is none.</summary>
    public async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_settings.ModelPath))
        {
            return Path.GetFullPath(_settings.ModelPath);
        }

        var entry = catalog.Find(_settings.Model)
            ?? throw new WhisperModelUnavailableException($"{Settings}:Model '{_settings.Model}' is not a model this server can download and verify.");
        Directory.CreateDirectory(folder.Path);
        var target = Path.Combine(folder.Path, entry.FileName);
        if (File.Exists(target))
        {
            if (await MatchesAsync(target, entry, cancellationToken))
            {
                LogVerified(logger, entry.Name, target);
                return target;
            }

            LogCorrupt(logger, entry.Name, target);
            File.Delete(target);
        }

        var url = new Uri(BaseUrl, entry.FileName);
        var part = target + ".part";
        byte[] sha256;
        try
        {
            sha256 = await DownloadAsync(entry, url, part, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new WhisperModelUnavailableException(
                $"{SpeechToTextOptions.SectionName}:Provider is Whisper and {Settings}:ModelPath is not set, but the Whisper model '{entry.Name}' could not be " +
                $"downloaded from {url} ({Reason(ex)}). Set {Settings}:ModelPath to a ggml model file you downloaded yourself, or let this server reach " +
                $"{Settings}:ModelBaseUrl (a partial download is resumed at the next start); {Settings}:Model chooses the model.",
                ex);
        }

        if (!Convert.ToHexString(sha256).Equals(entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(part);
            throw new WhisperModelUnavailableException(
                $"The Whisper model '{entry.Name}' downloaded from {url} has SHA-256 {Convert.ToHexStringLower(sha256)}, not {entry.Sha256}: it was deleted " +
                $"and is not loaded. Check {Settings}:ModelBaseUrl, or set {Settings}:ModelPath to a ggml model file you trust.");
        }

        File.Move(part, target, overwrite: true);
        LogDownloaded(logger, entry.Name, target);
        return target;
    }

    private Uri BaseUrl => _settings.ModelBaseUrl.AbsoluteUri.EndsWith('/') ? _settings.ModelBaseUrl : new Uri(_settings.ModelBaseUrl.AbsoluteUri + "/");

    /// <summary>Completes <paramref name="part"/> (resuming what an earlier start left) and returns the SHA-256 of the whole file.</summary>
    private async Task<byte[]> DownloadAsync(WhisperModelEntry entry, Uri url, string part, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(part, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, BufferSize, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        if (file.Length > entry.SizeBytes)
        {
            file.SetLength(0);
        }

        var have = await HashAllAsync(file, hash, buffer, cancellationToken);
        if (have == entry.SizeBytes)
        {
            return hash.GetHashAndReset();
        }

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(_settings.DownloadTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The partial file does not belong to what the server now holds: the next start begins afresh.
            file.SetLength(0);
        }

        response.EnsureSuccessStatusCode();
        if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From != have)
        {
            throw new IOException($"the server sent a range other than the one asked for (from byte {have})");
        }

        if (have > 0 && response.StatusCode != HttpStatusCode.PartialContent)
        {
            // The server ignores ranges and sends the whole file: start over.
            file.SetLength(0);
            file.Position = 0;
            hash.GetHashAndReset();
            have = 0;
        }

        LogDownloading(logger, entry.Name, url, have, entry.SizeBytes);
        await using var body = await response.Content.ReadAsStreamAsync(stall.Token);
        var loggedTenths = have * 10 / entry.SizeBytes;
        while (true)
        {
            stall.CancelAfter(_settings.DownloadTimeout);
            var read = await body.ReadAsync(buffer, stall.Token);
            if (read == 0)
            {
                break;
            }

            if (have + read > entry.SizeBytes)
            {
                throw new IOException($"the server sent more than the model's {entry.SizeBytes} bytes");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            hash.AppendData(buffer, 0, read);
            have += read;
            if (have * 10 / entry.SizeBytes > loggedTenths)
            {
                loggedTenths = have * 10 / entry.SizeBytes;
                LogProgress(logger, entry.Name, loggedTenths * 10, have, entry.SizeBytes);
            }
        }

        await file.FlushAsync(cancellationToken);
        return have == entry.SizeBytes
            ? hash.GetHashAndReset()
            : throw new IOException($"the connection ended after {have} of {entry.SizeBytes} bytes");
    }

    private static async Task<long> HashAllAsync(FileStream file, IncrementalHash hash, byte[] buffer, CancellationToken cancellationToken)
    {
        file.Position = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return file.Position;
    }

    private static async Task<bool> MatchesAsync(string path, WhisperModelEntry entry, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        if (file.Length != entry.SizeBytes)
        {
            return false;
        }

        var sha256 = await SHA256.HashDataAsync(file, cancellationToken);
        return Convert.ToHexString(sha256).Equals(entry.Sha256, StringComparison.OrdinalIgnoreCase);
    }

    private string Reason(Exception ex) => ex switch
    {
        OperationCanceledException => $"no answer or data for {_settings.DownloadTimeout.TotalSeconds:0.#} s, {Settings}:DownloadTimeout",
        HttpRequestException { StatusCode: { } status } => $"the server answered {(int)status}",
        _ => ex.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Whisper model {Model}: verified {Path}")]
    private static partial void LogVerified(ILogger logger, string model, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Whisper model {Model}: {Path} does not match its size and SHA-256; deleted, downloading it again")]
    private static partial void LogCorrupt(ILogger logger, string model, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Whisper model {Model}: downloading {Url} from byte {Offset} of {Size}")]
    private static partial void LogDownloading(ILogger logger, string model, Uri url, long offset, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Whisper model {Model}: {Percent}% downloaded ({Bytes} of {Size} bytes)")]
    private static partial void LogProgress(ILogger logger, string model, long percent, long bytes, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Whisper model {Model}: downloaded and verified (SHA-256) into {Path}")]
    private static partial void LogDownloaded(ILogger logger, string model, string path);
}

/// <summary>No Whisper model may be loaded: the message says why and which setting to change. Stops start-up.</summary>
public sealed class WhisperModelUnavailableException : Exception
{
    public WhisperModelUnavailableException()
    {
    }

    public WhisperModelUnavailableException(string message)
        : base(message)
    {
    }

    public WhisperModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
