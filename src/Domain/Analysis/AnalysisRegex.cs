namespace BeMore.Domain.Analysis;

internal static class AnalysisRegex
{
    /// <summary>
    /// Every pattern has bounded repetition, so a match on one utterance takes microseconds; the
    /// timeout only stops pathological input. It is generous because the first match of a compiled
    /// pattern includes its JIT, which on a loaded two-core host took over 250 ms.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
}
