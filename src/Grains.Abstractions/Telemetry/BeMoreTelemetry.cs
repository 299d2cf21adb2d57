using System.Diagnostics;
using System.Diagnostics.Metrics;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Abstractions.Telemetry;

/// <summary>
/// BeMore's own meter and activity source (both named <see cref="Name"/>) and every instrument on them, in one place
/// for both tiers. Names follow the OpenTelemetry semantic conventions (dotted, unit in UCUM). Tags are low-cardinality
/// and carry no personal data: never a user id, a session id or any text.
/// </summary>
public static class BeMoreTelemetry
{
    public const string Name = "BeMore";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Session grains in memory on this node, by <c>status</c>.</summary>
    public static readonly UpDownCounter<long> SessionsActive =
        Meter.CreateUpDownCounter<long>("bemore.session.active", "{session}", "Session grains active on this node, by status.");

    public static readonly UpDownCounter<long> HubConnections =
        Meter.CreateUpDownCounter<long>("bemore.hub.connections", "{connection}", "Open live-hub connections on this node.");

    public static readonly Counter<long> HubRefusals =
        Meter.CreateCounter<long>("bemore.hub.refusals", "{refusal}", "Live-hub calls refused, by error code.");

    public static readonly Counter<long> EventsAppended =
        Meter.CreateCounter<long>("bemore.session.events.appended", "{event}", "Session events durably appended, by event type.");

    /// <summary>Buckets for storage timings, from a millisecond (an embedded commit) to seconds (a stalled database).</summary>
    private static readonly InstrumentAdvice<double> StorageSecondsAdvice =
        new() { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] };

    public static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>(
        "bemore.eventlog.append.duration", "s", "Time from queueing an event-log append to its commit.",
        advice: StorageSecondsAdvice);

    public static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>(
        "bemore.eventlog.commit.batch_size", "{write}", "Writes committed together in one group-commit transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    public static readonly Histogram<double> CheckpointDuration = Meter.CreateHistogram<double>(
        "bemore.eventlog.checkpoint.duration", "s", "Time of one write-ahead-log checkpoint, run beside the commits (embedded profile).",
        advice: StorageSecondsAdvice);

    public static readonly Counter<double> AudioProcessed =
        Meter.CreateCounter<double>("bemore.audio.processed", "s", "Seconds of live audio analysed.");

    public static readonly UpDownCounter<long> SttQueueDepth =
        Meter.CreateUpDownCounter<long>("bemore.stt.queue.depth", "{utterance}", "Utterances waiting for speech-to-text.");

    public static readonly Histogram<double> SttDuration =
        Meter.CreateHistogram<double>("bemore.stt.duration", "s", "Time the speech-to-text provider took per utterance.");

    public static readonly Counter<long> SttFailures =
        Meter.CreateCounter<long>("bemore.stt.failures", "{utterance}", "Utterances the speech-to-text provider failed on, by reason.");

    public static readonly UpDownCounter<long> LlmQueueDepth =
        Meter.CreateUpDownCounter<long>("bemore.llm.queue.depth", "{request}", "LLM refinements waiting for a worker.");

    public static readonly Histogram<double> LlmDuration =
        Meter.CreateHistogram<double>("bemore.llm.duration", "s", "Time the LLM took per refinement, failures included.");

    public static readonly Counter<long> LlmFailures =
        Meter.CreateCounter<long>("bemore.llm.failures", "{request}", "LLM refinements without a usable answer, by reason.");

    /// <summary>A count only: no level, session or person, so the metric can never point at someone.</summary>
    public static readonly Counter<long> RiskAlerts =
        Meter.CreateCounter<long>("bemore.risk.alerts", "{alert}", "Risk alerts raised.");

    /// <summary>Counts durably appended events by type, and the risk alerts among them.</summary>
    public static void RecordAppended(IEnumerable<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var appended in events)
        {
            EventsAppended.Add(1, new KeyValuePair<string, object?>("type", appended.Data.Type));
            if (appended.Data is RiskAlert)
            {
                RiskAlerts.Add(1);
            }
        }
    }

    /// <summary>The tag of a session status, as the API spells it.</summary>
    public static KeyValuePair<string, object?> StatusTag(SessionStatus status) =>
        new("status", status switch
        {
            SessionStatus.Active => "active",
            SessionStatus.Paused => "paused",
            _ => "ended",
        });
}
