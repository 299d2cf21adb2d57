namespace BeMore.Domain.Voice;

/// <summary>
/// Minimum-statistics noise floor: the lowest frame level over a sliding window, kept as the minima of a fixed
/// number of blocks so each frame costs a few comparisons and no allocation. It falls at once when a quieter frame
/// arrives and rises only as quieter blocks leave the window.
/// </summary>
internal sealed class NoiseFloorTracker
{
    private const int BlockCount = 10;

    private readonly double[] _blockMinima = new double[BlockCount];
    private readonly int _framesPerBlock;
    private readonly double _digitalSilenceDb;
    private int _block;
    private int _framesInBlock;
    private double _completedBlocksMin = double.PositiveInfinity;

    public NoiseFloorTracker(VoiceActivityOptions options)
    {
        _framesPerBlock = Math.Max(1, options.NoiseFloorWindowMs / options.FrameMs / BlockCount);
        _digitalSilenceDb = options.DigitalSilenceDb;
        Array.Fill(_blockMinima, double.PositiveInfinity);
    }

    /// <summary>The floor in dBFS; null until a frame above digital silence has been seen.</summary>
    public double? FloorDb
    {
        get
        {
            var floor = Math.Min(_completedBlocksMin, _blockMinima[_block]);
            return double.IsPositiveInfinity(floor) ? null : floor;
        }
    }

    public void Observe(double levelDb)
    {
        if (levelDb < _digitalSilenceDb)
        {
            return;
        }

        _blockMinima[_block] = Math.Min(_blockMinima[_block], levelDb);
        if (++_framesInBlock < _framesPerBlock)
        {
            return;
        }

        _framesInBlock = 0;
        _block = (_block + 1) % BlockCount;
        _blockMinima[_block] = double.PositiveInfinity;
        _completedBlocksMin = double.PositiveInfinity;
        foreach (var minimum in _blockMinima)
        {
            _completedBlocksMin = Math.Min(_completedBlocksMin, minimum);
        }
    }
}
