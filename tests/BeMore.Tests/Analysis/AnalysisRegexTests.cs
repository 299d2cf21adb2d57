using System.Text.RegularExpressions;
using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

/// <summary>A match that timed out because its thread stalled is read again once; a second timeout reaches the caller.</summary>
public sealed class AnalysisRegexTests
{
    [Fact]
    public void Retried_ATimeoutOnce_ReadsAgainAndAnswers()
    {
        var calls = 0;

        var answer = AnalysisRegex.Retried("text", text => ++calls == 1 ? throw Timeout(text) : text.Length);

        Assert.Equal(4, answer);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Retried_ATimeoutTwice_ReachesTheCallerAfterTwoReads()
    {
        var calls = 0;

        Assert.Throws<RegexMatchTimeoutException>(() => AnalysisRegex.Retried("text", text => ++calls > 0 ? throw Timeout(text) : 0));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Retried_AnotherFailure_IsNotRetried()
    {
        var calls = 0;

        Assert.Throws<InvalidOperationException>(() => AnalysisRegex.Retried("text", _ => ++calls > 0 ? throw new InvalidOperationException() : 0));
        Assert.Equal(1, calls);
    }

    private static RegexMatchTimeoutException Timeout(string text) => new(text, "pattern", AnalysisRegex.MatchTimeout);
}
