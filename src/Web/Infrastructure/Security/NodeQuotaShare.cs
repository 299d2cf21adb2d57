namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// This node's part of each per-client quota, so that a client's budget is the same whichever nodes its requests reach:
/// the quota is split over the live nodes (read from cluster membership), the first <c>limit % nodes</c> of them in
/// address order taking one permit more, so the parts add up to exactly the quota. With one node (or with
/// <see cref="RateLimitOptions.SplitAcrossNodes"/> off) a node enforces the whole quota.
/// </summary>
public sealed class NodeQuotaShare(Microsoft.Extensions.Options.IOptions<RateLimitOptions> options)
{
    private readonly bool _split = options.Value.SplitAcrossNodes;
    private volatile Standing _standing = new(1, 0);

    /// <summary>Live nodes as this node last saw them (at least 1, this one).</summary>
    public int LiveNodes => _standing.LiveNodes;

    /// <summary>Called whenever membership changes; <paramref name="rank"/> is this node's place among the live nodes.</summary>
    public void Update(int liveNodes, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(liveNodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, liveNodes);
        _standing = new Standing(liveNodes, rank);
    }

    /// <summary>The permits of <paramref name="limit"/> this node grants one client per window.</summary>
    public int Of(int limit)
    {
        var standing = _standing;
        if (!_split || standing.LiveNodes == 1)
        {
            return limit;
        }

        return (limit / standing.LiveNodes) + (standing.Rank < limit % standing.LiveNodes ? 1 : 0);
    }

    private sealed record Standing(int LiveNodes, int Rank);
}
