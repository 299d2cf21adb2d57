using BeMore.Grains.Abstractions.Users;

namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>
/// What may be produced and kept for one session: its consent, narrowed by the owner's analysis opt-ins. The one
/// permission object every producer asks (the session grain's journal and live analysis, the voice-activity grain), so
/// each rule is stated once, here. The consent is fixed for the session's life; the opt-ins follow the owner's changes
/// while it runs.
/// </summary>
/// <param name="PreferredLanguage">"ko" or "en" for interventions; null to offer them in the segment's language.</param>
[GenerateSerializer, Immutable, Alias("bemore.AnalysisScope")]
public sealed record AnalysisScope(
    [property: Id(0)] SessionConsent Consent,
    [property: Id(1)] AnalysisOptIns OptIns,
    [property: Id(2)] string? PreferredLanguage)
{
    /// <summary>Any analysis at all; without it only risk alerts are produced (safety first).</summary>
    public bool Analysis => Consent.Analysis;

    /// <summary>Transcript text, and evidence quoted from it, may be stored.</summary>
    public bool StoreText => Consent.StoreTranscript;

    public bool TextEmotion => Analysis && OptIns.TextEmotion;

    public bool Distortions => Analysis && OptIns.Distortions;

    public bool FaceEmotion => Analysis && OptIns.FaceEmotion;

    /// <summary>Voice activity is stored and each utterance's prosody read for voice emotion.</summary>
    public bool Voice => Analysis && OptIns.Voice;

    /// <summary>Text may be handed to an outside model: only with analysis, and only words the user lets us keep.</summary>
    public bool OutsideModel => Analysis && StoreText;

    /// <summary>Whether <paramref name="data"/> may be stored and pushed: analysis events are withheld without analysis consent.</summary>
    public bool Permits(SessionEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return !data.IsAnalysis || Analysis;
    }

    /// <summary>Whether a live-only message may go to the viewers: the voice level only with the voice opt-in.</summary>
    public bool Permits(Counseling.SessionLiveData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data is not Counseling.VadLevel || Voice;
    }
}
