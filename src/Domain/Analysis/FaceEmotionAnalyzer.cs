namespace BeMore.Domain.Analysis;

/// <summary>One MediaPipe face-mesh landmark: x and y normalized to the image (y grows downwards), z relative depth.</summary>
public readonly record struct LandmarkPoint(double X, double Y, double Z);

/// <summary>
/// Face geometry, every length divided by the distance between the outer eye corners so that it
/// does not depend on how far the face is from the camera.
/// </summary>
/// <param name="MouthCornerLift">How far the mouth corners sit above the lip centre (negative: below).</param>
/// <param name="MouthOpening">Gap between the inner lips.</param>
/// <param name="BrowRaise">Distance from the middle of each brow to the upper eyelid under it.</param>
/// <param name="InnerBrowGap">Distance between the inner brow ends; a furrow pulls them together.</param>
/// <param name="EyeOpenness">Distance between the upper and lower eyelid.</param>
public readonly record struct FaceFeatures(double MouthCornerLift, double MouthOpening, double BrowRaise, double InnerBrowGap, double EyeOpenness)
{
    public static FaceFeatures operator +(FaceFeatures a, FaceFeatures b) => new(
        a.MouthCornerLift + b.MouthCornerLift, a.MouthOpening + b.MouthOpening, a.BrowRaise + b.BrowRaise,
        a.InnerBrowGap + b.InnerBrowGap, a.EyeOpenness + b.EyeOpenness);

    public static FaceFeatures operator -(FaceFeatures a, FaceFeatures b) => new(
        a.MouthCornerLift - b.MouthCornerLift, a.MouthOpening - b.MouthOpening, a.BrowRaise - b.BrowRaise,
        a.InnerBrowGap - b.InnerBrowGap, a.EyeOpenness - b.EyeOpenness);

    public static FaceFeatures operator *(FaceFeatures a, double factor) => new(
        a.MouthCornerLift * factor, a.MouthOpening * factor, a.BrowRaise * factor,
        a.InnerBrowGap * factor, a.EyeOpenness * factor);

    public static FaceFeatures Add(FaceFeatures a, FaceFeatures b) => a + b;

    public static FaceFeatures Subtract(FaceFeatures a, FaceFeatures b) => a - b;

    public static FaceFeatures Multiply(FaceFeatures a, double factor) => a * factor;
}

/// <summary>
/// Indices into the 468-point MediaPipe face mesh (canonical_face_model). "Right" is the subject's
/// right, which is on the left of an unmirrored image.
/// </summary>
public static class FaceMeshLandmarks
{
    public const int Count = 468;
    public const int MouthCornerRight = 61;
    public const int MouthCornerLeft = 291;
    public const int UpperLipInner = 13;
    public const int LowerLipInner = 14;
    public const int RightEyeOuterCorner = 33;
    public const int LeftEyeOuterCorner = 263;
    public const int RightEyeUpperLid = 159;
    public const int RightEyeLowerLid = 145;
    public const int LeftEyeUpperLid = 386;
    public const int LeftEyeLowerLid = 374;
    public const int RightBrowMiddle = 105;
    public const int LeftBrowMiddle = 334;
    public const int RightBrowInner = 107;
    public const int LeftBrowInner = 336;
}

public static class FaceGeometry
{
    /// <summary>Below this eye-corner distance (normalized units) the frame has no usable face.</summary>
    private const double MinimumFaceScale = 1e-3;

    /// <summary>Measures one frame; null when the points are degenerate (no face found, all zeros).</summary>
    public static FaceFeatures? Measure(IReadOnlyList<LandmarkPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < FaceMeshLandmarks.Count)
        {
            throw new ArgumentException($"A face-mesh frame has {FaceMeshLandmarks.Count} points, not {points.Count}.", nameof(points));
        }

        var scale = Distance(points[FaceMeshLandmarks.RightEyeOuterCorner], points[FaceMeshLandmarks.LeftEyeOuterCorner]);
        if (!(scale >= MinimumFaceScale))
        {
            return null;
        }

        var upperLip = points[FaceMeshLandmarks.UpperLipInner];
        var lowerLip = points[FaceMeshLandmarks.LowerLipInner];
        var lipCentreY = (upperLip.Y + lowerLip.Y) / 2;
        var cornersY = (points[FaceMeshLandmarks.MouthCornerRight].Y + points[FaceMeshLandmarks.MouthCornerLeft].Y) / 2;
        var browRaise = (Distance(points[FaceMeshLandmarks.RightBrowMiddle], points[FaceMeshLandmarks.RightEyeUpperLid])
            + Distance(points[FaceMeshLandmarks.LeftBrowMiddle], points[FaceMeshLandmarks.LeftEyeUpperLid])) / 2;
        var eyeOpenness = (Distance(points[FaceMeshLandmarks.RightEyeUpperLid], points[FaceMeshLandmarks.RightEyeLowerLid])
            + Distance(points[FaceMeshLandmarks.LeftEyeUpperLid], points[FaceMeshLandmarks.LeftEyeLowerLid])) / 2;

