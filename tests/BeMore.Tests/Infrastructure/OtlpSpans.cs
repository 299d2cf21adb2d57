namespace BeMore.Tests.Infrastructure;

/// <summary>A span as an OTLP export carries it: enough to follow a trace (ids are lower-case hex) and its string attributes.</summary>
public sealed record OtlpSpan(string Name, string TraceId, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// Reads the spans out of an OTLP <c>ExportTraceServiceRequest</c> (protobuf): resource_spans(1) → scope_spans(2) →
/// spans(2) → trace_id(1), span_id(2), parent_span_id(4), name(5), attributes(9) → key(1), value(2) → string_value(1).
/// Every other field is skipped by its wire type.
/// </summary>
public static class OtlpSpans
{
    public static IReadOnlyList<OtlpSpan> Parse(byte[] request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(request, 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                foreach (var span in Fields(scopeSpans, 2))
                {
                    spans.Add(new OtlpSpan(
                        System.Text.Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? []),
                        Convert.ToHexStringLower(Fields(span, 1).FirstOrDefault() ?? []),
                        Convert.ToHexStringLower(Fields(span, 2).FirstOrDefault() ?? []),
                        Convert.ToHexStringLower(Fields(span, 4).FirstOrDefault() ?? []),
                        StringAttributes(span)));
                }
            }
        }

        return spans;
    }

    private static Dictionary<string, string> StringAttributes(byte[] span)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in Fields(span, 9))
        {
            var key = Fields(keyValue, 1).FirstOrDefault();
            var text = Fields(keyValue, 2).SelectMany(value => Fields(value, 1)).FirstOrDefault();
            if (key is not null && text is not null)
            {
                attributes[System.Text.Encoding.UTF8.GetString(key)] = System.Text.Encoding.UTF8.GetString(text);
            }
        }

        return attributes;
    }

    /// <summary>The payloads of the length-delimited fields numbered <paramref name="field"/> in one message.</summary>
    private static IEnumerable<byte[]> Fields(byte[] message, int field)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    ReadVarint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    if ((int)(tag >> 3) == field)
                    {
                        yield return message[position..(position + length)];
                    }

                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unexpected protobuf wire type {wireType}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var next = message[position++];
            value |= (ulong)(next & 0x7f) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }
    }
}
