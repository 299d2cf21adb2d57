using System.ComponentModel.DataAnnotations;

namespace BeMore.Web.Infrastructure.Auth;

/// <summary>The Orleans dashboard (<c>BeMore:Dashboard</c>): operators only, off unless enabled.</summary>
public sealed class DashboardSettings
{
    public const string SectionName = "BeMore:Dashboard";

    /// <summary>
    /// This node takes part in the dashboard: it collects its statistics (a grain call filter and a per-node grain
    /// service the dashboard asks). Set it on every node of a cluster whose dashboard is served anywhere.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>When enabled, this node also serves the dashboard at <c>/dashboard</c> and its sign-in at <c>/dashboard/signin</c>.</summary>
    public bool ServeUi { get; set; } = true;

    /// <summary>
    /// How long a dashboard sign-in (its cookie) lasts. Every request still checks the account's security stamp and the
    /// operator list, so a password change, a sign-out everywhere or a removal from the list ends it within 60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromHours(8);
}
