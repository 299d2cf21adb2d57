using System.Text.RegularExpressions;
using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Llm;
using BeMore.Domain.Voice;
using BeMore.Grains.Abstractions.Sessions;
using Microsoft.Extensions.AI;
using ModalitySource = BeMore.Domain.Analysis.EmotionSource;

namespace BeMore.Grains.Sessions;

/// <summary>An LLM refinement the session asks for, covering one transcript segment.</summary>
internal sealed record RefinementRequest(RefinementKind Kind, long SegmentSeq, IList<ChatMessage> Messages);

/// <summary>
/// One session's live analysers, held by its grain activation: what a transcript segment, a face frame, a voice-activity
/// update or an LLM refinement adds to the session as events. Risk is always assessed; everything else only with
/// analysis consent. An intervention waits while the user is speaking, and while its question is being refined, and goes
/// out at the next pause. Cooldowns, smoothing and waiting interventions live in memory, so a re-activated session starts
/// them afresh (documented trade-off: small state).
/// </summary>
internal sealed class LiveAnalysis(CounselingSessionOptions options, TextReaders? readers = null)
{
    private readonly TextReaders _readers = readers ?? TextReaders.Shipped();
    private readonly FaceEmotionAnalyzer _faceEmotion = new();
    private readonly VoiceEmotionAnalyzer _voiceEmotion = new();
    private readonly EmotionFusion _fusion = new(new EmotionFusionOptions
    {
        FaceWeight = options.FaceWeight,
        VoiceWeight = options.VoiceWeight,
        TextWeight = options.TextWeight,
    });

    private readonly InterventionPolicy _interventions = new(new InterventionPolicyOptions
    {
        MinimumInterval = options.InterventionInterval,
        SameTypeInterval = options.SameTypeInterventionInterval,
    });

    private readonly List<RefinementRequest> _requests = [];
    private readonly List<UnreadPart> _unread = [];
    private EmotionReading? _text;
    private long _textSeq;
    private bool _textRefined;
    private EmotionReading? _face;
    private EmotionReading? _voice;
    private bool _emotionPending;
    private DateTimeOffset? _lastEmotionAt;
    private HeldQuestion? _held;
    private bool _userSpeaking;
    private readonly SpeechPauseCalculator _speech = new();
    private DateTimeOffset _lastRollupAt;
    private bool _rollupDue;

    /// <summary>Share of the audio timeline spent speaking, from the voice-activity updates seen; null before any.</summary>
    public double? SpeechRatio => _speech.SpeechRatio(countOpenUtterance: true);

    /// <summary>
    /// Events a transcript segment gives rise to, in the order they are appended after it. With <paramref name="refine"/>
    /// the segment's emotion label and its intervention's question are also requested from the LLM
    /// (<see cref="TakeRefinementRequests"/>), and the intervention waits for that answer. The text is analysed in its own
    /// language; interventions are offered in the user's preferred language when there is one.
    /// </summary>
    public List<SessionEventData> OnTranscript(long segmentSeq, string text, string languageCode, AnalysisScope scope, DateTimeOffset now, bool refine)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var language = TextLanguages.Resolve(languageCode, text);
        var offerIn = scope.PreferredLanguage is { } preferred ? TextLanguages.Resolve(preferred, text) : language;
        var storeText = scope.StoreText;
        var produced = new List<SessionEventData>();
        _rollupDue = true;
        var risk = Read(_readers.Risk, text, language, TextReaders.RiskPart, produced);
        if (risk is { Level: not RiskLevel.None })
        {
            produced.Add(new RiskAlert(RiskCode(risk.Level), segmentSeq, storeText ? risk.Evidence?.Text : null, options.CrisisLineIn(offerIn.ToCode()), risk.Severity?.ToCode()));
        }

        if (scope.Distortions)
        {
            // A turn whose risk could not be read gets no exercise: it may be the one that needed a safety reply instead.
            produced.AddRange(Interventions(segmentSeq, text, language, offerIn, storeText, now, refine, offer: risk is not null));
        }

        if (scope.TextEmotion && Read(_readers.Emotion, text, language, TextReaders.EmotionPart, produced) is { } emotion)
        {
            _text = emotion;
            _textSeq = segmentSeq;
            _textRefined = false;
            _emotionPending = true;
            if (refine)
            {
                _requests.Add(new RefinementRequest(RefinementKind.EmotionLabel, segmentSeq, LlmPrompts.EmotionLabel(text)));
            }

            produced.AddRange(TakeEmotionUpdate(now) is { } update ? [update] : []);
        }

