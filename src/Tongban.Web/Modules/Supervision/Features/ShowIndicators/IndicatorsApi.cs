using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Supervision.Features.MonthlyReport;
using Tongban.Platform.Http;

namespace Tongban.Modules.Supervision.Features.ShowIndicators;

/// <summary>GET /api/v1/supervision/indicators, …/indicators/breakdown and …/reports/monthly.</summary>
public static class IndicatorsApi
{
    private const string Filters = "Filters (all optional): region (12-digit code; default the caller's scope region), department (id), hall (id), item (31-char 实施编码), "
        + "channel (Web|Window|MobileApi|KioskApi), from and to (city dates yyyy-MM-dd, inclusive; default this month to date; to ≥ from, at most 3 years). "
        + "Supervisors, region admins and platform admins within their scope: a region or department outside it answers 404; a malformed value 400.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/indicators", async ([AsParameters] IndicatorQuery query, IndicatorReader reader, CancellationToken cancellationToken) =>
                (await reader.HandleAsync(query, cancellationToken)).ToOkOrProblem())
            .WithName("ShowSupervisionIndicators")
            .WithSummary("效能监管 indicators of a scope and period")
            .WithDescription("Every indicator (onlineAvailabilityRate, fullyOnlineRate, fullyOnlineCaseRate, oneWindowRate, atMostOneVisitRate, zeroVisitRate, onlineApplicationShare, "
                + "averageHandlingDays, p90HandlingDays, limitCompressionRate, onTimeRate, overdueRate, activeRatingRate, goodRatingRate, rectificationRate, deficiencyAcceptanceRate, commitmentRate) "
                + "with its value (a share 0..1 with unit \"%\", or working days; null when the denominator is 0), numerator, denominator and formula, plus the scope and refreshedAt "
                + "(the oldest refresh of the period's days: case and rating counters come from daily pre-aggregates; items are counted from the catalog and open/overdue cases live). " + Filters)
            .Produces<IndicatorsAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/indicators/breakdown", async (string? by, [AsParameters] IndicatorQuery query, IndicatorReader reader, CancellationToken cancellationToken) =>
                (await reader.BreakdownAsync(by, query, cancellationToken)).ToOkOrProblem())
            .WithName("BreakDownSupervisionIndicators")
            .WithSummary("效能监管 indicators per child region, department or month")
            .WithDescription("by=region: one row per child region of the scope region (key its code); by=department: one row per department of the scope region itself (key its id); "
                + "by=month: one row per calendar month of the period (key yyyy-MM). Each row has the indicators of GET /api/v1/supervision/indicators. " + Filters)
            .Produces<BreakdownAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/reports/monthly", ReportAsync)
            .WithName("SupervisionMonthlyReport")
            .WithSummary("效能监管 monthly report (CSV or PDF)")
            .WithDescription("month=yyyy-MM, region and department as for the indicators, format=csv (default; UTF-8 with BOM: one row per indicator with value, numerator, denominator and formula "
                + "for the scope, then the same per child region) or pdf (title, period, scope, the indicator table with formulas, then a table per child region). 400 for a malformed month or format.")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv", "application/pdf")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportAsync(
        string? month, string? region, string? department, string? format, MonthlyReportHandler reports, CancellationToken cancellationToken) =>
        (await reports.HandleAsync(month, region, department, format, cancellationToken)).TryGet(out var file, out var error)
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : error.ToProblem();
}
