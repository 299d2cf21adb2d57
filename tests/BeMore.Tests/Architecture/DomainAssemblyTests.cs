using System.Reflection;

namespace BeMore.Tests.Architecture;

/// <summary>
/// The domain (analysis, voice, report building) is plain .NET: it reads the wire records of Grains.Abstractions but
/// leans on neither Orleans nor ASP.NET, so it can be tested and benchmarked without a silo or a web host.
/// </summary>
public sealed class DomainAssemblyTests
{
    private static readonly string[] ForbiddenPrefixes = ["Orleans", "Microsoft.Orleans", "Microsoft.AspNetCore"];

    [Fact]
    public void DomainAssembly_ReferencesNoOrleansOrAspNetCoreAssembly()
    {
        var references = Assembly.Load("BeMore.Domain").GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        Assert.Contains("BeMore.Grains.Abstractions", references);
        Assert.DoesNotContain(references, name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    /// <summary>ML.NET trains the models; a node reads their compact files and never loads ML.NET (its model load was most of a node's start-up).</summary>
    [Fact]
    public void DomainAssembly_ReferencesNoMlNetAssembly()
    {
        var references = Assembly.Load("BeMore.Domain").GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.ML", StringComparison.Ordinal));
    }
}
