using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Analysis;
using ModalitySource = BeMore.Grains.Analysis.EmotionSource;

namespace BeMore.Grains.Sessions;

/// <summary>
/// One session's live analysers, held by its grain activation: what a transcript segment or a face frame adds to the
/// session as events. Risk is always assessed; everything else only with analysis consent. Cooldowns and emotion
/// smoothing live in memory, so a re-activated session starts them afresh (documented trade-off: small state).
/// </summary>
internal sealed class LiveAnalysis(CounselingSessionOptions options)
{
    private readonly TextEmotionAnalyzer _textEmotion = new();
    private readonly FaceEmotionAnalyzer _faceEmotion = new();
    private readonly EmotionFusion _fusion = new();
    private readonly InterventionPolicy _interventions = new();
    private EmotionReading? _text;
    private EmotionReading? _face;
    private bool _emotionPending;
    private DateTimeOffset? _lastEmotionAt;

    /// <summary>Events a transcript segment gives rise to, in the order they are appended after it.</summary>
    public List<SessionEventData> OnTranscript(long segmentSeq, string text, string languageCode, bool storeText, bool analysisAllowed, DateTimeOffset now)
    {
        var language = TextLanguages.Resolve(languageCode, text);
        var produced = new List<SessionEventData>();
        var risk = RiskDetector.Assess(text, language);
        if (risk.Level != RiskLevel.None)
        {
            produced.Add(new RiskAlert(RiskCode(risk.Level), segmentSeq, storeText ? risk.Evidence?.Text : null, options.CrisisLine));
        }

        if (!analysisAllowed)
        {
            return produced;
        }

        var distortions = DistortionDetector.Detect(text, language);
        produced.AddRange(distortions.Select(d => new DistortionDetected(
            d.Type.ToCode(), d.Severity.ToString().ToLowerInvariant(), Math.Round(d.Confidence, 3), segmentSeq, storeText ? d.Evidence.Text : null)));
        if (_interventions.Consider(distortions, language, now, userSpeaking: false).Intervention is { } intervention)
        {
            produced.AddRange(Describe(intervention, segmentSeq));
        }

        _text = _textEmotion.Analyze(text, language);
        _emotionPending = true;
        produced.AddRange(TakeEmotionUpdate(now) is { } update ? [update] : []);
        return produced;
    }

    /// <summary>Feeds one face-mesh frame; the reading joins the next fused emotion update.</summary>
    public void OnFaceFrame(LandmarkFrame frame)
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

    /// <summary>Fuses what arrived since the last update, at most once per <see cref="CounselingSessionOptions.EmotionInterval"/>.</summary>
    public EmotionUpdate? TakeEmotionUpdate(DateTimeOffset now)
    {
        if (!_emotionPending || (_lastEmotionAt is { } last && now - last < options.EmotionInterval))
        {
            return null;
        }

        if (_fusion.Fuse(_face, voice: null, _text) is not { } fused)
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
            fused.Sources.Select(source => Source(source)).ToList());
    }

    private Abstractions.Sessions.EmotionSource Source(ModalitySource modality)
    {
        var reading = modality == ModalitySource.Face ? _face! : _text!;
        var name = modality.ToString().ToLowerInvariant();
        return new Abstractions.Sessions.EmotionSource(name, Label(reading.Label), Math.Round(reading.Valence, 3), Math.Round(reading.Arousal, 3), Math.Round(reading.Confidence, 3), 0);
    }

    private static IEnumerable<SessionEventData> Describe(Intervention intervention, long segmentSeq)
    {
        var type = intervention.Type.ToCode();
        yield return new CbtIntervention("question", type, intervention.Question, null, segmentSeq);
        yield return new CbtIntervention("task", type, intervention.Task.Text, intervention.Task.Difficulty.ToString().ToLowerInvariant(), segmentSeq);
    }

    private static string Label(EmotionLabel label) => label.ToString().ToLowerInvariant();

    private static string RiskCode(RiskLevel level) => level == RiskLevel.High ? RiskLevels.High : RiskLevels.Elevated;
}
