using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Sessions;
using Orleans.Concurrency;

namespace BeMore.Grains.Reports;

[GrainType("report"), StatelessWorker]
public sealed class ReportGrain : Grain, IReportGrain
{
    public async Task<SessionReport> BuildAsync(string sessionId, string callerId)
    {
        var session = GrainFactory.GetGrain<ICounselingSessionGrain>(sessionId);
        var snapshot = await session.GetSnapshotAsync(callerId);
        // Up to the snapshot's seq only: events appended while the report is read belong to the next report.
        var events = new List<SessionEvent>();
        for (var after = 0L; after < snapshot.LastSeq;)
        {
            var page = await session.GetEventsAsync(callerId, after, CounselingSessionGrain.MaxEventPage);
            if (page.Count == 0)
            {
                break;
            }

            events.AddRange(page.Where(e => e.Seq <= snapshot.LastSeq));
            after = page[^1].Seq;
        }

        return SessionReportBuilder.Build(snapshot, events);
    }
}
