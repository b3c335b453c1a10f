using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>The exchange format loses nothing: what one platform exports, another imports and exports again, byte for byte.</summary>
public abstract class ImportExportRoundTripTests(TongbanApp demo, TongbanApp empty)
{
    [Fact]
    public async Task ExportImportedIntoAnEmptyCatalog_ExportsTheSameDocument()
    {
        var exported = await (await demo.ApiClientAsync("ADMIN")).ExportAsync();
        var target = await empty.ApiClientAsync("ADMIN");
        Assert.Equal(0, JsonDocument.Parse(await target.ExportAsync()).RootElement.GetProperty("items").GetArrayLength());

        var summary = await target.ImportedAsync(exported);
        var again = await target.ExportAsync();

        var document = JsonDocument.Parse(exported).RootElement;
        Assert.Equal(document.GetProperty("items").GetArrayLength(), summary.GetProperty("itemsIssued").GetInt32());
        Assert.Equal(document.GetProperty("implementations").GetArrayLength(), summary.GetProperty("implementationsCreated").GetInt32());
        Assert.Contains(document.GetProperty("implementations").EnumerateArray(), i => i.GetProperty("status").GetString() == "draft");
        Assert.Equal(exported, again);
    }
}

public sealed class ImportExportRoundTripOnSqlite(SqliteApp demo, SqliteEmptyCatalogApp empty)
    : ImportExportRoundTripTests(demo, empty), IClassFixture<SqliteApp>, IClassFixture<SqliteEmptyCatalogApp>;

public sealed class ImportExportRoundTripOnPostgres(PostgresApp demo, PostgresEmptyCatalogApp empty)
    : ImportExportRoundTripTests(demo, empty), IClassFixture<PostgresApp>, IClassFixture<PostgresEmptyCatalogApp>;
