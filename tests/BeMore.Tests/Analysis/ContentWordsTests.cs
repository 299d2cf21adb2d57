using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Tests.Analysis;

/// <summary>
/// What the risk model reads: an everyday sentence and the same sentence behind a risk-like opening read the same, so the
/// opening cannot decide an alert; negations and the words that carry risk stay.
/// </summary>
public sealed class ContentWordsTests
{
    [Theory]
    [InlineData("I want to talk about my week.", "My week.", TextLanguage.English)]
    [InlineData("I've been thinking about changing jobs.", "Changing jobs", TextLanguage.English)]
    [InlineData("Sorry, one more thing about it.", "it", TextLanguage.English)]
    [InlineData("이번 주 있었던 일 얘기하고 싶어요.", "이번 주 있었던 일", TextLanguage.Korean)]
    [InlineData("요즘 이직을 계속 생각하고 있어요.", "이직", TextLanguage.Korean)]
    public void Of_SentenceBehindAnOpening_ReadsAsTheSentenceAlone(string withOpening, string alone, TextLanguage language)
    {
        Assert.Equal(ContentWords.Of(alone, language), ContentWords.Of(withOpening, language));
    }

    [Theory]
    [InlineData("I don't want to be here anymore.", "not here anymore", TextLanguage.English)]
    [InlineData("I’ve been saving up my pills.", "saving pills", TextLanguage.English)]
    [InlineData("Everyone would be better off without me.", "everyone better without", TextLanguage.English)]
    [InlineData("약을 모아 뒀어요", "약 모아 뒀어요", TextLanguage.Korean)]
    [InlineData("다들 내가 없으면 편할 거예요", "다들 없으면 편할", TextLanguage.Korean)]
    public void Of_RiskStatement_KeepsNegationsAndRiskWords(string text, string content, TextLanguage language)
    {
        Assert.Equal(content, ContentWords.Of(text, language));
    }
}
