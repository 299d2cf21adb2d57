using System.ComponentModel.DataAnnotations;

namespace BeMore.Grains.Users;

/// <summary>Brute-force throttling per (email, client address) (<c>BeMore:Auth:Lockout</c>).</summary>
public sealed class LoginThrottleOptions
{
    public const string SectionName = "BeMore:Auth:Lockout";

    /// <summary>Wrong passwords one address may give for one email before it has to wait between attempts.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long an address's failures are remembered after its last one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The first wait; each further failure doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts of one address.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failures for one email from all addresses together (within <see cref="Window"/>) beyond which every address that
    /// has failed waits from its first failure on: a spread-out guessing campaign is slowed; fresh addresses, the owner's
    /// among them, still reach the password check.
    /// </summary>
    [Range(1, 100_000)]
    public int EmailMaxFailures { get; set; } = 20;
}
