using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

public sealed class InterventionCatalogTests
{
    public static TheoryData<DistortionType, TextLanguage> EveryTypeAndLanguage()
    {
        var data = new TheoryData<DistortionType, TextLanguage>();
        foreach (var type in Enum.GetValues<DistortionType>())
        {
            data.Add(type, TextLanguage.English);
            data.Add(type, TextLanguage.Korean);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTypeAndLanguage))]
    public void Questions_EveryTypeAndLanguage_AtLeastFiveDistinctQuestionsInThatLanguage(DistortionType type, TextLanguage language)
    {
        var questions = InterventionCatalog.Questions(type, language);

        Assert.True(questions.Count >= 5);
        Assert.Equal(questions.Count, questions.Distinct().Count());
        Assert.All(questions, q => Assert.Equal(language, TextLanguages.Detect(q)));
        Assert.All(questions, q => Assert.EndsWith("?", q, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryTypeAndLanguage))]
    public void Tasks_EveryTypeAndLanguage_AtLeastTwoOrderedEasiestFirst(DistortionType type, TextLanguage language)
    {
        var tasks = InterventionCatalog.Tasks(type, language);

        Assert.True(tasks.Count >= 2);
        Assert.All(tasks, t => Assert.Equal(language, TextLanguages.Detect(t.Text)));
        Assert.Equal(tasks.OrderBy(t => t.Difficulty).Select(t => t.Difficulty), tasks.Select(t => t.Difficulty));
    }

    [Theory]
    [InlineData(TextLanguage.English)]
    [InlineData(TextLanguage.Korean)]
    public void Tasks_AllTypes_CoverEveryDifficulty(TextLanguage language)
    {
        var difficulties = Enum.GetValues<DistortionType>()
            .SelectMany(type => InterventionCatalog.Tasks(type, language))
            .Select(t => t.Difficulty)
            .ToHashSet();

        Assert.Equal(Enum.GetValues<TaskDifficulty>().ToHashSet(), difficulties);
    }
}
