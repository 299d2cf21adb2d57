namespace BeMore.Domain.Voice;

/// <summary>
/// The one definition of "an utterance" shared by the live <c>vad_update.utteranceCount</c> and the report's
/// <c>voice.utteranceCount</c>: an utterance counts once it has finished (speaking, then not speaking). Folding the
/// same vad_update sequence always gives the same count, so the last live count equals the report's.
/// </summary>
/// <param name="Count">Utterances finished so far.</param>
/// <param name="OpenSinceMs">Where the utterance in progress started; null while nobody speaks.</param>
public readonly record struct UtteranceTally(int Count, long? OpenSinceMs)
{
    /// <summary>Applies one vad_update's speaking flag at <paramref name="atMs"/>; returns the utterance it finished, if any.</summary>
    public UtteranceTally Observe(bool speaking, long atMs, out (long StartMs, long EndMs)? finished)
    {
        finished = null;
        if (speaking)
        {
            return OpenSinceMs is null ? this with { OpenSinceMs = atMs } : this;
        }

        if (OpenSinceMs is not { } start)
        {
            return this;
        }

        // A new audio stream restarts its clock, so a stop can carry an earlier offset than its start.
        finished = (start, Math.Max(start, atMs));
        return new UtteranceTally(Count + 1, null);
    }
}
