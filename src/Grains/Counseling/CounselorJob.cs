using BeMore.Grains.Abstractions.Counseling;

namespace BeMore.Grains.Counseling;

/// <summary>
/// One reply to produce, handed by the session's counselor grain to this node's worker. <see cref="LocalReply"/> is
/// composed up front (the composer's variety lives with the conversation) and is what the user gets whenever the LLM
/// cannot answer; <see cref="CheckIn"/> says it comes back to safety after an alert, which the LLM is then asked to do
/// too. A reply to a chat message starts while the message commits: it may ask the LLM at once, but shows nothing
/// before <see cref="Stored"/> completes, and an <see cref="Abandon">abandoned</see> job ends unseen and unstored. The
/// grain keeps the job to cancel it.
/// </summary>
public sealed class CounselorJob(
    string sessionId, string replyId, CounselorTurn turn, string localReply, bool checkIn, IReadOnlyList<ConversationExchange> history,
    bool turnStored)
    : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _stored = NewStored(turnStored);

    public string SessionId { get; } = sessionId;

    public string ReplyId { get; } = replyId;

    public CounselorTurn Turn { get; } = turn;

    public string LocalReply { get; } = localReply;

    public bool CheckIn { get; } = checkIn;

    public IReadOnlyList<ConversationExchange> History { get; } = history;

    public CancellationToken Token => _cancellation.Token;

    /// <summary>Completes once the turn this replies to is stored; cancelled when it was not.</summary>
    public Task Stored => _stored.Task;

    /// <summary>The turn was not stored: the reply must neither be shown nor stored.</summary>
    public bool Abandoned => _stored.Task.IsCanceled;

    public void Cancel() => _cancellation.Cancel();

    public void MarkStored() => _stored.TrySetResult();

    public void Abandon()
    {
        // Cancelled first, so whoever sees the turn unstored also sees the job cancelled.
        _cancellation.Cancel();
        _stored.TrySetCanceled();
    }

    public void Dispose() => _cancellation.Dispose();

    private static TaskCompletionSource NewStored(bool stored)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (stored)
        {
            source.SetResult();
        }

        return source;
    }
}
