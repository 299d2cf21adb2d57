using System.Net;

namespace BeMore.Tests.Infrastructure;

/// <summary>A body without Content-Length: Kestrel only learns its size while reading it.</summary>
public sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
