using BeMore.Domain.Voice.SpeechToText;

namespace BeMore.Tests.SpeechToText;

public sealed class UtteranceBacklogTests
{
    [Fact]
    public void Enqueue_BeyondTheBound_DropsTheOldestOfThatSessionOnly()
    {
        var backlog = new UtteranceBacklog(maxQueuedPerSession: 2);

        var first = backlog.Enqueue(Job("a", 0));
        backlog.Enqueue(Job("a", 1000));
        backlog.Enqueue(Job("b", 0));
        var overflow = backlog.Enqueue(Job("a", 2000));

        Assert.True(first.BecameReady);
        Assert.Equal(0, overflow.Dropped?.StartMs);
        Assert.False(overflow.BecameReady);
        Assert.Equal(2, backlog.PendingCount("a"));
        Assert.Equal(1, backlog.PendingCount("b"));
    }

    [Fact]
    public void TryTakeNext_ServesInOrder_ThenUnschedulesSoTheNextEnqueueIsReadyAgain()
    {
        var backlog = new UtteranceBacklog(8);
        backlog.Enqueue(Job("a", 0));
        backlog.Enqueue(Job("a", 1000));

        var taken = new List<long>();
        while (backlog.TryTakeNext("a", out var job))
        {
            taken.Add(job!.StartMs);
        }

        Assert.Equal([0L, 1000L], taken);
        Assert.True(backlog.Enqueue(Job("a", 2000)).BecameReady);
    }

    [Fact]
    public void Discard_ReturnsWaitingJobsAndEmptiesTheSession()
    {
        var backlog = new UtteranceBacklog(8);
        backlog.Enqueue(Job("a", 0));
        backlog.Enqueue(Job("a", 1000));

        var discarded = backlog.Discard("a");

        Assert.Equal(2, discarded.Count);
        Assert.False(backlog.TryTakeNext("a", out _));
    }

    private static UtteranceJob Job(string sessionId, long startMs) =>
        new(sessionId, "owner", "stream", $"/nowhere/{sessionId}-{startMs}.wav", startMs, startMs + 500);
}
