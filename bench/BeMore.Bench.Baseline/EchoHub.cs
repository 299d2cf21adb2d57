using Microsoft.AspNetCore.SignalR;

namespace BeMore.Bench.Baseline;

/// <summary>The bare counterpart of each live-hub call the benchmark makes.</summary>
public sealed class EchoHub : Hub
{
    public string Echo(string payload) => payload;

    /// <summary>What an idle joined connection costs at minimum: membership of one group.</summary>
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    /// <summary>Reads an audio stream to its end and answers with the byte count, as BeMore's UploadAudio does.</summary>
    public async Task<long> UploadAudio(string sessionId, Dictionary<string, object> format, IAsyncEnumerable<byte[]> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        long received = 0;
        await foreach (var chunk in chunks.WithCancellation(Context.ConnectionAborted))
        {
            received += chunk.Length;
        }

        return received;
    }
}
