using BeMore.Grains.Counseling;

namespace BeMore.Tests.Counseling;

public sealed class ReplySentencesTests
{
    [Fact]
    public void TheLastSentenceWithoutPunctuation_ComesOutAtTheEnd()
    {
        var sentences = new ReplySentences();

        Assert.Empty(sentences.Add("What went through your mind"));
        Assert.Equal("What went through your mind", sentences.Flush());
    }

    [Fact]
    public void StreamedPieces_ComeOutAsWholeSentencesThatConcatenateToTheReply()
    {
        var sentences = new ReplySentences();
        var pieces = new List<string>();

        foreach (var chunk in new[] { "  That sou", "nds hard. It was 3.5 ", "hours? ", "많이 힘드셨겠어요. 그때", " 어떤 생각이 드셨어요?  " })
        {
            pieces.AddRange(sentences.Add(chunk));
        }

        Assert.Null(sentences.Flush());

        Assert.Equal(["That sounds hard.", " It was 3.5 hours?", " 많이 힘드셨겠어요.", " 그때 어떤 생각이 드셨어요?"], pieces);
        Assert.Equal("That sounds hard. It was 3.5 hours? 많이 힘드셨겠어요. 그때 어떤 생각이 드셨어요?", string.Concat(pieces));
    }
}