        return produced;
    }

    /// <summary>The distortions found in a segment, and the intervention they lead to (when <paramref name="offer"/>), delivered now or held.</summary>
    private List<SessionEventData> Interventions(
        long segmentSeq, string text, TextLanguage language, TextLanguage offerIn, bool storeText, DateTimeOffset now, bool refine, bool offer)
    {
        var produced = new List<SessionEventData>();
        var distortions = Read(_readers.Distortions, text, language, TextReaders.DistortionsPart, produced) ?? [];
        produced.AddRange(distortions.Select(d => new DistortionDetected(
            d.Type.ToCode(), d.Severity.ToString().ToLowerInvariant(), Math.Round(d.Confidence, 3), segmentSeq, storeText ? d.Evidence.Text : null)));
        if (!offer)
        {
            return produced;
        }

        var decision = _interventions.Consider(distortions, offerIn, now, userSpeaking: _userSpeaking || refine);
        if (decision is { Status: InterventionStatus.Delivered, Intervention: { } delivered })
        {
            produced.AddRange(Describe(delivered, segmentSeq, delivered.Question, CbtIntervention.FromCatalog));
        }
        else if (decision is { Status: InterventionStatus.Held, Intervention: { } held })
        {
            _held = new HeldQuestion(segmentSeq, held.Question, CbtIntervention.FromCatalog, AwaitingRefinement: refine, Since: now);
            if (refine)
            {
                _requests.Add(new RefinementRequest(RefinementKind.SocraticQuestion, segmentSeq, LlmPrompts.SocraticQuestion(held.Type, offerIn, text, held.Question)));
            }
        }

        return produced;
    }

    /// <summary>
    /// One reading of the text, or none when its matches timed out even on the retry (<see cref="AnalysisRegex.Retried"/>)
    /// or the reader failed (.NET 10.0.12's compiled regex engine was seen to throw <see cref="IndexOutOfRangeException"/>
    /// on one pattern and text): the segment is stored all the same, a <see cref="ProcessingIssue"/> after it says which
    /// part was not read, and <see cref="TakeUnreadParts"/> says why.
    /// </summary>
    private T? Read<T>(Func<string, TextLanguage, T> read, string text, TextLanguage language, string part, List<SessionEventData> produced)
        where T : class
    {
        try
        {
            return read(text, language);
        }
        catch (Exception failure)
        {
            produced.Add(new ProcessingIssue(ProcessingIssueKinds.AnalysisIncomplete, part, null, null));
            _unread.Add(new UnreadPart(part, failure is RegexMatchTimeoutException ? "timed out twice" : failure.GetType().Name));
            return null;
        }
    }

    /// <summary>The parts of the texts read since the last call that were not read, and why (never the text: logs may not hold it).</summary>
    public List<UnreadPart> TakeUnreadParts()
    {
        var unread = _unread.ToList();
        _unread.Clear();
        return unread;
    }

    /// <summary>The refinements asked for since the last call.</summary>
    public List<RefinementRequest> TakeRefinementRequests()
    {
        var requests = _requests.ToList();
        _requests.Clear();
        return requests;
    }

    /// <summary>
    /// Applies an LLM answer (or its failure: no text). A label replaces the text reading it refines only if no newer
    /// segment has been read since; a question replaces the catalog's only for the intervention still waiting for it.
    /// Anything else is late or a duplicate, and dropped.
    /// </summary>
    public IReadOnlyList<SessionEventData> ApplyRefinement(RefinementResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Kind)
        {
            case RefinementKind.EmotionLabel
                when result.ThroughSeq == _textSeq && !_textRefined && _text is { } local && result.Text is { } code && LlmPrompts.ReadLabel(code) is { } label:
                var (valence, arousal) = EmotionPrototypes.Of(label);
                _text = new EmotionReading(label, valence, arousal, Math.Max(local.Confidence, 0.6));
                _textRefined = true;
                _emotionPending = true;
                return TakeEmotionUpdate(now) is { } update ? [update] : [];
            case RefinementKind.SocraticQuestion when _held is { AwaitingRefinement: true } held && held.SegmentSeq == result.ThroughSeq:
                _held = result.Text is { } question
                    ? held with { Question = question, Source = CbtIntervention.FromLlm, AwaitingRefinement = false }
                    : held with { AwaitingRefinement = false };
                return Deliverable(now);
            default:
                return [];
        }
    }

    /// <summary>The text emotion read from segment <paramref name="segmentSeq"/> while it is the latest read (none when the scope withheld it).</summary>
    public EmotionReading? TextEmotionOf(long segmentSeq) => _textSeq == segmentSeq ? _text : null;

    /// <summary>Follows the user's speech; at a pause, the intervention held for it is delivered.</summary>
    public IReadOnlyList<SessionEventData> OnVoiceActivity(IReadOnlyList<VadUpdate> updates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(updates);
        _rollupDue = true;
        foreach (var update in updates)
        {
            _speech.Observe(update.Speaking, update.AtMs);
            _userSpeaking = update.Speaking;
        }

        return Deliverable(now);
    }

    /// <summary>
    /// The timer's look at the session: a throttled emotion update that is now due, and an intervention whose refinement
    /// has not answered by <paramref name="refinementDeadline"/> (it goes out with the catalog's question).
    /// </summary>
    public IReadOnlyList<SessionEventData> OnTick(DateTimeOffset now, TimeSpan refinementDeadline)
    {
        if (_held is { AwaitingRefinement: true } held && now - held.Since >= refinementDeadline)
        {
            _held = held with { AwaitingRefinement = false };
        }

        // Most ticks produce nothing: then nothing is allocated.
        var deliverable = Deliverable(now);
        return TakeEmotionUpdate(now) is { } update ? [.. deliverable, update] : deliverable;
    }

    /// <summary>Feeds face-mesh frames; the last reading joins the next fused emotion update.</summary>
    public void OnFaceFrames(IReadOnlyList<LandmarkFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        _rollupDue = true;
        foreach (var frame in frames)
        {
            var points = new LandmarkPoint[LandmarkFrame.PointCount];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = new LandmarkPoint(frame.Coordinates[i * 3], frame.Coordinates[(i * 3) + 1], frame.Coordinates[(i * 3) + 2]);
            }

            if (_faceEmotion.AddFrame(points) is { } reading)
            {
                _face = reading;
                _emotionPending = true;
            }
        }
    }

    /// <summary>Feeds one utterance's prosody; once the speaker's baseline is set, the reading joins the next fused emotion update.</summary>
    public void OnProsody(ProsodySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (_voiceEmotion.Add(sample.PitchSemitones, sample.PitchSpreadSemitones, sample.LevelDb) is { } reading)
        {
            _voice = reading;
            _emotionPending = true;
        }
    }

    /// <summary>Rollups are timed from <paramref name="now"/> (the session started or its activation began).</summary>
    public void StartRollups(DateTimeOffset now) => _lastRollupAt = now;

    /// <summary>
    /// The rolling summary over <paramref name="aggregates"/>, when input arrived since the last one and
    /// <see cref="CounselingSessionOptions.AnalysisResultInterval"/> has passed; otherwise null.
    /// </summary>
    public AnalysisResult? TakeRollup(DateTimeOffset now, SessionAggregates aggregates)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        if (!_rollupDue || now - _lastRollupAt < options.AnalysisResultInterval)
        {
            return null;
        }

        _rollupDue = false;
        _lastRollupAt = now;
        return new AnalysisResult(
            aggregates.LatestEmotion?.Label, SpeechRatio, aggregates.UtteranceCount,
            new Dictionary<string, int>(aggregates.DistortionCounts), aggregates.RiskLevel);
    }

    /// <summary>Fuses what arrived since the last update, at most once per <see cref="CounselingSessionOptions.EmotionInterval"/>.</summary>
    public EmotionUpdate? TakeEmotionUpdate(DateTimeOffset now) =>
        _lastEmotionAt is { } last && now - last < options.EmotionInterval ? null : FlushEmotionUpdate(now);

    /// <summary>What the throttle still holds, whatever the interval: at the end of the session the last reading must reach the log.</summary>
    public EmotionUpdate? FlushEmotionUpdate(DateTimeOffset now)
    {
        if (!_emotionPending)
        {
            return null;
        }

        if (_fusion.Fuse(_face, _voice, _text) is not { } fused)
        {
            return null;
        }

        _emotionPending = false;
        _lastEmotionAt = now;
        var reading = fused.Reading;
        return new EmotionUpdate(
            Label(reading.Label),
            Math.Round(reading.Valence, 3),
            Math.Round(reading.Arousal, 3),
            Math.Round(reading.Confidence, 3),
            fused.Sources.Select(source => Source(source, fused.Sources)).ToList());
    }

    /// <summary>The held intervention, once the user is silent and its question is settled (unless it waited too long).</summary>
    private IReadOnlyList<SessionEventData> Deliverable(DateTimeOffset now)
    {
        if (_held is not { AwaitingRefinement: false } held || _userSpeaking)
        {
            return [];
        }

        _held = null;
        return _interventions.ReleaseHeld(now) is { } intervention
            ? Describe(intervention, held.SegmentSeq, held.Question, held.Source).ToList()
            : [];
    }

    /// <summary>One modality's reading with its weight renormalized over the modalities fused.</summary>
    private Abstractions.Sessions.EmotionSource Source(ModalitySource modality, IReadOnlyList<ModalitySource> fused)
    {
        var reading = modality switch
        {
            ModalitySource.Face => _face!,
            ModalitySource.Voice => _voice!,
            _ => _text!,
        };
        var weight = Weight(modality) / fused.Sum(Weight);
        var name = modality.ToString().ToLowerInvariant();
        return new Abstractions.Sessions.EmotionSource(
            name, Label(reading.Label), Math.Round(reading.Valence, 3), Math.Round(reading.Arousal, 3), Math.Round(reading.Confidence, 3), Math.Round(weight, 3));
    }

    private double Weight(ModalitySource modality) => modality switch
    {
        ModalitySource.Face => options.FaceWeight,
        ModalitySource.Voice => options.VoiceWeight,
        _ => options.TextWeight,
    };

    private static IEnumerable<SessionEventData> Describe(Intervention intervention, long segmentSeq, string question, string questionSource)
    {
        var type = intervention.Type.ToCode();
        yield return new CbtIntervention("question", type, question, null, segmentSeq, questionSource);
        yield return new CbtIntervention("task", type, intervention.Task.Text, intervention.Task.Difficulty.ToString().ToLowerInvariant(), segmentSeq, CbtIntervention.FromCatalog);
    }

    private static string Label(EmotionLabel label) => label.ToString().ToLowerInvariant();

    private static string RiskCode(RiskLevel level) => level == RiskLevel.High ? RiskLevels.High : RiskLevels.Elevated;

    /// <summary>The question of the intervention being held, and whether it still waits for the LLM.</summary>
    private sealed record HeldQuestion(long SegmentSeq, string Question, string Source, bool AwaitingRefinement, DateTimeOffset Since);
}

