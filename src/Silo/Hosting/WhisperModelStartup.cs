using BeMore.Domain.Voice.SpeechToText;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Finds, or downloads and verifies, the Whisper model before the node serves anyone (hosted services start in
/// registration order); when there is none the host does not start and the exception's message names the setting.
/// </summary>
internal sealed class WhisperModelStartup(WhisperModelFetcher fetcher, WhisperSpeechToText whisper) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => whisper.UseModel(await fetcher.FetchAsync(cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
