using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Licences;

/// <summary>存量证照导入: the issuing department's admin imports a CSV file, all of it or nothing.</summary>
public abstract class StockImportTests(TongbanApp app)
{
    private const string Header = "holderCodeType,holderCode,holderName,issuedOn,validFrom,validUntil,name,scope,approvedOn";
    private const string Admin = "SN-SCJ-ADMIN";

    private static string Citizen(int index) => DemoCity.IdNumberFor(DemoCity.Citizens[index]).Value;

    private static string CitizenName(int index) => DemoCity.Citizens[index].Name;

    private static readonly string Enterprise = DemoCity.UsccFor("91", "510903000000", "MA6DEM01").Value;

    /// <summary>The ID number with its check character changed to a wrong one.</summary>
    private static string WithWrongCheck(string idNumber) => idNumber[..17] + (idNumber[17] == '1' ? '2' : '1');

    /// <summary>Three good rows (spreadsheet rows 2 to 4); <paramref name="rowThreeHolder"/> replaces the ID number on row 3.</summary>
    private static string ThreeRows(string? rowThreeHolder = null) => string.Join("\r\n",
        Header,
        $"111,{Citizen(0)},{CitizenName(0)},2024-05-20,,,遂宁市船山区张伟小吃店,餐饮服务（小型餐馆）,2024-05-18",
        $"111,{rowThreeHolder ?? Citizen(3)},{CitizenName(3)},2025-11-03,,,安居区刘洋书店,图书零售,",
        $"001,{Enterprise},遂宁市南津科技有限公司,2023-01-10,2023-01-10,2028-01-09,遂宁市南津科技有限公司,\"软件开发,信息技术咨询\",") + "\r\n";

