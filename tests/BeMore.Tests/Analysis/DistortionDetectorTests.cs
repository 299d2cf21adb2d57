using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

public sealed class DistortionDetectorTests
{
    [Theory]
    [InlineData("I went to the library with my sister")]
    [InlineData("see you tomorrow")]
    [InlineData("나는 어제 영화를 봤어요")]
    [InlineData("오늘 도서관에 갔어요")]
    [InlineData("")]
    public void Detect_OrdinarySentencesFromTheIssue_FindNothing(string text)
    {
        Assert.Empty(DistortionDetector.Detect(text));
    }

    [Theory]
    [InlineData("나는 실패자야", DistortionType.Labeling)]
    [InlineData("늘 이런 식이야", DistortionType.Overgeneralization)]
    [InlineData("I'm such a loser.", DistortionType.Labeling)]
    [InlineData("Nothing ever goes right for me.", DistortionType.Overgeneralization)]
    public void Detect_NoLanguageGiven_DetectsLanguageAndFindsType(string text, DistortionType expected)
    {
        Assert.Contains(DistortionDetector.Detect(text), m => m.Type == expected);
    }

    [Theory]
    [InlineData("나는 실패자야. 그래도 오늘 도서관에 갔어요.", "나는 실패자야")]
    [InlineData("Honestly, I always mess things up at work.", "I always mess things up")]
    public void Detect_Match_EvidenceSpanPointsAtTheMatchedText(string text, string expected)
    {
        var match = Assert.Single(DistortionDetector.Detect(text));

        Assert.StartsWith(expected, match.Evidence.Text, StringComparison.Ordinal);
        Assert.Equal(match.Evidence.Text, text.Substring(match.Evidence.Start, match.Evidence.Length));
    }

    [Fact]
    public void Detect_SentenceWithTwoDistortions_ReturnsOneMatchPerType()
    {
        var matches = DistortionDetector.Detect("I always mess up, I'm such a loser, and I'm a total idiot.", TextLanguage.English);

        Assert.Equal([DistortionType.Labeling, DistortionType.Overgeneralization], matches.Select(m => m.Type).Order());
    }

    [Theory]
    [InlineData("Nothing I do is good enough.", DistortionSeverity.High)]
    [InlineData("What if the plane crashes?", DistortionSeverity.Medium)]
    [InlineData("나는 항상 완벽해야 해", DistortionSeverity.High)]
    [InlineData("더 잘했어야 했는데", DistortionSeverity.Medium)]
    public void Detect_AbsoluteWordsInTheMatch_RaiseSeverity(string text, DistortionSeverity expected)
    {
        Assert.Equal(expected, Assert.Single(DistortionDetector.Detect(text)).Severity);
    }

    [Theory]
    [InlineData("I don't think I'm a failure anymore.")]
    [InlineData("I used to believe nobody likes me.")]
    [InlineData("나는 바보가 아니야")]
    [InlineData("내가 실패자라고는 생각하지 않아")]
    [InlineData("오늘은 늘어지게 잤어")]
    [InlineData("숙제 다 끝났어")]
    [InlineData("배고파 죽겠다")]
    public void Detect_DisownedThoughtsAndLookalikeWords_FindNothing(string text)
    {
        Assert.Empty(DistortionDetector.Detect(text));
    }

    [Fact]
    public void Detect_DisowningInAnEarlierClause_DoesNotHideALaterDistortion()
    {
        var matches = DistortionDetector.Detect("I don't think I can do it, I'm such a loser.", TextLanguage.English);

        Assert.Equal(DistortionType.Labeling, Assert.Single(matches).Type);
    }

    [Fact]
    public void Detect_Matches_HaveConfidenceInRange()
    {
        var matches = DistortionDetector.Detect("If I don't get an A on this exam, I'm a total failure.");

        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.InRange(m.Confidence, 0.5, 1));
    }

    [Fact]
    public void ToCode_EveryType_RoundTripsThroughTryParse()
    {
        foreach (var type in Enum.GetValues<DistortionType>())
        {
            Assert.True(DistortionTypeCodes.TryParse(type.ToCode(), out var parsed));
            Assert.Equal(type, parsed);
        }

        Assert.False(DistortionTypeCodes.TryParse("none", out _));
    }
}
