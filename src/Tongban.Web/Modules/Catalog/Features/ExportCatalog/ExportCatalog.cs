using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Documents;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.ExportCatalog;

public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// 导出: every basic item and every implementation the caller reviews (platform admins: all; region
/// admins: their region's), each implementation by its latest published version or, never published,
/// its draft. JSON is the lossless <c>tongban-catalog/1</c> document; CSV the spreadsheet of implementations.
/// </summary>
public sealed class ExportCatalogHandler(TongbanDbContext db, IOrganisationDirectory organisation, CatalogAccess access, CityClock clock)
{
    public const string JsonContentType = "application/json";

    public async Task<Result<ExportedFile>> HandleAsync(CatalogFileFormat format, CancellationToken cancellationToken)
    {
        if (!access.IsReviewer)
        {
            return new Forbidden("catalog.export-forbidden");
        }

        var items = (await db.Set<CatalogItem>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(i => i.Code.Value, StringComparer.Ordinal).ToList();
        var implementations = (await CatalogExchange.LoadAsync(db, db.Set<Implementation>().AsNoTracking(), cancellationToken))
            .Where(e => access.CanReview(e.Implementation))
            .ToList();
        var name = $"tongban-catalog-{clock.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        return format switch
        {
            CatalogFileFormat.Json => new ExportedFile(name + ".json", JsonContentType, Encoding.UTF8.GetBytes(Document(items, implementations).ToJson())),
            CatalogFileFormat.Csv => new ExportedFile(name + ".csv", CsvFile.ContentType, CsvFile.Write(CatalogCsv.Headers, await RowsAsync(items, implementations, cancellationToken))),
        };
    }

    private static CatalogDocument Document(List<CatalogItem> items, List<ExchangedImplementation> implementations) => new()
    {
        Items = [.. items.Select(DocumentItem.From)],
        Implementations = [.. implementations.Select(e => new DocumentImplementation
        {
            Code = e.Implementation.Code.Value,
            RegionCode = e.Implementation.RegionCode.Value,
            Status = e.Status,
            Content = e.Content,
        })],
    };

    private async Task<IEnumerable<IReadOnlyList<string>>> RowsAsync(List<CatalogItem> items, List<ExchangedImplementation> implementations, CancellationToken cancellationToken)
    {
        var types = items.ToDictionary(i => i.Code, i => i.Type);
        var departments = await DepartmentNames.OfAsync(organisation, implementations.Select(e => e.Implementation.DepartmentId), cancellationToken);
        return implementations.Select(e => CatalogCsv.Cells(new CsvRow(
            e.Implementation.Code,
            types[e.Implementation.BasicCode],
            departments.TryGetValue(e.Implementation.DepartmentId, out var department) ? department.Name : "",
            e.Implementation.RegionCode,
            e.Status,
            e.Status == DocumentStatus.Published ? e.Implementation.PublishedVersion : null,
            e.Content)));
    }
}
