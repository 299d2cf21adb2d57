using BeMore.Domain.Analysis.Llm;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Analysis.Llm;

/// <summary>
/// One LLM refinement to run for a session. <paramref name="Messages"/> is null for a narrative, whose prompt is built
/// from the report when the job runs.
/// </summary>
public sealed record RefinementJob(
    string SessionId, string CallerId, RefinementKind Kind, long FromSeq, long ThroughSeq, IList<ChatMessage>? Messages);

/// <summary>
/// Runs LLM refinements outside any grain turn: session grains queue jobs here and return at once; up to
/// <see cref="LlmOptions.MaxConcurrentRequests"/> workers call the chat client, each call bounded by
/// <see cref="LlmOptions.Timeout"/>, and report every outcome (a failure as a result without text) to the session
/// grain, which keeps its local result unless a usable answer arrives in time. The queue is bounded: when it is full
/// <see cref="TryEnqueue"/> answers false and the caller falls back at once. Disabled (nothing is queued) when no chat
/// client is configured.
/// </summary>
public sealed partial class RefinementWorker(
    IGrainFactory grains,
    IOptions<LlmOptions> options,
    ILogger<RefinementWorker> logger,
    IChatClient? chat = null) : BackgroundService
{
    private readonly BoundedWorkPool<RefinementJob> _queue = new(options.Value.QueueCapacity, BeMoreTelemetry.LlmQueueDepth);

    public bool Enabled => chat is not null;

    /// <summary>Queues a job; false when refinement is off or the queue is full (the caller keeps its local result).</summary>
    public bool TryEnqueue(RefinementJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!Enabled)
        {
            return false;
        }

        if (_queue.TryEnqueue(job))
        {
            return true;
        }

        LogQueueFull(job.SessionId, job.Kind);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => chat is null
        ? Task.CompletedTask
        : _queue.ServeAsync(options.Value.MaxConcurrentRequests, async (job, stopping) => await DeliverAsync(job, await AskAsync(chat, job, stopping)), stoppingToken);

    /// <summary>The usable answer, or null on timeout, error or an answer in the wrong shape.</summary>
    private async Task<string?> AskAsync(IChatClient client, RefinementJob job, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.Timeout);
        using var timing = new LlmTiming();
        try
        {
            var messages = job.Messages ?? LlmPrompts.Narrative(await grains.Reference<IReportGrain>(0).BuildAsync(job.SessionId, job.CallerId));
            var response = await client.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f }, timeout.Token);
            var text = LlmPrompts.Read(job.Kind, response.Text);
            if (text is null)
            {
                timing.Failed("unusable");
                LogUnusable(job.SessionId, job.Kind);
            }

            return text;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            timing.Failed("timeout");
            LogTimedOut(job.SessionId, job.Kind, options.Value.Timeout);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's type only: provider messages can quote the request.
            timing.Failed("error");
            LogFailed(job.SessionId, job.Kind, ex.GetType().Name);
            return null;
        }
    }

    private async Task DeliverAsync(RefinementJob job, string? text)
    {
        try
        {
            await grains.Reference<ICounselingSessionGrain>(job.SessionId)
                .ApplyRefinementAsync(job.CallerId, new RefinementResult(job.Kind, job.FromSeq, job.ThroughSeq, text));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The session was erased or could not be reached; its local results stand.
            LogNotDelivered(job.SessionId, job.Kind, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM refinement queue full; {Kind} for session {SessionId} keeps the local result")]
    private partial void LogQueueFull(string sessionId, RefinementKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Kind} for session {SessionId} timed out after {Timeout}; the local result stands")]
    private partial void LogTimedOut(string sessionId, RefinementKind kind, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Kind} for session {SessionId} failed ({Error}); the local result stands")]
    private partial void LogFailed(string sessionId, RefinementKind kind, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM {Kind} for session {SessionId} answered in an unusable shape; the local result stands")]
    private partial void LogUnusable(string sessionId, RefinementKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Kind} for session {SessionId} could not be delivered ({Error})")]
    private partial void LogNotDelivered(string sessionId, RefinementKind kind, string error);
}
