using BeMore.Grains.Abstractions.Audit;
using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;

namespace BeMore.Tests.Grains;

/// <summary>References built from remembered types reach the grain Orleans' own lookup reaches, for every call after the first.</summary>
public sealed class GrainReferencesTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    [Fact]
    public void Reference_ByStringKey_IsTheGrainOrleansResolves_OnEveryCall()
    {
        var keys = new[] { "01a23cbb70be7aef96752e00c200f860", "another-session", "세션" };

        var built = keys.Select(key => cluster.Grains.Reference<ICounselingSessionGrain>(key)).ToList();
        var resolved = keys.Select(key => cluster.Grains.GetGrain<ICounselingSessionGrain>(key)).ToList();

        Assert.Equal(resolved.Select(Identity), built.Select(Identity));
        Assert.All(built, grain => Assert.IsAssignableFrom<ICounselingSessionGrain>(grain));
    }

    [Fact]
    public void Reference_ByIntegerKey_IsTheGrainOrleansResolves_OnEveryCall()
    {
        var keys = new long[] { 0, 7, long.MaxValue };

        var built = keys.Select(key => cluster.Grains.Reference<IAuditLogGrain>(key)).ToList();
        var resolved = keys.Select(key => cluster.Grains.GetGrain<IAuditLogGrain>(key)).ToList();

        Assert.Equal(resolved.Select(Identity), built.Select(Identity));
    }

    [Fact]
    public async Task Reference_OfAnotherInterface_KeepsItsOwnTypes_AndAnswersCalls()
    {
        var sessionId = Guid.NewGuid().ToString("N");
        _ = cluster.Grains.Reference<ICounselingSessionGrain>(sessionId);

        var counselor = cluster.Grains.Reference<ICounselorBudgetGrain>(sessionId);
        await counselor.SpendAsync(10);

        Assert.Equal(Identity(cluster.Grains.GetGrain<ICounselorBudgetGrain>(sessionId)), Identity(counselor));
        Assert.True(await cluster.Grains.Reference<ICounselorBudgetGrain>(sessionId).HasTokensLeftAsync(11));
        Assert.False(await cluster.Grains.Reference<ICounselorBudgetGrain>(sessionId).HasTokensLeftAsync(10));
    }

    private static (GrainId Grain, GrainInterfaceType Interface) Identity(object grain) =>
        (((GrainReference)grain).GrainId, ((GrainReference)grain).InterfaceType);
}
