using System.Diagnostics;
using BeMore.Grains.Abstractions.Telemetry;

namespace BeMore.Domain.Analysis.Llm;

/// <summary>One LLM request's duration and, when it had one, its failure reason: both recorded when disposed.</summary>
internal sealed class LlmTiming : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _failure;

    public void Failed(string reason) => _failure = reason;

    public void Dispose()
    {
        BeMoreTelemetry.LlmDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds);
        if (_failure is not null)
        {
            BeMoreTelemetry.LlmFailures.Add(1, new KeyValuePair<string, object?>("reason", _failure));
        }
    }
}
