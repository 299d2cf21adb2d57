using System.ComponentModel.DataAnnotations;

namespace BeMore.Grains.Users;

/// <summary>Refresh-token settings the user grain applies (<c>BeMore:Auth</c>).</summary>
public sealed class RefreshTokenOptions
{
    public const string SectionName = "BeMore:Auth";

    /// <summary>
    /// How long one sign-in (a refresh family) lasts, however often it is rotated: a stolen refresh token cannot be
    /// kept alive forever, and every user proves the password again at least this often.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
