using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Reports;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Modules.Organisation;
using Tongban.Platform.Documents;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Features.UniformityReport;

/// <summary>One implementation whose element differs, as the report shows it.</summary>
public sealed record UniformityRow(ImplementationCode Implementation, string RegionName, string DepartmentName, string Value, string? Difference);

public sealed record ElementDivergence(string ElementName, string? Reference, ReferenceBasis Basis, IReadOnlyList<UniformityRow> Rows);

public sealed record ItemDivergences(BasicItemCode Code, string Name, int Implementations, IReadOnlyList<ElementDivergence> Elements);

/// <summary>The items with divergences in the reader's reach, and how many items with more than one implementation were compared.</summary>
public sealed record UniformityReport(IReadOnlyList<ItemDivergences> Items, int ComparedItems);

/// <summary>
/// 六统一比对: for every basic item with an implementation in the reader's reach and more than one
/// published implementation anywhere, compares the current published versions of all its
/// implementations (<see cref="Uniformity"/>) and keeps the differing implementations the reader
/// may see. The reference is city-wide, so a county sees where it departs from the city's standard.
/// Versions are streamed item by item in basic-code order, so memory holds one item's contents at a time.
/// </summary>
public sealed class UniformityReportHandler(TongbanDbContext db, IOrganisationDirectory organisation, CurrentUser me)
{
    public async Task<Result<UniformityReport>> HandleAsync(CancellationToken cancellationToken)
    {
        if (!ReportReach.Of(me).TryGet(out var reach, out var forbidden))
        {
            return forbidden;
        }

        var published = db.Set<CatalogSearchEntry>().AsNoTracking();
        var inReach = reach.Apply(published).Select(e => e.BasicCode);
        var implementedTwice = published.GroupBy(e => e.BasicCode).Where(g => g.Count() > 1).Select(g => g.Key);
        var versions =
            from e in published
            where inReach.Contains(e.BasicCode) && implementedTwice.Contains(e.BasicCode)
            join v in db.Set<ImplementationVersion>() on new { Id = e.ImplementationId, Number = e.VersionNumber } equals new { Id = v.ImplementationId, v.Number }
            join i in db.Set<CatalogItem>() on e.BasicCode equals i.Code
            orderby e.BasicCode, e.Code
            select new Published(e.BasicCode, i.Name, e.Code, e.RegionCode, e.DepartmentId, e.DepartmentName, v.ContentJson);

        var found = new List<(BasicItemCode Code, string Name, int Implementations, IReadOnlyList<Divergence> Divergences, IReadOnlyDictionary<ImplementationCode, Published> By)>();
        var compared = 0;
        var item = new List<Published>();
        await foreach (var version in versions.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (item.Count > 0 && item[0].BasicCode != version.BasicCode)
            {
                Compare(item);
                item.Clear();
            }

            item.Add(version);
        }

        if (item.Count > 0)
        {
            Compare(item);
        }

        var regions = await RegionNames.OfAsync(organisation, found.SelectMany(f => f.Divergences.SelectMany(d => d.Differing.Select(v => v.Region))), cancellationToken);
        return new UniformityReport(
            [.. found.Select(f => new ItemDivergences(f.Code, f.Name, f.Implementations, [.. f.Divergences.Select(d => new ElementDivergence(
                d.ElementName,
                d.Reference,
                d.Basis,
                [.. d.Differing.Select(v => new UniformityRow(v.Implementation, regions[v.Region], f.By[v.Implementation].DepartmentName, v.Value, v.Difference))]))]))],
            compared);

        void Compare(List<Published> implementations)
        {
            compared++;
            var by = implementations.ToDictionary(p => p.Code);
            var visible = Uniformity.Compare([.. implementations.Select(p => new UniformityEntry(p.Code, p.Region, CatalogJson.Deserialize(p.ContentJson)))])
                .Select(d => d with { Differing = [.. d.Differing.Where(v => reach.Covers(v.Region, by[v.Implementation].DepartmentId))] })
                .Where(d => d.Differing.Count > 0)
                .ToList();
            if (visible.Count > 0)
            {
                found.Add((implementations[0].BasicCode, implementations[0].ItemName, implementations.Count, visible, by));
            }
        }
    }

    /// <summary>The report as CSV: one line per differing implementation and element.</summary>
    public static byte[] ToCsv(UniformityReport report, IStringLocalizer<SharedResource> t) => CsvFile.Write(
        [t["基本编码"], t["事项名称"], t["要素"], t["比对基准"], t["基准值"], t["地区"], t["实施部门"], t["实施编码"], t["该地区的值"], t["差异"]],
        from item in report.Items
        from element in item.Elements
        from row in element.Rows
        select (IReadOnlyList<string>)[item.Code.Value, item.Name, element.ElementName, BasisName(element.Basis, t), element.Reference ?? "", row.RegionName, row.DepartmentName, row.Implementation.Value, row.Value, row.Difference ?? ""]);

    public static string BasisName(ReferenceBasis basis, IStringLocalizer<SharedResource> t) => basis switch
    {
        ReferenceBasis.MunicipalImplementation => t["市级实施清单"],
        ReferenceBasis.Majority => t["多数地区"],
        ReferenceBasis.NoMajority => t["无多数（各地取值不一）"],
    };

    private sealed record Published(BasicItemCode BasicCode, string ItemName, ImplementationCode Code, RegionCode Region, Guid DepartmentId, string DepartmentName, string ContentJson);
}
