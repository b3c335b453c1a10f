using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Platform.Http;

namespace Tongban.Modules.Exchange.Features.ExportRecords;

/// <summary>GET /api/v1/exchange/export.</summary>
public static class ExportRecordsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/export", ExportAsync)
            .WithName("ExportExchangeRecords")
            .WithSummary("办件数据交换: export 受理, 过程, 结果 or 特别程序 records as a new batch (CSV or JSON)")
            .WithDescription("kind=accepted|process|result|special, from and to (city dates yyyy-MM-dd, inclusive; default this month; at most one year), format=csv (default; UTF-8 with BOM, Chinese headers) "
                + "or json ({batchNumber, kind, from, to, rowCount, rows}), resend=true to send again unchanged records. Each call records a batch numbered {region}{yyyyMMdd}{sequence:0000}; "
                + "every row carries 批次号, 同步类型 (I: first sent, U: changed since it was sent) and 同步时间. A record sent before unchanged is left out. Data officers and supervisors: "
                + "their region; the platform admin: the city. 400 for an unknown kind or format or a bad period; 409 when another export of the region ran at the same moment.")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv", "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string? kind, string? from, string? to, string? format, bool? resend, ExportRecordsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ExportQuery(kind, from, to, format, resend), cancellationToken)).TryGet(out var file, out var error)
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : error.ToProblem();
}
