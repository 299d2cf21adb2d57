using System.Text.Json;
using System.Text.Json.Serialization;
using BeMore.Web.Features.Admin;
using BeMore.Web.Features.Auth;
using BeMore.Web.Features.Counselor;
using BeMore.Web.Features.Dashboard;
using BeMore.Web.Features.Emotion;
using BeMore.Web.Features.Errors;
using BeMore.Web.Features.Sessions;
using BeMore.Web.Features.SpeechToText;
using BeMore.Web.Features.Health;
using BeMore.Web.Features.Live;
using BeMore.Web.Features.Reports;
using BeMore.Web.Features.Reports.Rendering;
using BeMore.Web.Features.Users;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Errors;
using BeMore.Web.Infrastructure.Logging;
using BeMore.Web.Infrastructure.OpenApi;
using BeMore.Web.Infrastructure.Security;
using BeMore.Web.Infrastructure.Telemetry;
using BeMore.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using Serilog;

namespace BeMore.Web;

/// <summary>The web tier's composition: what Program.cs calls, nothing else.</summary>
public static class WebComposition
{
    public static WebApplicationBuilder AddBeMoreWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        services.AddOptions<ReportPdfOptions>().BindConfiguration(ReportPdfOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServerInfo>();
        services.AddBeMoreProblemDetails();
        services.AddBeMoreAuth();
        services.AddValidation();
        services.AddSingleton<InputValidator>();
        services.AddSingleton<PasswordHashing>();
        services.AddAuthApi();
        services.AddSingleton<QueuedAuditWriter>();
        // After the silo (AddBeMoreOrleans comes first), so it stops, storing what is queued, while grains still answer.
        services.AddHostedService(provider => provider.GetRequiredService<QueuedAuditWriter>());
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditedEndpointFilter>();
        services.AddHealthChecks();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddBeMoreOpenApi();
        services.AddHubTelemetry();
        services.AddLiveHub();
        builder.AddBeMoreSecurity();
        services.AddSttApi();
        return builder;
    }

    public static WebApplication UseBeMoreWeb(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SessionLogContextMiddleware>();
        // The host's own Serilog logger: the middleware's fallback is the process-wide static one, which this host leaves alone.
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = NodeLossLogFilter.RequestLevel;
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBeMoreSecurity();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapBeMoreWeb(this WebApplication app)
    {
        app.MapHealthApi();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapAdminApi();
        app.MapSessionsApi();
        app.MapCounselorApi();
        app.MapReportsApi();
        app.MapDashboardApi();
        app.MapEmotionApi();
        app.MapSttApi();
        app.MapLiveHub();
        app.MapErrorsApi();
        if (app.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>()?.ExposeDocs == true)
        {
            app.MapOpenApi();
            app.MapLiveAsyncApi();
            app.MapScalarApiReference();
        }

        return app;
    }
}
