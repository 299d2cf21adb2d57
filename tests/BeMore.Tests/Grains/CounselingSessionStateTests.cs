using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Sessions;

namespace BeMore.Tests.Grains;

public sealed class CounselingSessionStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Durations_AcrossSeveralPauses_SplitActiveAndPausedTime()
    {
        var state = new CounselingSessionState();
        state.Apply(new StatusChanged(null, SessionStatus.Active, "started"), T0, 1);
        state.Apply(new StatusChanged(SessionStatus.Active, SessionStatus.Paused, "paused"), T0.AddMinutes(10), 2);
        state.Apply(new StatusChanged(SessionStatus.Paused, SessionStatus.Active, "resumed"), T0.AddMinutes(15), 3);
        state.Apply(new StatusChanged(SessionStatus.Active, SessionStatus.Paused, "paused"), T0.AddMinutes(20), 4);
        state.Apply(new StatusChanged(SessionStatus.Paused, SessionStatus.Active, "resumed"), T0.AddMinutes(21), 5);

        var now = T0.AddMinutes(30);

        Assert.Equal((long)TimeSpan.FromMinutes(24).TotalMilliseconds, state.ActiveMsAt(now));
        Assert.Equal((long)TimeSpan.FromMinutes(6).TotalMilliseconds, state.PausedMsAt(now));
        Assert.Equal(5, state.AppliedSeq);
    }

    [Fact]
    public void Durations_AfterEnd_StopGrowing()
    {
        var state = new CounselingSessionState();
        state.Apply(new StatusChanged(null, SessionStatus.Active, "started"), T0, 1);
        state.Apply(new StatusChanged(SessionStatus.Active, SessionStatus.Paused, "paused"), T0.AddMinutes(5), 2);
        state.Apply(new StatusChanged(SessionStatus.Paused, SessionStatus.Ended, "ended"), T0.AddMinutes(7), 3);

        var muchLater = T0.AddHours(5);

        Assert.Equal((long)TimeSpan.FromMinutes(5).TotalMilliseconds, state.ActiveMsAt(muchLater));
        Assert.Equal((long)TimeSpan.FromMinutes(2).TotalMilliseconds, state.PausedMsAt(muchLater));
        Assert.Equal(T0.AddMinutes(7), state.EndedAt);
    }
}
