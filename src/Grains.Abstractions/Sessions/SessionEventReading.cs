namespace BeMore.Grains.Abstractions.Sessions;

public static class SessionEventReading
{
    /// <summary>Every event of the session up to <paramref name="throughSeq"/>, read page by page (the grain bounds each page).</summary>
    public static async Task<List<SessionEvent>> ReadAllAsync(this ICounselingSessionGrain session, string callerId, long throughSeq = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(session);
        const int PageSize = 1000;
        var events = new List<SessionEvent>();
        for (var after = 0L; after < throughSeq;)
        {
            var page = await session.GetEventsAsync(callerId, after, PageSize);
            events.AddRange(page.Where(e => e.Seq <= throughSeq));
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Seq;
        }

        return events;
    }
}
