namespace BeMore.Grains.Abstractions.Reports;

/// <summary>
/// Builds a session's report from its events, off the session grain's turn (a stateless worker), so a long report
/// never delays the session's live inputs. Ownership is checked by the session grain it reads from.
/// </summary>
[Alias("bemore.IReportGrain")]
public interface IReportGrain : IGrainWithIntegerKey
{
    [Alias("Build")]
    Task<SessionReport> BuildAsync(string sessionId, string callerId);
}
