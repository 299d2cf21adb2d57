using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Grains.Abstractions.Telemetry;

/// <summary>
/// One session activation's share of <see cref="BeMoreTelemetry.SessionsActive"/>: counted under its current status,
/// or not at all (null: not started, erased or deactivated). Used from the grain's turns only, so it needs no lock.
/// </summary>
public sealed class ActiveSessionTally
{
    private SessionStatus? _counted;

    public void Set(SessionStatus? status)
    {
        if (status == _counted)
        {
            return;
        }

        if (_counted is { } previous)
        {
            BeMoreTelemetry.SessionsActive.Add(-1, BeMoreTelemetry.StatusTag(previous));
        }

        if (status is { } current)
        {
            BeMoreTelemetry.SessionsActive.Add(1, BeMoreTelemetry.StatusTag(current));
        }

        _counted = status;
    }
}
