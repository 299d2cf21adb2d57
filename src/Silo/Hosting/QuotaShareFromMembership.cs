using BeMore.Web.Infrastructure.Security;

namespace BeMore.Silo.Hosting;

/// <summary>
/// Keeps this node's share of the per-client quotas in step with cluster membership: every change of the active nodes
/// (a node joining, leaving or declared dead) recomputes it, so the shares of the live nodes add up to one quota.
/// </summary>
internal sealed partial class QuotaShareFromMembership(
    IClusterMembershipService membership, ILocalSiloDetails self, NodeQuotaShare share, ILogger<QuotaShareFromMembership> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            // Ordered by address so every node that sees the same members agrees on who takes the remainder. This node
            // counts itself while it is still joining: it serves requests from then on.
            var live = snapshot.Members.Values
                .Where(member => member.Status == SiloStatus.Active)
                .Select(member => member.SiloAddress)
                .Append(self.SiloAddress)
                .Distinct()
                .Select(address => address.ToParsableString())
                .Order(StringComparer.Ordinal)
                .ToList();
            var rank = live.IndexOf(self.SiloAddress.ToParsableString());
            if (live.Count != share.LiveNodes)
            {
                LogShare(logger, live.Count);
            }

            share.Update(live.Count, rank);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Per-client rate limits: this node enforces its share for {LiveNodes} live node(s)")]
    private static partial void LogShare(ILogger logger, int liveNodes);
}