        return new FaceFeatures(
            MouthCornerLift: (lipCentreY - cornersY) / scale,
            MouthOpening: Distance(upperLip, lowerLip) / scale,
            BrowRaise: browRaise / scale,
            InnerBrowGap: Distance(points[FaceMeshLandmarks.RightBrowInner], points[FaceMeshLandmarks.LeftBrowInner]) / scale,
            EyeOpenness: eyeOpenness / scale);
    }

    private static double Distance(LandmarkPoint a, LandmarkPoint b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}

public sealed record FaceEmotionOptions
{
    /// <summary>The first frames of a session are taken as the person's neutral face.</summary>
    public int BaselineFrames { get; init; } = 15;

    /// <summary>Weight of the newest frame in the exponential moving average (0..1].</summary>
    public double SmoothingFactor { get; init; } = 0.3;

    /// <summary>A change of this size (in eye-corner distances) counts as one clear unit of expression.</summary>
    public double ExpressionUnit { get; init; } = 0.04;

    /// <summary>Expressions weaker than this many units read as neutral.</summary>
    public double MinimumExpression { get; init; } = 1.0;
}

/// <summary>
/// Face emotion for one session: it learns the person's own neutral face from the first frames,
/// then reads smoothed changes against it, because resting faces differ far more between people
/// than expressions do. One instance per session; not thread-safe (a grain's turns are serial).
/// </summary>
public sealed class FaceEmotionAnalyzer
{
    private readonly FaceEmotionOptions options;
    private FaceFeatures baselineSum;
    private int baselineCount;
    private FaceFeatures? smoothedChange;

    public FaceEmotionAnalyzer(FaceEmotionOptions? options = null)
    {
        this.options = options ?? new FaceEmotionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.BaselineFrames, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.options.SmoothingFactor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(this.options.SmoothingFactor, 1);
    }

    public bool IsCalibrated => baselineCount >= options.BaselineFrames;

    /// <summary>
    /// Adds one frame; answers the current reading, or null while the baseline is still being
    /// learnt or before any usable frame arrived after it.
    /// </summary>
    public EmotionReading? AddFrame(IReadOnlyList<LandmarkPoint> points)
    {
        var features = FaceGeometry.Measure(points);
        if (features is not { } measured)
        {
            return Current();
        }

        if (!IsCalibrated)
        {
            baselineSum += measured;
            baselineCount++;
            return null;
        }

        var change = measured - (baselineSum * (1.0 / baselineCount));
        smoothedChange = smoothedChange is { } previous
            ? (change * options.SmoothingFactor) + (previous * (1 - options.SmoothingFactor))
            : change;
        return Current();
    }

    private EmotionReading? Current() => smoothedChange is { } change ? Classify(change) : null;

    private EmotionReading Classify(FaceFeatures change)
    {
        var unit = options.ExpressionUnit;
        var lift = change.MouthCornerLift / unit;
        var open = change.MouthOpening / unit;
        var raise = change.BrowRaise / unit;
        var furrow = -change.InnerBrowGap / unit;
        var eyes = change.EyeOpenness / unit;

        Span<double> scores = stackalloc double[6];
        scores[(int)EmotionLabel.Joy] = Positive(lift) + (lift > 0 ? 0.3 * Positive(open) : 0) - Positive(furrow);
        scores[(int)EmotionLabel.Sadness] = Positive(-lift) + (0.3 * Positive(-eyes)) - Positive(open);
        scores[(int)EmotionLabel.Anger] = Positive(furrow) + (0.5 * Positive(-raise)) + (0.5 * Positive(-eyes)) - Positive(lift);
        scores[(int)EmotionLabel.Anxiety] = Positive(raise) + (0.8 * Positive(eyes)) + (0.3 * Positive(open)) - Positive(lift);

        var top = EmotionLabel.Joy;
        var second = double.NegativeInfinity;
        foreach (var label in (ReadOnlySpan<EmotionLabel>)[EmotionLabel.Sadness, EmotionLabel.Anger, EmotionLabel.Anxiety])
        {
            if (scores[(int)label] > scores[(int)top])
            {
                second = scores[(int)top];
                top = label;
            }
            else
            {
                second = Math.Max(second, scores[(int)label]);
            }
        }

        var strength = scores[(int)top];
        if (strength < options.MinimumExpression)
        {
            // A faint smile on an otherwise still face reads as calm rather than as nothing.
            var calm = lift > 0.3 * options.MinimumExpression && Math.Abs(furrow) < 0.5 && Math.Abs(raise) < 0.5;
            var label = calm ? EmotionLabel.Calm : EmotionLabel.Neutral;
            var (v, a) = EmotionPrototypes.Of(label);
            return new EmotionReading(label, v * 0.6, a, 0.4);
        }

        var intensity = Math.Clamp(strength / 3, 0, 1);
        var (valence, arousal) = EmotionPrototypes.Of(top);
        var confidence = 0.35 + (0.6 * Math.Clamp((strength - Math.Max(second, 0)) / (strength + 1), 0, 1));
        return new EmotionReading(
            top,
            Math.Clamp(valence * (0.4 + (0.6 * intensity)), -1, 1),
            Math.Clamp(arousal * (0.6 + (0.4 * intensity)), 0, 1),
            Math.Clamp(confidence, 0.05, 0.95));
    }

    private static double Positive(double value) => Math.Max(0, value);
}