/// <summary>A part of a segment's analysis that was not read, and why: "timed out twice" or the failure's type.</summary>
internal sealed record UnreadPart(string Part, string Cause);

/// <summary>What a transcript segment's text is read for; the shipped analysers unless a test supplies its own.</summary>
internal sealed record TextReaders(
    Func<string, TextLanguage, RiskAssessment> Risk,
    Func<string, TextLanguage, IReadOnlyList<DistortionMatch>> Distortions,
    Func<string, TextLanguage, EmotionReading> Emotion)
{
    public const string RiskPart = "risk";
    public const string DistortionsPart = "distortions";
    public const string EmotionPart = "text_emotion";

    /// <summary>Whether <paramref name="caused"/> (what a segment gave rise to) says its risk could not be read.</summary>
    public static bool RiskUnread(IEnumerable<SessionEventData> caused) =>
        caused.Any(e => e is ProcessingIssue { Kind: ProcessingIssueKinds.AnalysisIncomplete, Detail: RiskPart });

    /// <summary>The shipped analysers, with a text emotion analyser of the session's own.</summary>
    public static TextReaders Shipped()
    {
        var emotion = new TextEmotionAnalyzer();
        return new TextReaders(
            static (text, language) => RiskDetector.Assess(text, language),
            static (text, language) => DistortionDetector.Detect(text, language),
            (text, language) => emotion.Analyze(text, language));
    }
}
