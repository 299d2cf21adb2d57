using System.Text;
using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Llm;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Telemetry;
using BeMore.Grains.Analysis.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Counseling;

/// <summary>
/// Produces counselor replies outside any grain turn and streams them to the session's viewers piece by piece, then
/// reports how each ended to the counselor grain. With an LLM, replies queue for one of
/// <see cref="CounselorOptions.MaxConcurrentReplies"/> streams (the same bounded queue as LLM refinement); every
/// sentence the model writes is checked before it is shown, and a timeout, error, empty answer or exhausted budget
/// gives the local reply. Safety replies, local replies and replies the full queue cannot take start at once.
/// </summary>
public sealed partial class CounselorWorker(
    IGrainFactory grains,
    IOptions<CounselorOptions> options,
    ILogger<CounselorWorker> logger,
    IChatClient? chat = null) : BackgroundService
{
    private readonly BoundedWorkPool<CounselorJob> _queue = new(options.Value.QueueCapacity, BeMoreTelemetry.LlmQueueDepth);

    public void Submit(CounselorJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Turn.RiskRaised || job.Turn.ClosesAfterRisk || chat is null || !_queue.TryEnqueue(job))
        {
            _ = Task.Run(() => RunAsync(job, llm: null, CancellationToken.None));
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => chat is null
        ? Task.CompletedTask
        : _queue.ServeAsync(options.Value.MaxConcurrentReplies, (job, stopping) => RunAsync(job, chat, stopping), stoppingToken);

    private async Task RunAsync(CounselorJob job, IChatClient? llm, CancellationToken stopping)
    {
        var reply = new LiveReply(grains.Reference<ICounselingSessionGrain>(job.SessionId), job);
        var source = job.Turn.RiskRaised ? CounselorReply.FromSafety : CounselorReply.FromLocal;
        (string Text, string Source, bool Complete, bool Cancelled) outcome;
        try
        {
            if (!job.Turn.RiskRaised && !job.Turn.ClosesAfterRisk && llm is not null && await HasBudgetAsync(job))
            {
                source = CounselorReply.FromLlm;
                var (text, from, complete) = await StreamLlmAsync(llm, job, reply, stopping);
                outcome = (text, from, complete, false);
            }
            else
            {
                outcome = (await reply.SayAllAsync(job.LocalReply, job.Token), source, true, false);
            }
        }
        catch (OperationCanceledException) when (job.Token.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            outcome = (reply.Said, source, false, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Publishing failed (the session is gone or unreachable); what was said is still reported.
            LogReplyFailed(job.SessionId, job.ReplyId, ex.GetType().Name);
            outcome = (reply.Said, source, false, false);
        }

        if (job.Abandoned)
        {
            // The message it answers was not stored: nothing was shown, and nothing is kept.
            job.Dispose();
            return;
        }

        await FinishAsync(job, outcome.Text, outcome.Source, outcome.Complete, outcome.Cancelled);
    }

    /// <summary>
    /// The model's reply, sentence by sentence as each is checked. Before anything was shown, a timeout or error gives the
    /// local reply; after, what was said is kept as an incomplete reply. A sentence that fails the filter ends the stream
    /// and the reply is replaced (the final event carries the replacement).
    /// </summary>
    private async Task<(string Text, string Source, bool Complete)> StreamLlmAsync(IChatClient llm, CounselorJob job, LiveReply reply, CancellationToken stopping)
    {
        var settings = options.Value;
        var language = TextLanguages.FromCode(job.Turn.Language);
        using var total = CancellationTokenSource.CreateLinkedTokenSource(job.Token, stopping);
        total.CancelAfter(settings.TotalTimeout);
        using var firstWords = CancellationTokenSource.CreateLinkedTokenSource(total.Token);
        firstWords.CancelAfter(settings.FirstTokenTimeout);
        var messages = CounselorPrompt.Build(job.Turn, job.CheckIn, job.History);
        var sentences = new ReplySentences();
        var heard = new StringBuilder(256);
        long? usedTokens = null;
        using var timing = new LlmTiming();
        try
        {
            await foreach (var update in llm.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = 0.7f }, firstWords.Token))
            {
                // A loop, not a query: it runs for every streamed chunk.
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent { Details.TotalTokenCount: { } tokens })
                    {
                        usedTokens = tokens;
                    }
                }

                if (update.Text is not { Length: > 0 } text)
                {
                    continue;
                }

                if (heard.Length == 0)
                {
                    firstWords.CancelAfter(Timeout.InfiniteTimeSpan);
                }

                heard.Append(text);
                foreach (var sentence in sentences.Add(text))
                {
                    if (Replacement(job, reply.Said + sentence, language) is { } replaced)
                    {
                        return replaced;
                    }

                    await reply.SayAsync(sentence, job.Token);
                }
            }

            if (sentences.Flush() is { } last)
            {
                if (Replacement(job, reply.Said + last, language) is { } replaced)
                {
                    return replaced;
                }

                await reply.SayAsync(last, job.Token);
            }

            if (reply.Said.Length > 0)
            {
                return (reply.Said, CounselorReply.FromLlm, true);
            }

            timing.Failed("unusable");
            return (await reply.SayAllAsync(job.LocalReply, job.Token), CounselorReply.FromLocal, true);
        }
        catch (OperationCanceledException) when (!job.Token.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            timing.Failed("timeout");
            LogTimedOut(job.SessionId, job.ReplyId, heard.Length == 0 ? "first words" : "whole reply");
            return await GiveUpAsync(job, reply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's type only: provider messages can quote the request.
            timing.Failed("error");
            LogLlmFailed(job.SessionId, job.ReplyId, ex.GetType().Name);
            return await GiveUpAsync(job, reply);
        }
        finally
        {
            await SpendAsync(job, usedTokens ?? EstimateTokens(messages, heard.Length));
        }
    }

    private (string Text, string Source, bool Complete)? Replacement(CounselorJob job, string candidate, TextLanguage language)
    {
        switch (CounselorOutputFilter.Check(candidate, language, options.Value.MaxReplyLength))
        {
            case OutputVerdict.Unsafe:
                LogReplaced(job.SessionId, job.ReplyId, "unsafe");
                return (LocalReplyComposer.Safety(language, job.Turn.CrisisLine), CounselorReply.FromSafety, true);
            case OutputVerdict.Unusable:
                LogReplaced(job.SessionId, job.ReplyId, "unusable");
                return (job.LocalReply, CounselorReply.FromLocal, true);
            default:
                return null;
        }
    }

    private static async Task<(string Text, string Source, bool Complete)> GiveUpAsync(CounselorJob job, LiveReply reply) =>
        reply.Said.Length > 0
            ? (reply.Said, CounselorReply.FromLlm, false)
            : (await reply.SayAllAsync(job.LocalReply, job.Token), CounselorReply.FromLocal, true);

    private async Task<bool> HasBudgetAsync(CounselorJob job)
    {
        var budget = options.Value.DailyTokenBudget;
        if (budget > 0 && await grains.Reference<ICounselorBudgetGrain>(job.Turn.OwnerId).HasTokensLeftAsync(budget))
        {
            return true;
        }

        LogNoBudget(job.SessionId, job.ReplyId);
        return false;
    }

    private async Task SpendAsync(CounselorJob job, long tokens)
    {
        try
        {
            await grains.Reference<ICounselorBudgetGrain>(job.Turn.OwnerId).SpendAsync((int)Math.Min(tokens, int.MaxValue));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReplyFailed(job.SessionId, job.ReplyId, ex.GetType().Name);
        }
    }

    /// <summary>About four characters a token, when the server reports no usage.</summary>
    private static long EstimateTokens(IList<ChatMessage> messages, int replyLength) =>
        (messages.Sum(m => m.Text.Length) + replyLength + 3) / 4;

    private async Task FinishAsync(CounselorJob job, string text, string source, bool complete, bool cancelled)
    {
        try
        {
            await grains.Reference<ICounselorGrain>(job.SessionId).FinishAsync(
                new CounselorOutcome(job.Turn.OwnerId, job.ReplyId, job.Turn.SegmentSeq, text, source, complete, cancelled));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The session was erased or could not be reached: the reply is lost with it.
            LogReplyFailed(job.SessionId, job.ReplyId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counselor reply {ReplyId} of session {SessionId}: the LLM timed out waiting for the {Stage}")]
    private partial void LogTimedOut(string sessionId, string replyId, string stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counselor reply {ReplyId} of session {SessionId}: the LLM failed ({Error})")]
    private partial void LogLlmFailed(string sessionId, string replyId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counselor reply {ReplyId} of session {SessionId}: the LLM's words were {Verdict} and were replaced")]
    private partial void LogReplaced(string sessionId, string replyId, string verdict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor reply {ReplyId} of session {SessionId}: the user's daily LLM budget is spent; the reply is local")]
    private partial void LogNoBudget(string sessionId, string replyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counselor reply {ReplyId} of session {SessionId} could not be delivered ({Error})")]
    private partial void LogReplyFailed(string sessionId, string replyId, string error);
}
