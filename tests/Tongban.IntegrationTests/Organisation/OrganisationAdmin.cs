using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Audit;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Organisation;

/// <summary>Intent helpers for the organisation administration pages, used as an administrator would.</summary>
internal static partial class OrganisationAdmin
{
    public const string City = "510900000000";
    public const string Pengxi = "510921000000";
    public const string StaleMessage = "该记录已被他人修改，请刷新后重试";

    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A valid department USCC no other test uses.</summary>
    public static Uscc NewUscc(string region = City)
    {
        var bytes = Guid.NewGuid().ToByteArray();
        var body = new string([.. bytes.Take(8).Select(b => UsccAlphabet[b % UsccAlphabet.Length])]);
        return DemoCity.UsccFor("11", region, body);
    }

    /// <summary>A name no other test uses.</summary>
    public static string Unique(string name) => $"{name}{Guid.NewGuid().ToString("N")[..6]}";

    public static Task<HttpResponseMessage> AddRegionAsync(this HttpClient browser, string code, string name) =>
        browser.PostFormAsync("/admin/regions/new", [new("Code", code), new("Name", name)]);

    public static Task<HttpResponseMessage> RenameRegionAsync(this HttpClient browser, string code, string name) =>
        browser.PostFormAsync($"/admin/regions/{code}/edit", [new("Name", name)]);

    public static Task<HttpResponseMessage> CreateDepartmentAsync(this HttpClient browser, string uscc, string name, string region, Guid? parentId = null) =>
        browser.PostFormAsync("/admin/departments/new",
            [new("Uscc", uscc), new("Name", name), new("RegionCode", region), new("ParentId", parentId?.ToString() ?? "")]);

    public static Task<HttpResponseMessage> EditDepartmentAsync(this HttpClient browser, Guid id, int version, string name, string region, Guid? parentId = null) =>
        browser.PostFormAsync($"/admin/departments/{id}/edit",
            [new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Name", name), new("RegionCode", region), new("ParentId", parentId?.ToString() ?? "")]);

    /// <summary>Creates a department through the page and finds its id in the list.</summary>
    public static async Task<Guid> CreatedDepartmentAsync(this HttpClient browser, string name, string region = City)
    {
        var response = await browser.CreateDepartmentAsync(NewUscc(region).Value, name, region);
        await AssertRedirectedAsync(response, "/admin/departments");
        return await browser.DepartmentIdAsync(name);
    }

    /// <summary>The department's id, read from its edit link on the department list.</summary>
    public static async Task<Guid> DepartmentIdAsync(this HttpClient browser, string name)
    {
        var html = WebUtility.HtmlDecode(await browser.GetPageAsync("/admin/departments"));
        var match = Regex.Match(html, $"href=\"/admin/departments/([0-9a-f-]{{36}})/edit\" aria-label=\"编辑{Regex.Escape(name)}\"");
        Assert.True(match.Success, $"No edit link for {name} on the department list.");
        return Guid.Parse(match.Groups[1].Value);
    }

    /// <summary>The version the edit form carries in its hidden field.</summary>
    public static int FormVersion(string html) =>
        int.Parse(VersionPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> CreateHallAsync(this HttpClient browser, string region, string name, string address, string latitude = "", string longitude = "") =>
        browser.PostFormAsync("/admin/halls/new",
            [new("RegionCode", region), new("Name", name), new("Address", address), new("OpeningHours", "周一至周五 9:00-17:00"), new("Latitude", latitude), new("Longitude", longitude)]);

    /// <summary>Creates a hall through the page; the redirect leads to the hall's own page.</summary>
    public static async Task<string> CreatedHallAsync(this HttpClient browser, string region, string name)
    {
        var response = await browser.CreateHallAsync(region, name, "测试路 1 号");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/halls/[0-9a-f-]{36}$", location);
        return location;
    }

    public static Task<HttpResponseMessage> OpenWindowAsync(this HttpClient browser, string hallPath, string number, string name, string kind, Guid? departmentId = null) =>
        browser.PostFormAsync(hallPath,
            [new("Number", number), new("Name", name), new("Kind", kind), new("DepartmentId", departmentId?.ToString() ?? "")],
            postPath: $"{hallPath}?handler=Open");

    public static async Task AssertRedirectedAsync(HttpResponseMessage response, string location)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}: {ErrorSummary(await response.Content.ReadAsStringAsync())}");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    /// <summary>The text of the page's error summary, or "" when there is none.</summary>
    public static string ErrorSummary(string html) =>
        SummaryPattern().Match(html) is { Success: true } match ? Pages.Text(match.Value) : "";

    /// <summary>The error shown beside a field, or "" when there is none.</summary>
    public static string FieldError(string html, string field) =>
        Regex.Match(html, $"<span class=\"field-error\" id=\"{field}-error\">(.*?)</span>") is { Success: true } match ? Pages.Text(match.Value) : "";

    /// <summary>The audit chain as the platform administrator verifies it through the API.</summary>
    public static async Task<(bool Intact, long Records)> VerifyAuditAsync(this HttpClient adminApi)
    {
        var report = await adminApi.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        return (report.GetProperty("intact").GetBoolean(), report.GetProperty("recordsChecked").GetInt64());
    }

    /// <summary>
    /// The audit records about one entity, oldest first. Audit has no page yet, so the test reads the
    /// stored chain to check what was recorded; the chain itself is verified through the API.
    /// </summary>
    public static async Task<IReadOnlyList<AuditRecord>> AuditOfAsync(this TongbanApp app, string entityId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
        return await db.Set<AuditRecord>().AsNoTracking().Where(r => r.EntityId == entityId).OrderBy(r => r.Sequence).ToListAsync();
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("<div class=\"error-summary\".*?</ul>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();
}
