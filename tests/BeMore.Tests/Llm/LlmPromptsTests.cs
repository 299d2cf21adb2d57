using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Llm;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Tests.Llm;

/// <summary>Answers in the wrong shape are refused, so the local result stands rather than whatever the model said.</summary>
public sealed class LlmPromptsTests
{
    [Theory]
    [InlineData("sadness", "sadness")]
    [InlineData(" Anxiety.\n", "anxiety")]
    [InlineData("\"calm\"", "calm")]
    [InlineData("very sad", null)]
    [InlineData("happiness", null)]
    [InlineData("", null)]
    public void Read_EmotionLabel_AcceptsOnlyAKnownLabel(string answer, string? expected)
    {
        Assert.Equal(expected, LlmPrompts.Read(RefinementKind.EmotionLabel, answer));
    }

    [Theory]
    [InlineData("What evidence supports that thought?", true)]
    [InlineData("그 생각을 뒷받침하는 증거는 무엇인가요?", true)]
    [InlineData("You should stop thinking that.", false)]
    [InlineData("First question?\nSecond question?", false)]
    public void Read_SocraticQuestion_AcceptsOneLineQuestionOnly(string answer, bool accepted)
    {
        Assert.Equal(accepted ? answer : null, LlmPrompts.Read(RefinementKind.SocraticQuestion, answer));
    }

    [Fact]
    public void Read_Narrative_RefusesOverlongText()
    {
        Assert.Null(LlmPrompts.Read(RefinementKind.Narrative, new string('a', LlmPrompts.MaxNarrativeLength + 1)));
        Assert.Equal("A short summary.", LlmPrompts.Read(RefinementKind.Narrative, "  A short summary. "));
    }

    [Fact]
    public void SocraticQuestion_KoreanSession_AsksForKoreanAndCarriesTheUtterance()
    {
        var messages = LlmPrompts.SocraticQuestion(DistortionType.Labeling, TextLanguage.Korean, "나는 실패자야", "그렇게 부르는 근거는 무엇인가요?");

        Assert.Contains("Korean", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("labeling", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("나는 실패자야", messages[^1].Text);
    }
}
