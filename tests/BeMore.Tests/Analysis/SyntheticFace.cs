using BeMore.Domain.Analysis;
using static BeMore.Domain.Analysis.FaceMeshLandmarks;

namespace BeMore.Tests.Analysis;

/// <summary>
/// A 468-point face-mesh frame built around the key landmarks, with the eye-corner distance as the
/// face's size. Expressions move the landmarks the way the muscles do (FACS): a smile lifts the
/// mouth corners (AU12), sadness pulls them down (AU15), anger draws the inner brows together and
/// down (AU4), fear raises the brows (AU1+2) and widens the eyes (AU5).
/// </summary>
internal sealed class SyntheticFace
{
    private readonly LandmarkPoint[] points;
    private readonly double size;

    private SyntheticFace(LandmarkPoint[] points, double size)
    {
        this.points = points;
        this.size = size;
    }

    /// <param name="centreX">Horizontal centre of the face in normalized image coordinates.</param>
    /// <param name="centreY">Vertical centre (between the eyes and the mouth).</param>
    /// <param name="size">Distance between the outer eye corners.</param>
    /// <param name="restingMouthLift">The person's own resting mouth-corner offset, in eye-corner distances.</param>
    public static SyntheticFace Neutral(double centreX = 0.5, double centreY = 0.5, double size = 0.2, double restingMouthLift = 0)
    {
        var points = Enumerable.Repeat(new LandmarkPoint(centreX, centreY, 0), Count).ToArray();
        void Set(int index, double dx, double dy) => points[index] = new LandmarkPoint(centreX + (dx * size), centreY + (dy * size), 0);

        Set(RightEyeOuterCorner, -0.5, -0.5);
        Set(LeftEyeOuterCorner, 0.5, -0.5);
        Set(RightEyeUpperLid, -0.3, -0.55);
        Set(RightEyeLowerLid, -0.3, -0.45);
        Set(LeftEyeUpperLid, 0.3, -0.55);
        Set(LeftEyeLowerLid, 0.3, -0.45);
        Set(RightBrowMiddle, -0.3, -0.75);
        Set(LeftBrowMiddle, 0.3, -0.75);
        Set(RightBrowInner, -0.15, -0.7);
        Set(LeftBrowInner, 0.15, -0.7);
        Set(UpperLipInner, 0, 0.475);
        Set(LowerLipInner, 0, 0.525);
        Set(MouthCornerRight, -0.25, 0.5 - restingMouthLift);
        Set(MouthCornerLeft, 0.25, 0.5 - restingMouthLift);
        return new SyntheticFace(points, size);
    }

    public IReadOnlyList<LandmarkPoint> Frame => points;

    public SyntheticFace Smile(double amount = 0.1) => Move((MouthCornerRight, 0, -amount), (MouthCornerLeft, 0, -amount), (LowerLipInner, 0, amount / 4));

    public SyntheticFace Frown(double amount = 0.08) =>
        Move((MouthCornerRight, 0, amount), (MouthCornerLeft, 0, amount), (RightEyeUpperLid, 0, 0.01), (LeftEyeUpperLid, 0, 0.01));

    public SyntheticFace Scowl(double amount = 0.1) => Move(
        (RightBrowInner, amount, amount / 2), (LeftBrowInner, -amount, amount / 2),
        (RightBrowMiddle, 0, amount / 2), (LeftBrowMiddle, 0, amount / 2),
        (RightEyeUpperLid, 0, 0.02), (LeftEyeUpperLid, 0, 0.02));

    public SyntheticFace Fear(double amount = 0.1) => Move(
        (RightBrowMiddle, 0, -amount), (LeftBrowMiddle, 0, -amount),
        (RightBrowInner, 0, -amount), (LeftBrowInner, 0, -amount),
        (RightEyeUpperLid, 0, -amount / 4), (LeftEyeUpperLid, 0, -amount / 4),
        (RightEyeLowerLid, 0, amount / 4), (LeftEyeLowerLid, 0, amount / 4));

    private SyntheticFace Move(params (int Index, double Dx, double Dy)[] moves)
    {
        var moved = (LandmarkPoint[])points.Clone();
        foreach (var (index, dx, dy) in moves)
        {
            var p = moved[index];
            moved[index] = p with { X = p.X + (dx * size), Y = p.Y + (dy * size) };
        }

        return new SyntheticFace(moved, size);
    }
}
