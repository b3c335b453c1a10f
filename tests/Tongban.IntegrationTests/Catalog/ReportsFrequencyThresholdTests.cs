using Microsoft.AspNetCore.Hosting;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform;
using static Tongban.IntegrationTests.Catalog.ReportsActions;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>A city that calls an item high-frequency from 5 cases a year (Tongban:Catalog:HighFrequencyMinimumCases).</summary>
public abstract class ReportsFrequencyThresholdTests(TongbanApp app)
{
    [Fact]
    public async Task TheHighFrequencyThreshold_IsTheConfiguredNumberOfCases()
    {
        var item = await app.IssueItemAsync("食品经营许可（阈值）");
        var five = await app.PublishImplementationAsync(item, Standard, Pengxi);
        var four = await app.PublishImplementationAsync(item, Standard, Shehong);
        await app.CountCasesAsync(five, (new DateOnly(2026, 1, 1), 5));
        await app.CountCasesAsync(four, (new DateOnly(2026, 1, 1), 4));
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var text = Pages.Text(await admin.GetPageAsync("/admin/catalog/reports/frequency"));

        Assert.Contains("高频事项：期间内办件 5 件及以上", text);
        Assert.Contains($"{five.Code.Value} 蓬溪县市场监督管理局 蓬溪县 5 高频事项", text);
        Assert.Contains($"{four.Code.Value} 射洪市市场监督管理局 射洪市 4 低频事项", text);
    }
}

public sealed class FiveCasesThresholdSqliteApp() : TongbanApp(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tongban:Catalog:HighFrequencyMinimumCases", "5");
    }
}

public sealed class FiveCasesThresholdPostgresApp() : TongbanApp(DatabaseProvider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tongban:Catalog:HighFrequencyMinimumCases", "5");
    }
}

public sealed class ReportsFrequencyThresholdOnSqlite(FiveCasesThresholdSqliteApp app) : ReportsFrequencyThresholdTests(app), IClassFixture<FiveCasesThresholdSqliteApp>;

public sealed class ReportsFrequencyThresholdOnPostgres(FiveCasesThresholdPostgresApp app) : ReportsFrequencyThresholdTests(app), IClassFixture<FiveCasesThresholdPostgresApp>;
