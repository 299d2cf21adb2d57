using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using BeMore.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace BeMore.Web.Features.Live;

/// <summary>
/// Per-method message limits, enforced as each invocation is read. The transport's own cap closes the connection with
/// no code, so it is set above these limits (<see cref="LiveHubOptions.MaximumReceiveMessageSize"/>) and an invocation
/// over its method's limit is answered PAYLOAD_TOO_LARGE instead, the connection staying open.
/// </summary>
public static class HubMessageLimits
{
    private static readonly Dictionary<string, int> ByMethod = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(SessionHub.SendLandmarks)] = LiveHubOptions.MaxLandmarksMessageBytes,
    };

    /// <summary>Largest message, in bytes, that a call of <paramref name="method"/> may take.</summary>
    public static int Of(string method) => ByMethod.GetValueOrDefault(method, LiveHubOptions.MaxMessageBytes);

    /// <summary>Wraps every registered hub protocol (JSON, MessagePack) so its invocations are measured.</summary>
    public static ISignalRServerBuilder LimitMessagesPerMethod(this ISignalRServerBuilder signalR)
    {
        ArgumentNullException.ThrowIfNull(signalR);
        var services = signalR.Services;
        foreach (var registered in services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType is not null).ToList())
        {
            services.Remove(registered);
            var protocol = registered.ImplementationType!;
            services.AddSingleton<IHubProtocol>(provider => new Measured((IHubProtocol)ActivatorUtilities.CreateInstance(provider, protocol)));
        }

        return signalR;
    }

    /// <summary>A protocol that reads as the one it wraps, and turns an over-limit invocation into a refusal.</summary>
    private sealed class Measured(IHubProtocol inner) : IHubProtocol
    {
        public string Name => inner.Name;

        public int Version => inner.Version;

        public TransferFormat TransferFormat => inner.TransferFormat;

        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
        {
            var before = input.Length;
            if (!inner.TryParseMessage(ref input, binder, out message))
            {
                return false;
            }

            var bytes = before - input.Length;
            if (message is HubMethodInvocationMessage invocation && bytes > Of(invocation.Target))
            {
                // SignalR answers a binding failure with the HubException's message, as it does a refusal thrown by the hub.
                var refusal = LiveErrors.Hub(ErrorCodes.PayloadTooLarge, $"a {invocation.Target} message may take at most {Of(invocation.Target)} bytes; this one took {bytes}.");
                message = new InvocationBindingFailureMessage(invocation.InvocationId, invocation.Target, ExceptionDispatchInfo.Capture(refusal));
            }

            return true;
        }
    }
}
