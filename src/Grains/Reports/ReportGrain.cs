using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Sessions;
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
        var events = await session.ReadAllAsync(callerId, snapshot.LastSeq);
        return SessionReportBuilder.Build(snapshot, events);
    }
}
