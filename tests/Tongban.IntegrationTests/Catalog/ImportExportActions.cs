using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Catalog.Features.SeedDemo;
using Tongban.Platform;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>The platform with the demo city but an empty catalog: where an exported catalog is imported to prove the round trip.</summary>
public class EmptyCatalogApp(DatabaseProvider provider) : TongbanApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            foreach (var seed in services.Where(s => s.ImplementationType == typeof(CatalogDemoSeed)).ToList())
            {
                services.Remove(seed);
            }
        });
    }
}

public sealed class SqliteEmptyCatalogApp() : EmptyCatalogApp(DatabaseProvider.Sqlite);

public sealed class PostgresEmptyCatalogApp() : EmptyCatalogApp(DatabaseProvider.Postgres);

/// <summary>Intent helpers for the catalog exchange: export, import, and files to import.</summary>
public static class ImportExportActions
{
    public static readonly Uscc CityMarketRegulation = DemoCity.UsccFor("11", "510900000000", "MB1A0003");

    public static async Task<string> ExportAsync(this HttpClient client, string format = "json")
    {
        var response = await client.GetAsync($"/api/v1/catalog/export?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string body, string mediaType = "application/json") =>
        client.PostAsync("/api/v1/catalog/import", new StringContent(body, Encoding.UTF8, mediaType));

    /// <summary>Imports and expects success; answers the counts.</summary>
    public static async Task<JsonElement> ImportedAsync(this HttpClient client, string body, string mediaType = "application/json")
    {
        var response = await client.ImportAsync(body, mediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Imports and expects rejection; answers the errors array.</summary>
    public static async Task<IReadOnlyList<JsonElement>> RejectedAsync(this HttpClient client, string body, string mediaType = "application/json")
    {
        var response = await client.ImportAsync(body, mediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"import answered {(int)response.StatusCode}: {text}");
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray()];
    }

    public static DocumentItem Item(string code, string name = "测试事项") => new()
    {
        Code = code,
        Name = name,
        Type = ItemType.AdministrativeLicensing,
        CompetentDepartment = "国家市场监督管理总局",
        LegalBasis = CatalogActions.LegalBasis,
        Levels = [ExerciseLevel.Municipal, ExerciseLevel.County],
    };

    /// <summary>市市场监督管理局's implementation of the item, published with content that passes every rule.</summary>
    public static DocumentImplementation Implementation(string itemCode, ImplementationContent? content = null, DocumentStatus status = DocumentStatus.Published) => new()
    {
        Code = CityMarketRegulation.Value + "3" + itemCode,
        RegionCode = "510900000000",
        Status = status,
        Content = content ?? CatalogActions.ValidContent("测试事项"),
    };

    public static string Document(IEnumerable<DocumentItem> items, IEnumerable<DocumentImplementation> implementations) =>
        new CatalogDocument { Items = [.. items], Implementations = [.. implementations] }.ToJson();

    public static Task<int> CountAsync<T>(this TongbanApp app)
        where T : class =>
        app.WithDbAsync(db => db.Set<T>().CountAsync());

    public static Task<int> VersionsOfAsync(this TongbanApp app, string implementationCode) =>
        app.WithDbAsync(db => db.Set<ImplementationVersion>().CountAsync(v => v.Code == ImplementationCode.FromTrusted(implementationCode)));

    /// <summary>Every published implementation's current content.</summary>
    public static Task<List<(ImplementationCode Code, ImplementationContent Content)>> PublishedContentsAsync(this TongbanApp app) =>
        app.WithDbAsync(async db =>
        {
            var versions = await db.Set<ImplementationVersion>().AsNoTracking()
                .Where(v => db.Set<Implementation>().Any(i => i.Id == v.ImplementationId && i.PublishedVersion == v.Number))
                .ToListAsync();
            return versions.Select(v => (v.Code, v.Content)).ToList();
        });

    /// <summary>Posts a file through the page's multipart form, with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient browser, string fileName, string content)
    {
        var token = Pages.AntiforgeryToken(await browser.GetPageAsync("/admin/catalog/transfer"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json");
        form.Add(file, "Upload", fileName);
        return await browser.PostAsync("/admin/catalog/transfer", form);
    }

    public static Task<string[]> AuditActionsAsync(this TongbanApp app, long after) =>
        app.WithDbAsync(db => db.Set<Domain.Audit.AuditRecord>().Where(r => r.Sequence > after).OrderBy(r => r.Sequence).Select(r => r.Action).ToArrayAsync());

    public static Task<long> LastAuditSequenceAsync(this TongbanApp app) =>
        app.WithDbAsync(db => db.Set<Domain.Audit.AuditRecord>().MaxAsync(r => r.Sequence));
}
