using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Sessions;

namespace BeMore.Tests.Grains;

/// <summary>The lifecycle rules alone: allowed status changes, and what an ending records.</summary>
public sealed class SessionLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Transition_FromTheExpectedStatus_ChangesAndARepeatChangesNothing()
    {
        var pause = SessionLifecycle.Transition(SessionStatus.Active, SessionStatus.Paused, from: SessionStatus.Active, "paused");
        var again = SessionLifecycle.Transition(SessionStatus.Paused, SessionStatus.Paused, from: SessionStatus.Active, "paused");

        Assert.Equal(new StatusChanged(SessionStatus.Active, SessionStatus.Paused, "paused"), pause);
        Assert.Null(again);
    }

    [Fact]
    public void Transition_FromAnEndedSession_IsRefusedSayingWhy()
    {
        var refused = Assert.Throws<InvalidSessionStateException>(
            () => SessionLifecycle.Transition(SessionStatus.Ended, SessionStatus.Active, from: SessionStatus.Paused, "resumed"));

        Assert.Equal("A session that is ended cannot be resumed.", refused.Message);
    }

    [Fact]
    public void Ending_AfterAPause_RecordsTheStatusChangeAndTheTotals()
    {
        var state = new CounselingSessionState();
        state.Apply(new StatusChanged(null, SessionStatus.Active, "started"), T0, 1);
        state.Apply(new SessionEvent("s", 2, T0.AddMinutes(1), new TranscriptSegment("c", "three words here", 0, 1, "en", 3, "client")));
        state.Apply(new StatusChanged(SessionStatus.Active, SessionStatus.Paused, "paused"), T0.AddMinutes(4), 3);

        var ending = SessionLifecycle.Ending(state, "abandoned", T0.AddMinutes(10));

        Assert.Equal(new StatusChanged(SessionStatus.Paused, SessionStatus.Ended, "abandoned"), ending[0]);
        var ended = Assert.IsType<SessionEnded>(ending[1]);
        Assert.Equal((240_000L, 360_000L, 1, 3), (ended.ActiveDurationMs, ended.PausedDurationMs, ended.SegmentCount, ended.WordCount));
    }
}
