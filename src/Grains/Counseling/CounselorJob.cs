using BeMore.Grains.Abstractions.Counseling;

namespace BeMore.Grains.Counseling;

/// <summary>
/// One reply to produce, handed by the session's counselor grain to this node's worker. <see cref="LocalReply"/> is
/// composed up front (the composer's variety lives with the conversation) and is what the user gets whenever the LLM
/// cannot answer; <see cref="CheckIn"/> says it comes back to safety after an alert, which the LLM is then asked to do
/// too. The grain keeps the job to cancel it.
/// </summary>
public sealed class CounselorJob(
    string sessionId, string replyId, CounselorTurn turn, string localReply, bool checkIn, IReadOnlyList<ConversationExchange> history)
    : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    public string SessionId { get; } = sessionId;

    public string ReplyId { get; } = replyId;

    public CounselorTurn Turn { get; } = turn;

    public string LocalReply { get; } = localReply;

    public bool CheckIn { get; } = checkIn;

    public IReadOnlyList<ConversationExchange> History { get; } = history;

    public CancellationToken Token => _cancellation.Token;

    public void Cancel() => _cancellation.Cancel();

    public void Dispose() => _cancellation.Dispose();
}
