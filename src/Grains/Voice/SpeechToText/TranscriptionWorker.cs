using System.Diagnostics;
using System.Threading.Channels;
using BeMore.Domain.Analysis;
using BeMore.Domain.Voice.SpeechToText;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Voice.SpeechToText;

/// <summary>
/// Transcribes recorded utterances outside any grain turn: the voice-activity grain queues them here and returns at
/// once, and up to <see cref="SpeechToTextOptions.MaxConcurrentTranscriptions"/> workers send them to the provider, one
/// at a time per session so transcripts arrive in order. Results and failures reach the session grain as events; a
/// failure never ends the session. At start it empties the temp root (utterances left by a crash cannot be resumed).
/// </summary>
public sealed partial class TranscriptionWorker(
    ISpeechToText speechToText,
    UtteranceSpool spool,
    IGrainFactory grains,
    IOptions<SpeechToTextOptions> options,
    ILogger<TranscriptionWorker> logger) : BackgroundService
{
    private readonly UtteranceBacklog _backlog = new(options.Value.MaxQueuedUtterances);
    private readonly Channel<string> _readySessions = Channel.CreateUnbounded<string>();

    /// <summary>Queues an utterance; returns the oldest waiting one when the session's queue was full (its file is already deleted).</summary>
    public UtteranceJob? Enqueue(UtteranceJob job)
    {
        var (dropped, becameReady) = _backlog.Enqueue(job);
        if (becameReady)
        {
            _readySessions.Writer.TryWrite(job.SessionId);
        }

        if (dropped is not null)
        {
            UtteranceSpool.DeleteFile(dropped.FilePath);
        }

        return dropped;
    }

    /// <summary>Drops the session's waiting utterances and deletes its temp folder (session ended or erased); returns what was dropped.</summary>
    public IReadOnlyList<UtteranceJob> DiscardSession(string sessionId)
    {
        var discarded = _backlog.Discard(sessionId);
        spool.DeleteSession(sessionId);
        return discarded;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        spool.Clear();
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentTranscriptions).Select(_ => ServeAsync(stoppingToken)));

    private async Task ServeAsync(CancellationToken stoppingToken)
    {
        try
        {
            // One idle worker is handed each ready session (as in BoundedWorkPool), not every idle worker woken.
            while (true)
            {
                var sessionId = await _readySessions.Reader.ReadAsync(stoppingToken);
                while (_backlog.TryTakeNext(sessionId, out var job))
                {
                    await TranscribeAsync(job!, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: waiting utterances are lost with the process, and their files go at the next start.
        }
    }

    private async Task TranscribeAsync(UtteranceJob job, CancellationToken stoppingToken)
    {
        var session = grains.Reference<ICounselingSessionGrain>(job.SessionId);
        try
        {
            byte[] wav;
            try
            {
                wav = await File.ReadAllBytesAsync(job.FilePath, stoppingToken);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // The session ended and its folder went with it.
                return;
            }
            finally
            {
                UtteranceSpool.DeleteFile(job.FilePath);
            }

            SpeechToTextResult result;
            var started = Stopwatch.GetTimestamp();
            try
            {
                result = await speechToText.TranscribeAsync(wav, language: null, stoppingToken);
                BeMoreTelemetry.SttDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            catch (SpeechToTextException ex)
            {
                BeMoreTelemetry.SttFailures.Add(1, new KeyValuePair<string, object?>("reason", ex.Reason.ToString()));
                LogFailed(job.SessionId, job.StartMs, job.EndMs, ex.Reason);
                await session.RecordProcessingIssueAsync(job.CallerId, new ProcessingIssue(ProcessingIssueKinds.SttFailed, ex.Message, job.StartMs, job.EndMs));
                return;
            }

            if (string.IsNullOrWhiteSpace(result.Text))
            {
                return;
            }

            var language = result.Language ?? (TextLanguages.Detect(result.Text) == TextLanguage.Korean ? "ko" : "en");
            await session.AppendSpeechTranscriptAsync(job.CallerId, new SpeechTranscript(job.UtteranceId, result.Text, job.StartMs, job.EndMs, language));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The session was erased, or its grain could not be reached: the worker carries on with other sessions.
            LogNotDelivered(ex, job.SessionId, job.StartMs, job.EndMs);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speech-to-text failed ({Reason}) for session {SessionId} utterance {StartMs}-{EndMs} ms")]
    private partial void LogFailed(string sessionId, long startMs, long endMs, SpeechToTextFailure reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A speech-to-text result for session {SessionId} utterance {StartMs}-{EndMs} ms could not be delivered")]
    private partial void LogNotDelivered(Exception exception, string sessionId, long startMs, long endMs);
}
