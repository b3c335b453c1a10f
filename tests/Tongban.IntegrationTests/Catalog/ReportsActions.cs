using Tongban.Domain.Catalog;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>
/// What the report tests set up beyond <see cref="CatalogActions"/>: the demo city's departments that
/// implement one item in several regions, the content they start from, and the monthly case counters.
/// </summary>
internal static class ReportsActions
{
    public static readonly Guid City = DemoCity.MarketRegulation;
    public static readonly Guid Chuanshan = DemoCity.ChuanshanBigData;
    public static readonly Guid Pengxi = DemoCity.PengxiMarketRegulation;
    public static readonly Guid Shehong = DemoCity.ShehongMarketRegulation;

    /// <summary>Passes every submission rule; tests vary one element of it per region.</summary>
    public static readonly ImplementationContent Standard = CatalogActions.ValidContent("食品经营许可（测试）") with
    {
        Materials =
        [
            new MaterialRequirement { Key = "application", Name = "食品经营许可申请书" },
            new MaterialRequirement { Key = "layout", Name = "经营场所平面图", Necessity = MaterialNecessity.Optional },
        ],
    };

    /// <summary>Writes the monthly counters the case module keeps (ICatalog.RecordCaseStartedAsync), as they would stand after those months.</summary>
    public static Task CountCasesAsync(this TongbanApp app, Implementation implementation, params (DateOnly Month, int Cases)[] months) =>
        app.WithDbAsync(async db =>
        {
            db.AddRange(months.Select(m => new ImplementationUsage { ImplementationId = implementation.Id, Month = m.Month, Cases = m.Cases }));
            return await db.SaveChangesAsync();
        });
}
