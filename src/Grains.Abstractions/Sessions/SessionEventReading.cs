namespace BeMore.Grains.Abstractions.Sessions;

public static class SessionEventReading
{
    /// <summary>The most events one <see cref="ICounselingSessionGrain.GetEventsAsync"/> call returns: the page cap of the log, REST and the hub's catch-up.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Every event of the session up to <paramref name="throughSeq"/>, read page by page (the grain bounds each page).</summary>
    public static async Task<List<SessionEvent>> ReadAllAsync(this ICounselingSessionGrain session, string callerId, long throughSeq = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(session);
        var events = new List<SessionEvent>();
        for (var after = 0L; after < throughSeq;)
        {
            var page = await session.GetEventsAsync(callerId, after, MaxPageSize);
            events.AddRange(page.Where(e => e.Seq <= throughSeq));
            if (page.Count < MaxPageSize)
            {
                break;
            }

            after = page[^1].Seq;
        }

        return events;
    }
}