    private static async Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string query, string csv, bool bom = false)
    {
        byte[] bytes = [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(csv)];
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return await client.PostAsync("/api/v1/licences/import?" + query, content);
    }

    private async Task<int> CountAsync(LicenceTypeCode type)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<Licence>().CountAsync(l => l.TypeCode == type);
    }

    /// <summary>Posts the upload form of the import page as a browser does: multipart, with that form's anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, LicenceTypeCode type, string csv)
    {
        const string page = "/admin/licences/import";
        var token = Pages.AntiforgeryToken(await browser.GetPageAsync(page), page, page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(type.Value), "type" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "存量证照.csv");
        return await browser.PostAsync(page, form);
    }

    [Fact]
    public async Task Api_ThreeRows_AreIssuedWithNewIdentifiers_ThatVerifyValid_AndTheHolderSeesTheirs()
    {
        var type = await app.DefineTestTypeAsync("存量测试许可证");
        using var admin = await app.ApiClientAsync(Admin);

        var response = await PostCsvAsync(admin, $"type={type.Value}", ThreeRows(), bom: true);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        var licences = body.GetProperty("licences").EnumerateArray().Select(l => (Row: l.GetProperty("row").GetInt32(), Id: l.GetProperty("identifier").GetString()!)).ToList();
        Assert.Equal([2, 3, 4], licences.Select(l => l.Row));
        Assert.Equal(3, licences.Select(l => l.Id).Distinct().Count());
        foreach (var (_, id) in licences)
        {
            Assert.Equal("valid", (await app.VerifyAsync(new { identifier = id })).GetProperty("status").GetString());
        }

        var first = await app.StoredLicenceAsync(LicenceIdentifier.Parse(licences[0].Id).Value);
        Assert.Equal(LicenceOrigin.Imported, first.Origin);
        Assert.Equal(new DateOnly(2024, 5, 20), first.IssuedOn);
        Assert.Equal(new DateOnly(2029, 5, 19), first.ValidUntil);
        var mine = await (await app.ApiClientAsync(Actors.CitizenLogin(0))).GetFromJsonAsync<JsonElement>("/api/v1/me/licences");
        var held = mine.EnumerateArray().Single(l => l.GetProperty("identifier").GetString() == licences[0].Id);
        Assert.Equal("valid", held.GetProperty("status").GetString());
        Assert.Equal("遂宁市船山区张伟小吃店", held.GetProperty("fields").GetProperty("名称").GetString());
    }

    [Fact]
    public async Task Api_OneBrokenRow_RejectsTheWholeFile_NamingTheRowAndField_AndStoresNothing()
    {
        var type = await app.DefineTestTypeAsync("存量测试许可证");
        using var admin = await app.ApiClientAsync(Admin);
        var before = await CountAsync(type);

        var response = await PostCsvAsync(admin, $"type={type.Value}", ThreeRows(rowThreeHolder: WithWrongCheck(Citizen(3))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("holderCode", error.GetProperty("field").GetString());
        Assert.Contains("校验", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(type));
        Assert.Equal(0, before);
    }

    [Fact]
    public async Task Api_HeaderAndRowProblems_AreAllListed_ByRow()
    {
        var type = await app.DefineTestTypeAsync("存量测试许可证");
        using var admin = await app.ApiClientAsync(Admin);

        var badHeader = await PostCsvAsync(admin, $"type={type.Value}", "holderCodeType,holderCode,holderName,issuedOn,colour\r\n111,x,y,2024-01-01,red\r\n");
        var badRows = await PostCsvAsync(admin, $"type={type.Value}", string.Join("\r\n",
            Header,
            $"111,{Citizen(0)},{CitizenName(0)},2024/05/20,,,张伟小吃店,餐饮,",
            $"222,{Citizen(1)},{CitizenName(1)},2024-05-20,,,王秀英茶馆,茶饮,",
            $"111,{Citizen(2)},,2027-01-01,,,李强文具店,,",
            $"001,{Enterprise},南津科技,2024-05-20,2024-06-01,2024-05-31,南津科技,软件开发,"));

        var header = await badHeader.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badHeader.StatusCode);
        var headerErrors = header.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains((1, "colour"), headerErrors);
        Assert.Contains((1, "name"), headerErrors);
        Assert.Contains((1, "scope"), headerErrors);

        var rows = (await badRows.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(2, "issuedOn"), (3, "holderCodeType"), (4, "holderName"), (4, "issuedOn"), (4, "scope"), (5, "validUntil")], rows);
        Assert.Equal(0, await CountAsync(type));
    }

    [Fact]
    public async Task Api_OnePerHolderType_RejectsAHolderTwiceInTheFile_AndAHolderWhoAlreadyHoldsOne()
    {
        var type = await app.DefineTestTypeAsync("存量一证测试", onePerHolder: true);
        var existing = await app.IssueToCitizenAsync(type, 1);
        using var admin = await app.ApiClientAsync("ADMIN");
        var csv = string.Join("\r\n",
            Header,
            $"111,{Citizen(0)},{CitizenName(0)},2024-05-20,,,张伟小吃店,餐饮,",
            $"111,{Citizen(0)},{CitizenName(0)},2024-06-20,,,张伟面馆,餐饮,",
            $"111,{Citizen(1)},{CitizenName(1)},2024-05-20,,,王秀英茶馆,茶饮,");

        var withoutIssuer = await PostCsvAsync(admin, $"type={type.Value}", csv);
        var response = await PostCsvAsync(admin, $"type={type.Value}&issuer={DemoCity.MarketRegulation}", csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutIssuer.StatusCode);
        Assert.Equal("issuer", (await withoutIssuer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 4], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Contains("第 2 行", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(existing.Value, errors[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(type));
    }

    [Fact]
    public async Task Page_OffersTheTemplate_ShowsTheProblemTableForABrokenFile_AndTheIdentifiersOfAGoodOne()
    {
        var type = await app.DefineTestTypeAsync("存量页面测试证");
        using var browser = await app.SignedInBrowserAsync(Admin);

        var template = await browser.GetAsync($"/admin/licences/import?handler=Template&type={type.Value}");
        var templateBytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(Encoding.UTF8.GetPreamble(), templateBytes[..3]);
        Assert.Equal(Header, Encoding.UTF8.GetString(templateBytes[3..]).TrimEnd());

        var broken = await UploadAsync(browser, type, ThreeRows(rowThreeHolder: WithWrongCheck(Citizen(3))));
        var brokenPage = Pages.Text(await broken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("提交的内容有问题", brokenPage, StringComparison.Ordinal);
        Assert.Contains("未导入任何证照", brokenPage, StringComparison.Ordinal);
        Assert.Contains("行号 字段 问题 3 holderCode", brokenPage, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(type));

        var good = await UploadAsync(browser, type, ThreeRows());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var donePage = Pages.Text(await browser.GetPageAsync(good.Headers.Location!.OriginalString));
        Assert.Contains("已导入 3 张存量证照", donePage, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<Licence>().Where(l => l.TypeCode == type).Select(l => l.Identifier).ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.All(stored, id => Assert.Contains(id.Value, donePage, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SN-CLERK")]
    [InlineData("SN-APPROVER")]
    public async Task StaffWhoAreNotAdmins_AndCitizens_CannotImport(string username)
    {
        var type = await app.DefineTestTypeAsync("存量测试许可证");
        using var staff = await app.ApiClientAsync(username);
        using var citizen = await app.ApiClientAsync(Actors.CitizenLogin(0));
        using var browser = await app.SignedInBrowserAsync(username);

        var byStaff = await PostCsvAsync(staff, $"type={type.Value}", ThreeRows());
        var byCitizen = await PostCsvAsync(citizen, $"type={type.Value}", ThreeRows());
        var page = await browser.GetAsync("/admin/licences/import");

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCitizen.StatusCode);
        Assert.StartsWith("/forbidden", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(type));
    }

    [Fact]
    public async Task DepartmentAdmin_OfADepartmentThatDoesNotIssueTheType_CannotImport()
    {
        var type = await app.DefineTestTypeAsync("射洪民政测试证", issuer: DemoCity.ShehongCivilAffairs);
        using var admin = await app.ApiClientAsync(Admin);

        var asOwn = await PostCsvAsync(admin, $"type={type.Value}", ThreeRows());
        var asIssuer = await PostCsvAsync(admin, $"type={type.Value}&issuer={DemoCity.ShehongCivilAffairs}", ThreeRows());
        using var browser = await app.SignedInBrowserAsync(Admin);
        var page = Pages.Text(await browser.GetPageAsync("/admin/licences/import"));

        Assert.Equal(HttpStatusCode.Forbidden, asOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asIssuer.StatusCode);
        Assert.DoesNotContain("射洪民政测试证", page, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(type));
    }
}

public sealed class StockImportTestsOnSqlite(SqliteApp app) : StockImportTests(app), IClassFixture<SqliteApp>;

public sealed class StockImportTestsOnPostgres(PostgresApp app) : StockImportTests(app), IClassFixture<PostgresApp>;
