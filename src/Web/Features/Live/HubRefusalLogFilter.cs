using Serilog.Core;
using Serilog.Events;

namespace BeMore.Web.Features.Live;

/// <summary>
/// SignalR logs every exception a hub method throws at Error with its stack, refusals included. The filter above
/// already logged each refusal once, sampled and without a stack, so SignalR's copy of those is dropped; every
/// other exception keeps its Error line.
/// </summary>
public sealed class HubRefusalLogFilter : ILogEventFilter
{
    public bool IsEnabled(LogEvent logEvent) => LiveErrors.CodeOf(logEvent?.Exception) is null;
}
