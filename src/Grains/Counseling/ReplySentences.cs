namespace BeMore.Grains.Counseling;

/// <summary>
/// Cuts a streamed reply into whole sentences, so each can be checked before it is shown: a sentence ends at . ! ? (and
/// their full-width forms) followed by white space, or at a line break. The pieces concatenate to the reply exactly,
/// less the white space before the first and after the last.
/// </summary>
public sealed class ReplySentences
{
    private readonly System.Text.StringBuilder _pending = new();
    private bool _started;

    /// <summary>Adds streamed text and returns the sentences it completed.</summary>
    public List<string> Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _pending.Append(text);
        var done = new List<string>();
        var start = 0;
        var pending = _pending.ToString();
        for (var i = 0; i < pending.Length - 1; i++)
        {
            var ends = pending[i] is '\n' || (pending[i] is '.' or '!' or '?' or '。' or '！' or '？' && char.IsWhiteSpace(pending[i + 1]));
            if (ends)
            {
                Emit(pending[start..(i + 1)], done);
                start = i + 1;
            }
        }

        _pending.Remove(0, start);
        return done;
    }

    /// <summary>What is left at the end of the stream, without trailing white space; null when nothing is.</summary>
    public string? Flush()
    {
        var rest = _pending.ToString().TrimEnd();
        _pending.Clear();
        var done = new List<string>();
        Emit(rest, done);
        return done.Count > 0 ? done[0] : null;
    }

    private void Emit(string sentence, List<string> done)
    {
        var piece = _started ? sentence : sentence.TrimStart();
        if (piece.Length > 0)
        {
            _started = true;
            done.Add(piece);
        }
    }
}
