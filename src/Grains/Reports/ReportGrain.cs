using BeMore.Domain.Analysis;
using BeMore.Domain.Reports;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;
using Orleans.Concurrency;

namespace BeMore.Grains.Reports;

[GrainType("report"), StatelessWorker]
public sealed class ReportGrain : Grain, IReportGrain
{
    public async Task<SessionReport> BuildAsync(string sessionId, string callerId)
    {
        var session = GrainFactory.Reference<ICounselingSessionGrain>(sessionId);
        var snapshot = await session.GetSnapshotAsync(callerId);
        // Up to the snapshot's seq only: events appended while the report is read belong to the next report.
        var events = await session.ReadAllAsync(callerId, snapshot.LastSeq);
        // The prose follows the reader's language preference; every figure and code is the same in either language.
        var preferences = await GrainFactory.Reference<IUserGrain>(callerId).GetPreferencesAsync();
        return SessionReportBuilder.Build(snapshot, events, TextLanguages.Resolve(preferences.Language, ""));
    }
}
