using System.Text.RegularExpressions;
using BeMore.Domain.Analysis;
using BeMore.Grains.Counseling;

namespace BeMore.Tests.Counseling;

/// <summary>What the LLM writes is checked before anyone sees it: self-harm means and instructions never pass.</summary>
public sealed class CounselorOutputFilterTests
{
    [Theory]
    [InlineData("You could take all of your sleeping pills tonight.", TextLanguage.English)]
    [InlineData("The easiest way is to jump off the bridge near your home.", TextLanguage.English)]
    [InlineData("If you want it to stop, cutting your wrists is one way.", TextLanguage.English)]
    [InlineData("Maybe it would be easier to just end it all.", TextLanguage.English)]
    [InlineData("수면제를 한꺼번에 많이 드시면 편해질 거예요.", TextLanguage.Korean)]
    [InlineData("번개탄을 준비하는 방법도 있어요.", TextLanguage.Korean)]
    public void SelfHarmMeansOrInstructions_AreUnsafe(string reply, TextLanguage language) =>
        Assert.Equal(OutputVerdict.Unsafe, CounselorOutputFilter.Check(reply, language, 700));

    [Theory]
    [InlineData("Sentence 1 of a long reply.", TextLanguage.English)]
    [InlineData("That sounds really hard. What went through your mind when it happened?", TextLanguage.English)]
    [InlineData("It sounds like you feel you always fail. What evidence is there against that thought?", TextLanguage.English)]
    [InlineData("I'm sorry this week has been so heavy. What would you say to a friend in your place?", TextLanguage.English)]
    [InlineData("많이 힘드셨겠어요. 그때 어떤 생각이 드셨어요?", TextLanguage.Korean)]
    [InlineData("완벽하지 않으면 실패처럼 느껴지시는 것 같아요. 조금이라도 잘된 부분은 무엇이었나요?", TextLanguage.Korean)]
    public void WarmSocraticReplies_AreUsable(string reply, TextLanguage language) =>
        Assert.Equal(OutputVerdict.Usable, CounselorOutputFilter.Check(reply, language, 700));

    [Theory]
    [InlineData("Read more at https://example.com about this.")]
    [InlineData("assistant: I am an AI model.")]
    public void LinksAndRoleMarkers_AreUnusable(string reply) =>
        Assert.Equal(OutputVerdict.Unusable, CounselorOutputFilter.Check(reply, TextLanguage.English, 700));

    [Fact]
    public void TooLong_IsUnusable() =>
        Assert.Equal(OutputVerdict.Unusable, CounselorOutputFilter.Check(string.Concat(Enumerable.Repeat("That sounds hard. ", 60)), TextLanguage.English, 700));

    [Fact]
    public void AReplyTheRiskCheckCouldNotRead_IsUnsafe() =>
        Assert.Equal(
            OutputVerdict.Unsafe,
            CounselorOutputFilter.Check(
                "That sounds really hard. What went through your mind?", TextLanguage.English, 700,
                (text, _) => throw new RegexMatchTimeoutException(text, "pattern", TimeSpan.FromSeconds(2))));

    /// <summary>A runtime fault in the risk reader, as .NET 10.0.12's compiled regex engine threw on one pattern and text.</summary>
    [Fact]
    public void AReplyTheRiskReaderFailedOn_IsUnsafe() =>
        Assert.Equal(
            OutputVerdict.Unsafe,
            CounselorOutputFilter.Check(
                "That sounds really hard. What went through your mind?", TextLanguage.English, 700, (_, _) => Array.Empty<RiskAssessment>()[0]));
}
