namespace BeMore.Tests.Infrastructure;

/// <summary>
/// The xunit trait that sorts slow tests out of <c>./test.sh --fast</c>, which runs the tests of no category (units and
/// grain-level tests on an in-process test cluster). A test class whose fixture starts something heavy carries
/// <c>[Trait(TestCategory.Name, TestCategory.X)]</c>; each heavy fixture calls <see cref="EnsureAllowed"/>, so a class
/// that forgot its category fails the fast run with a message that says what to add, instead of slowing it down.
/// </summary>
public static class TestCategory
{
    public const string Name = "Category";

    /// <summary>The whole server in the test process, on Kestrel (<see cref="BeMoreWebFactory"/> and its kin).</summary>
    public const string Host = "Host";

    /// <summary>Silo processes started from the built executable.</summary>
    public const string Process = "Process";

    /// <summary>The throwaway PostgreSQL server.</summary>
    public const string Postgres = "Postgres";

    /// <summary>Chromium driving the web console.</summary>
    public const string E2E = "E2E";

    /// <summary>Set to 1 by <c>./test.sh --fast</c>.</summary>
    public const string FastRunVariable = "BEMORE_TESTS_FAST";

    public static void EnsureAllowed(string category, string fixture)
    {
        if (Environment.GetEnvironmentVariable(FastRunVariable) == "1")
        {
            throw new InvalidOperationException(
                $"{fixture} belongs to {category} tests, which the fast run leaves out: mark the test class [Trait(TestCategory.Name, TestCategory.{category})].");
        }
    }
}
