using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Licences;

/// <summary>Licence types are defined on the admin page and through the API, by those allowed to.</summary>
public abstract class LicenceTypeAdminTests(TongbanApp app)
{
    private static string NewCode() => DemoCity.UsccFor("11", "510900000000", "MB1A0003").Value + RandomNumberGenerator.GetInt32(100, 1000).ToString("D3", CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Form(string? code, string name, string fieldLines, int version = 0) =>
    [
        .. code is null ? [] : new[] { new KeyValuePair<string, string>("Code", code) },
        new("Version", version.ToString(CultureInfo.InvariantCulture)),
        new("Name", name),
        new("FieldLines", fieldLines),
        new("ValidityYears", "5"),
        new("Title", name),
        new("Footer", "遂宁市市场监督管理局监制"),
        new("Issuers", DemoCity.MarketRegulation.ToString()),
    ];

    [Fact]
    public async Task TypePage_CreatesAType_AndABadFieldLineOnEditIsShownInTheSummary_ChangingNothing()
    {
        using var browser = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var code = NewCode();

        var created = await browser.PostFormAsync("/admin/licence-types/new", Form(code, "摊贩登记卡", "name|名称|text|required|public|payload\nplace|经营地点"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = Pages.Text(await browser.GetPageAsync($"/admin/licence-types/{code}"));
        Assert.Contains("摊贩登记卡", edit, StringComparison.Ordinal);

        var bad = await browser.PostFormAsync($"/admin/licence-types/{code}", Form(null, "摊贩登记证", "name|名称|text|required|public|payload\nplace|经营地点|colour"));
        var page = Pages.Text(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("提交的内容有问题", page, StringComparison.Ordinal);
        Assert.Contains("字段第 2 行", page, StringComparison.Ordinal);

        using var api = app.CreateClient();
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/v1/licence-types/{code}");
        Assert.Equal("摊贩登记卡", stored.GetProperty("name").GetString());
        Assert.Equal(["name", "place"], stored.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString() ?? "").ToArray());
        Assert.Equal(5, stored.GetProperty("validityYears").GetInt32());
    }

    [Fact]
    public async Task Api_DefineAndEdit_WithAStaleVersion_Is409_AndOtherDepartmentsAdminIsRefused()
    {
        using var admin = await app.ApiClientAsync("ADMIN");
        var code = NewCode();
        object Body(string name, int? expectedVersion = null) => new
        {
            code,
            name,
            fields = new[] { new { key = "place", label = "占道地点", kind = "text", required = true, @public = true, inPayload = true } },
            validityYears = 1,
            title = "临时占道许可证",
            issuers = new[] { DemoCity.MarketRegulation },
            onePerHolder = false,
            expectedVersion,
        };

        var defined = await admin.PostAsJsonAsync("/api/v1/licence-types", Body("临时占道许可证"));
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        var version = (await defined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var edited = await admin.PutAsJsonAsync($"/api/v1/licence-types/{code}", Body("临时占用道路许可证", version));
        var stale = await admin.PutAsJsonAsync($"/api/v1/licence-types/{code}", Body("再改", version));
        using var anonymous = app.CreateClient();
        var listed = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/licence-types");

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("code").GetString() == code && t.GetProperty("name").GetString() == "临时占用道路许可证");

        using var citizen = await app.ApiClientAsync(Actors.CitizenLogin(0));
        var refused = await citizen.PostAsJsonAsync("/api/v1/licence-types", new { code = NewCode(), name = "冒充", title = "冒充" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class LicenceTypeAdminTestsOnSqlite(SqliteApp app) : LicenceTypeAdminTests(app), IClassFixture<SqliteApp>;

public sealed class LicenceTypeAdminTestsOnPostgres(PostgresApp app) : LicenceTypeAdminTests(app), IClassFixture<PostgresApp>;
