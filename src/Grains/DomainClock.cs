namespace BeMore.Grains;

/// <summary>
/// BeMore's grains read time from the <see cref="TimeProvider"/> registered under this key, so tests can drive the
/// domain's clock (durations, idle timeouts, retention) without touching the one Orleans itself runs on.
/// </summary>
public static class DomainClock
{
    public const string Key = "bemore.domain";
}
