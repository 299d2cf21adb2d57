using System.Text.RegularExpressions;

namespace BeMore.Domain.Analysis;

internal static class AnalysisRegex
{
    /// <summary>
    /// Every pattern has bounded repetition, so a match on one utterance takes microseconds; the
    /// timeout only stops pathological input. It is generous because the first match of a compiled
    /// pattern includes its JIT, which on a loaded two-core host took over 250 ms.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Reads once more when a match timed out. The patterns are bounded, so a timeout means the thread stalled, not that
    /// the text is pathological: a first match's JIT, a long garbage collection, a starved host (CI lost a node to one at
    /// start-up). The second read, with the JIT done, normally takes microseconds; a second timeout goes to the caller.
    /// </summary>
    public static TResult Retried<TState, TResult>(TState state, Func<TState, TResult> read)
    {
        try
        {
            return read(state);
        }
        catch (RegexMatchTimeoutException)
        {
            return read(state);
        }
    }
}
