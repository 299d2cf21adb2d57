using BeMore.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BeMore.Tests.Hosting;

/// <summary>Which start-up failures <see cref="HostRun"/> takes for the stop that was asked for, and which still fail the run.</summary>
public sealed class HostRunTests
{
    [Fact]
    public void Cancellation_AfterAStopRequest_IsTheRequestedStop()
    {
        using var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()).Build();
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.True(HostRun.IsStopRequestedDuringStart(host, new OperationCanceledException()));
    }

    [Fact]
    public void Cancellation_WithoutAStopRequest_IsAFailure()
    {
        // As when HostOptions.StartupTimeout runs out.
        using var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()).Build();

        Assert.False(HostRun.IsStopRequestedDuringStart(host, new OperationCanceledException()));
    }

    [Fact]
    public void OtherException_AfterAStopRequest_IsAFailure()
    {
        using var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()).Build();
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.False(HostRun.IsStopRequestedDuringStart(host, new InvalidOperationException()));
    }

    [Fact]
    public async Task Cancellation_AfterABackgroundServiceFailed_IsAFailure()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHostedService<FailingService>();
        using var host = builder.Build();
        var failing = host.Services.GetServices<IHostedService>().OfType<FailingService>().Single();
        await failing.StartAsync(CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.ExecuteTask!);

        // What the host does when a background service fails (BackgroundServiceExceptionBehavior.StopHost).
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.False(HostRun.IsStopRequestedDuringStart(host, new OperationCanceledException()));
    }

    private sealed class FailingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("The environment is broken.");
        }
    }
}
