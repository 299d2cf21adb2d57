using System.Text;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Counseling;

/// <summary>
/// One reply as the viewers see it: every piece said is numbered and published live, never before the turn it answers is
/// stored, and <see cref="Said"/> keeps it.
/// </summary>
internal sealed class LiveReply(ICounselingSessionGrain session, CounselorJob job)
{
    private readonly StringBuilder _said = new();
    private int _index;

    public string Said => _said.ToString();

    public async Task SayAsync(string piece, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await job.Stored.WaitAsync(cancellationToken);
        _said.Append(piece);
        await session.PublishLiveAsync(SessionLiveMessage.Now(job.SessionId, new CounselorReplyDelta(job.ReplyId, _index++, piece)));
    }

    /// <summary>Says a whole prepared reply, a sentence at a time; returns it.</summary>
    public async Task<string> SayAllAsync(string text, CancellationToken cancellationToken)
    {
        var sentences = new ReplySentences();
        foreach (var sentence in sentences.Add(text).Append(sentences.Flush()).OfType<string>())
        {
            await SayAsync(sentence, cancellationToken);
        }

        return Said;
    }
}
