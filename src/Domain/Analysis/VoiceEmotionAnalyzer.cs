namespace BeMore.Domain.Analysis;

/// <summary>
/// Voice emotion from prosody, relative to the speaker's own voice in this session (as the face analyser is relative to
/// the face's neutral baseline): people differ far more from each other than one person's voice moves with feeling.
/// Loudness and pitch level together give activation; pitch spread tells lively speech from flat speech (raised,
/// lively voice: joy, or anger when also much louder; raised, flat voice: anxiety; lowered, flat voice: sadness;
/// lowered but varied: calm). Prosody says little about valence, so readings stay low in confidence and the
/// fusion weighs them accordingly. The first utterances only set the baseline.
/// </summary>
public sealed class VoiceEmotionAnalyzer
{
    /// <summary>Utterances heard before a reading is given: the baseline needs a spread to compare against.</summary>
    public const int BaselineUtterances = 2;

    private const double MaxConfidence = 0.6;

    private readonly RunningSpread _pitch = new(minimum: 1.0);
    private readonly RunningSpread _pitchSpread = new(minimum: 0.5);
    private readonly RunningSpread _level = new(minimum: 2.0);

    /// <summary>Reads one utterance against the utterances before it, then adds it to the baseline; null while the baseline forms.</summary>
    public EmotionReading? Add(double pitchSemitones, double pitchSpreadSemitones, double levelDb)
    {
        EmotionReading? reading = null;
        if (_pitch.Count >= BaselineUtterances)
        {
            var loudness = _level.Score(levelDb);
            var activation = (loudness + _pitch.Score(pitchSemitones)) / 2;
            var liveliness = _pitchSpread.Score(pitchSpreadSemitones);
            reading = Read(activation, liveliness, loudness);
        }

        _pitch.Add(pitchSemitones);
        _pitchSpread.Add(pitchSpreadSemitones);
        _level.Add(levelDb);
        return reading;
    }

    private static EmotionReading Read(double activation, double liveliness, double loudness)
    {
        var label = activation switch
        {
            >= 1 when liveliness >= 0.5 => loudness >= 2 ? EmotionLabel.Anger : EmotionLabel.Joy,
            >= 1 => EmotionLabel.Anxiety,
            <= -1 when liveliness <= 0 => EmotionLabel.Sadness,
            <= -1 => EmotionLabel.Calm,
            _ => EmotionLabel.Neutral,
        };
        var strength = Math.Clamp(Math.Abs(activation) / 2, 0, 1);
        var arousal = Math.Clamp(EmotionPrototypes.Of(EmotionLabel.Neutral).Arousal + (0.3 * activation), 0, 1);
        if (label == EmotionLabel.Neutral)
        {
            return new EmotionReading(label, 0, arousal, 0.3);
        }

        return new EmotionReading(label, EmotionPrototypes.Of(label).Valence * strength, arousal, Math.Min(MaxConfidence, 0.3 + (0.3 * strength)));
    }

    /// <summary>Mean and spread of a measure so far (Welford), with a floor on the spread so a steady speaker's small wobble is not read as feeling.</summary>
    private sealed class RunningSpread(double minimum)
    {
        private double _mean;
        private double _squares;

        public int Count { get; private set; }

        public void Add(double value)
        {
            Count++;
            var delta = value - _mean;
            _mean += delta / Count;
            _squares += delta * (value - _mean);
        }

        /// <summary>How many spreads <paramref name="value"/> lies above (or below) the mean.</summary>
        public double Score(double value) => (value - _mean) / Math.Max(minimum, Count > 1 ? Math.Sqrt(_squares / (Count - 1)) : 0);
    }
}
