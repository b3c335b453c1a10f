using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Reports;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Catalog.Persistence;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>The demo catalog, seeded through the import use case: enough realistic items, every one within the rules, every special case shown.</summary>
public abstract class ImportExportDemoCatalogTests(TongbanApp app)
{
    [Fact]
    public async Task DemoCatalog_HasAtLeast30PublishedImplementations_EachPassingTheRules()
    {
        var published = await app.PublishedContentsAsync();

        Assert.True(published.Count >= 30, $"{published.Count} published implementations");
        Assert.All(published, p => Assert.Empty(CatalogRules.ForSubmission(p.Content, CatalogPolicy.Default)));
        Assert.True(published.Average(p => CatalogRules.CompressionRatio(p.Content)) >= 0.6, "promised limits average at least 60% shorter than statutory");
        var regions = published.Select(p => p.Code.ImplementingBody.RegionCode).ToHashSet();
        Assert.Superset(new HashSet<string> { "510900", "510921", "510981" }, regions);
    }

    [Fact]
    public async Task DemoCatalog_ShowsEverySpecialCase()
    {
        var contents = (await app.PublishedContentsAsync()).Select(p => p.Content).ToList();

        Assert.Contains(contents, c => c.Materials.Count == 0);                                                       // 零材料
        Assert.Contains(contents, c => c.CommitmentAllowed && c.Materials.Any(m => m.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment))); // 告知承诺
        Assert.Contains(contents, c => c.Materials.Any(m => m.DeficiencyAllowed));                                     // 容缺
        Assert.Contains(contents, c => c.HandlingKind == HandlingKind.Instant && c.PromisedLimit.Amount == 0);         // 即办件
        Assert.Contains(contents, c => c.ServiceScope == ServiceScope.CityWide);                                       // 全市通办
        Assert.Contains(contents, c => c.OnlineDepth == OnlineDepth.FullyOnline && c.Visits == VisitCount.Zero);       // 全程网办
        Assert.True(contents.Count(c => c.Situations.Count > 0) >= 5, "several items ask situation questions");
        Assert.Superset(
            new HashSet<string> { "person.name", "person.idNumber", "person.phone", "person.address", "enterprise.name", "enterprise.uscc", "enterprise.legalRepresentative" },
            contents.SelectMany(c => c.Form).Select(f => f.Prefill).OfType<string>().ToHashSet());
        Assert.Superset(new HashSet<string> { "出生", "结婚", "开办企业", "就业", "购房", "建设工程", "身后" }, contents.SelectMany(c => c.LifeEvents).ToHashSet());
    }

    [Fact]
    public async Task DemoCatalog_ImplementsAnItemInSeveralCounties_WithOneDiverging()
    {
        var published = await app.PublishedContentsAsync();

        var inCounties = published.Where(p => p.Code.ExerciseLevel == Domain.Primitives.ExerciseLevel.County)
            .GroupBy(p => p.Code.BasicCode)
            .Where(g => g.Count() >= 2)
            .ToList();

        Assert.Contains(inCounties, g => g.Select(p => (p.Content.PromisedLimit.Amount, p.Content.Materials.Count)).Distinct().Count() > 1);
    }

    [Fact]
    public async Task DemoUsage_PutsImplementationsInEveryFrequencyClass()
    {
        var (first, last) = FrequencyPolicy.WindowEnding(DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).Date));
        var published = (await app.PublishedContentsAsync()).Select(p => p.Code).ToList();
        var cases = await app.WithDbAsync(db => db.Set<ImplementationUsage>()
            .Where(u => u.Month >= first && u.Month <= last)
            .GroupBy(u => u.ImplementationId)
            .Select(g => g.Sum(u => u.Cases))
            .ToListAsync());
        var policy = new FrequencyPolicy();

        Assert.Contains(cases, c => policy.Classify(c) == FrequencyClass.High);
        Assert.Contains(cases, c => policy.Classify(c) == FrequencyClass.Low);
        Assert.True(published.Count > cases.Count, "some published implementations have had no case (僵尸事项)");
    }
}

public sealed class ImportExportDemoCatalogOnSqlite(SqliteApp app) : ImportExportDemoCatalogTests(app), IClassFixture<SqliteApp>;

public sealed class ImportExportDemoCatalogOnPostgres(PostgresApp app) : ImportExportDemoCatalogTests(app), IClassFixture<PostgresApp>;
