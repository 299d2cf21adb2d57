using System.Security.Claims;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Reports;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Web.Features.Reports.Rendering;
using BeMore.Web.Features.Sessions;
using BeMore.Web.Infrastructure.Audit;
using BeMore.Web.Infrastructure.Auth;
using BeMore.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace BeMore.Web.Features.Reports;

/// <summary>A session's report as JSON, PDF or CSV; always built from the session's events.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/api/session/{id}").WithTags("Reports").RequireAuthorization()
            .AddEndpointFilter<AuditedEndpointFilter>()
            .AddEndpointFilter(SessionsApi.RejectMalformedIds);
        reports.MapGet("/report", GetJsonAsync).WithName("session.report.read")
            .WithSummary("Read the report").WithDescription("The full report as JSON, built from the session's events.");
        reports.MapGet("/report.pdf", GetPdfAsync).WithName("session.report.pdf")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .WithSummary("Download the report as PDF").WithDescription("The report rendered as a PDF file.");
        reports.MapGet("/report.csv", GetCsvAsync).WithName("session.report.csv")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Download report data as CSV").WithDescription("One table of the report as CSV: kind is transcript, emotion, voice, distortions or conversation.");
        return endpoints;
    }

    private static async Task<Ok<SessionReport>> GetJsonAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await BuildAsync(grains, id, user));

    private static async Task<FileContentHttpResult> GetPdfAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, IOptions<ReportPdfOptions> options)
    {
        var report = await BuildAsync(grains, id, user);
        return TypedResults.File(ReportPdf.Render(report, options.Value), ReportPdf.ContentType, ReportPdf.FileName(id));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCsvAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, string? kind = null)
    {
        if (!ReportCsv.TryParseKind(kind, out var csvKind))
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError,
                "kind must be one of transcript, emotion, voice, distortions, conversation.");
        }

        var report = await BuildAsync(grains, id, user);
        return TypedResults.File(ReportCsv.Render(report, csvKind), ReportCsv.ContentType, ReportCsv.FileName(id, csvKind));
    }

    private static Task<SessionReport> BuildAsync(IGrainFactory grains, string id, ClaimsPrincipal user) =>
        grains.Reference<IReportGrain>(0).BuildAsync(id, user.UserId());
}
