using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Identity;

/// <summary>自然人/法人名录 on the staff administration pages: masked, scoped and audited.</summary>
public abstract partial class StaffDirectoryTests(TongbanApp app)
{
    [Fact]
    public async Task PeopleList_ShowsMaskedIdsAndPhones_AndIsAuditedInAnIntactChain()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        using var auditor = await app.ApiClientAsync("ADMIN");
        var before = await VerifyAsync(auditor);

        var html = await admin.GetPageAsync("/admin/people");

        var text = Pages.Text(html);
        foreach (var citizen in DemoCity.Citizens)
        {
            var id = DemoCity.IdNumberFor(citizen);
            Assert.Contains(citizen.Name, text);
            Assert.Contains(id.Masked, text);
            Assert.DoesNotContain(citizen.Phone, html);
            Assert.Contains($"{citizen.Phone[..3]}****{citizen.Phone[^4..]}", text);
        }

        Assert.DoesNotMatch(FullIdNumber(), html);
        var after = await VerifyAsync(auditor);
        Assert.True(after.GetProperty("intact").GetBoolean(), after.ToString());
        Assert.Equal(before.GetProperty("recordsChecked").GetInt64() + 1, after.GetProperty("recordsChecked").GetInt64());
    }

    [Fact]
    public async Task PeopleList_ForACountyAdmin_ShowsOnlyPersonsRegisteredInTheCounty()
    {
        using var pengxi = await app.SignedInBrowserAsync("PX-REGION");
        var text = Pages.Text(await pengxi.GetPageAsync("/admin/people"));
        Assert.Contains(DemoCity.IdNumberFor(DemoCity.Citizens[1]).Masked, text); // 510921: 蓬溪县
        Assert.DoesNotContain(DemoCity.IdNumberFor(DemoCity.Citizens[0]).Masked, text); // 510903: 船山区
        Assert.DoesNotContain(DemoCity.Citizens[0].Name, text);
    }

    [Fact]
    public async Task EnterpriseList_MasksTheRepresentative_AndIsAudited()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        using var auditor = await app.ApiClientAsync("ADMIN");
        var before = await VerifyAsync(auditor);

        var html = await admin.GetPageAsync("/admin/enterprises");

        var text = Pages.Text(html);
        foreach (var enterprise in DemoCity.Enterprises)
        {
            var representative = DemoCity.Citizens[enterprise.RepresentativeIndex].Name;
            Assert.Contains(DemoCity.UsccFor("91", enterprise.RegionCode, enterprise.OrganisationCodeBody).Value, text);
            Assert.Contains(enterprise.Name, text);
            Assert.Contains(representative[..1] + new string('*', representative.Length - 1), text);
            Assert.DoesNotContain(representative, text);
        }

        Assert.DoesNotMatch(FullIdNumber(), html);
        var after = await VerifyAsync(auditor);
        Assert.True(after.GetProperty("intact").GetBoolean(), after.ToString());
        Assert.Equal(before.GetProperty("recordsChecked").GetInt64() + 1, after.GetProperty("recordsChecked").GetInt64());
    }

    [Fact]
    public async Task EnterpriseList_ForACountyAdmin_ShowsOnlyTheCountysEnterprises()
    {
        using var pengxi = await app.SignedInBrowserAsync("PX-REGION");
        var text = Pages.Text(await pengxi.GetPageAsync("/admin/enterprises"));
        Assert.Contains("蓬溪县赤城食品有限公司", text);
        Assert.DoesNotContain("遂宁市南津科技有限公司", text);
    }

    [Theory]
    [InlineData("SN-SCJ-ADMIN")]
    [InlineData("SN-CLERK")]
    public async Task Directories_AreClosedToDepartmentAdminsAndOtherStaff(string login)
    {
        using var browser = await app.SignedInBrowserAsync(login);
        foreach (var path in new[] { "/admin/people", "/admin/enterprises" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/forbidden", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task PeopleList_WithATamperedPageLink_SaysSoWithoutListing()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var text = Pages.Text(await admin.GetPageAsync("/admin/people?after=" + DemoCity.IdNumberFor(DemoCity.Citizens[0]).Value));
        Assert.Contains("翻页参数无效", text);
        Assert.DoesNotContain(DemoCity.Citizens[1].Name, text);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient auditor) =>
        await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

    /// <summary>Any 18-character 公民身份号码 (17 digits and a digit or X check character).</summary>
    [GeneratedRegex("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex FullIdNumber();
}

public sealed class StaffDirectoryOnSqlite(SqliteApp app) : StaffDirectoryTests(app), IClassFixture<SqliteApp>;

public sealed class StaffDirectoryOnPostgres(PostgresApp app) : StaffDirectoryTests(app), IClassFixture<PostgresApp>;
