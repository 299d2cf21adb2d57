using BeMore.Web.Features.Live;

namespace BeMore.Silo.Hosting;

/// <summary>
/// When membership declares a node dead, the session grains it hosted (and their observer lists) are gone: this node's
/// relays are re-subscribed at once, which re-activates those grains on live nodes, instead of waiting for the periodic
/// renewal. Pushes resume within the detection time plus one renewal round.
/// </summary>
internal sealed partial class RelayRenewalOnNodeLoss(
    IClusterMembershipService membership, SessionRelayRegistry relays, ILogger<RelayRenewalOnNodeLoss> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dead = new HashSet<SiloAddress>();
        var first = true;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var newlyDead = snapshot.Members.Values
                .Where(member => member.Status == SiloStatus.Dead && dead.Add(member.SiloAddress))
                .Select(member => member.SiloAddress)
                .ToList();
            // The first snapshot lists the nodes that died before this one started: nothing of theirs is relayed here.
            if (!first && newlyDead.Count > 0)
            {
                LogRenewing(logger, newlyDead);
                await relays.RenewAllAsync(stoppingToken);
            }

            first = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node(s) {Nodes} declared dead: re-subscribing this node's session relays")]
    private static partial void LogRenewing(ILogger logger, IReadOnlyList<SiloAddress> nodes);
}
