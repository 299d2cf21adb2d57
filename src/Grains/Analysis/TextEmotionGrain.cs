using BeMore.Domain.Analysis;
using BeMore.Grains.Abstractions.Analysis;
using Orleans.Concurrency;

namespace BeMore.Grains.Analysis;

[GrainType("text-emotion"), StatelessWorker]
public sealed class TextEmotionGrain : Grain, ITextEmotionGrain
{
    private readonly TextEmotionAnalyzer _analyzer = new();

    public Task<TextEmotionResult> AnalyzeAsync(string text, string? language)
    {
        var reading = _analyzer.Analyze(text, TextLanguages.Resolve(language, text));
        return Task.FromResult(new TextEmotionResult(
            reading.Label.ToString().ToLowerInvariant(), Math.Round(reading.Valence, 3), Math.Round(reading.Arousal, 3), Math.Round(reading.Confidence, 3)));
    }
}
