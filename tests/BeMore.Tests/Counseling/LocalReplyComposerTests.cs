using BeMore.Grains.Abstractions.Counseling;
using BeMore.Domain.Analysis;
using BeMore.Grains.Counseling;

namespace BeMore.Tests.Counseling;

/// <summary>The local composer: a person's short turn, in the user's language, never repeating itself within a session.</summary>
public sealed class LocalReplyComposerTests
{
    private const string CrisisLine = "Call 109 now.";

    [Theory]
    [InlineData(TextLanguage.English)]
    [InlineData(TextLanguage.Korean)]
    public void TenRepliesToTheSameThought_AreAllDifferent_AndEachEndsWithACatalogQuestion(TextLanguage language)
    {
        var composer = new LocalReplyComposer(seed: 7);

        var replies = Enumerable.Range(0, 10).Select(_ => composer.Compose(language, "sadness", DistortionType.Overgeneralization)).ToList();

        Assert.Equal(replies.Count, replies.Distinct(StringComparer.Ordinal).Count());
        Assert.All(replies, reply => Assert.Contains(InterventionCatalog.Questions(DistortionType.Overgeneralization, language), q => reply.EndsWith(q, StringComparison.Ordinal)));
        Assert.All(replies, reply => Assert.InRange(reply.Split(['.', '?', '!'], StringSplitOptions.RemoveEmptyEntries).Length, 2, 4));
    }

    [Fact]
    public void NoAnalysis_GivesAnOpenQuestionWithoutNamingAnything()
    {
        var reply = new LocalReplyComposer().Compose(TextLanguage.English, emotion: null, distortion: null);

        Assert.Contains(LocalReplyTextsProbe.OpenQuestions(TextLanguage.English), q => reply.EndsWith(q, StringComparison.Ordinal));
    }

    [Fact]
    public void GoodNews_IsMetWithGladness_ButNotWhenAHarshThoughtCameWithIt()
    {
        var composer = new LocalReplyComposer();

        var glad = composer.Compose(TextLanguage.English, "joy", distortion: null);
        var harsh = composer.Compose(TextLanguage.English, "joy", DistortionType.AllOrNothing);

        Assert.Matches("good to hear|bright spot|glad", glad);
        Assert.DoesNotMatch("good to hear|bright spot|glad", harsh);
    }

    [Theory]
    [InlineData("en", "Thank you for telling me", "Are you somewhere safe right now?")]
    [InlineData("ko", "이야기해 주셔서", "지금 안전한 곳에 계신가요?")]
    public void RiskTurn_GivesTheFixedSafetyReplyWithTheCrisisLineItWasGiven(string language, string opening, string question)
    {
        var turn = new CounselorTurn("u", 2, "chat", language, RiskRaised: true, "sadness", "labeling", null, "x", CrisisLine);

        var reply = new LocalReplyComposer().Compose(turn);

        Assert.Contains(CrisisLine, reply, StringComparison.Ordinal);
        Assert.StartsWith(opening, reply, StringComparison.Ordinal);
        Assert.EndsWith(question, reply, StringComparison.Ordinal);
        Assert.Equal(reply, new LocalReplyComposer(seed: 99).Compose(turn));
    }
}

/// <summary>The open questions as the composer offers them, read through its replies (the table is internal).</summary>
internal static class LocalReplyTextsProbe
{
    public static IReadOnlyList<string> OpenQuestions(TextLanguage language)
    {
        var composer = new LocalReplyComposer();
        return [.. Enumerable.Range(0, 7).Select(_ => composer.Compose(language, emotion: null, distortion: null).Split(". ").Last())];
    }
}
