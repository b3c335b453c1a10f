using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Identity;

/// <summary>Intent helpers for 人员管理: what an administrator does on the staff pages.</summary>
internal static partial class StaffActions
{
    public const string InitialPassword = "Chushi2026";
    public const string City = "510900000000";
    public const string Pengxi = "510921000000";

    /// <summary>Fixtures are shared per class, so every test enrols its own staff under a fresh employee id.</summary>
    public static string NewEmployeeId(string prefix) =>
        $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();

    public static Task<HttpResponseMessage> SubmitNewStaffAsync(
        this HttpClient admin, string employeeId, string region, Guid? department, string[] roles, string password = InitialPassword, string name = "测试人员") =>
        admin.PostFormAsync("/admin/staff/new", [
            new("EmployeeId", employeeId),
            new("DisplayName", name),
            new("Password", password),
            new("ScopeRegion", region),
            new("ScopeDepartmentId", department?.ToString() ?? ""),
            .. roles.Select(role => new KeyValuePair<string, string>("Roles", role)),
        ]);

    /// <summary>Enrols a staff member and answers the address of their page.</summary>
    public static async Task<string> EnrolStaffAsync(
        this HttpClient admin, string employeeId, string region, Guid? department, params string[] roles)
    {
        var response = await admin.SubmitNewStaffAsync(employeeId, region, department, roles);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"enrolling {employeeId} answered {(int)response.StatusCode}: {Pages.Text(await response.Content.ReadAsStringAsync())}");
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=created", location);
        return location[..location.IndexOf('?', StringComparison.Ordinal)];
    }

    public static Task<HttpResponseMessage> DisableAsync(this HttpClient admin, string staffPage, string reason) =>
        admin.PostFormAsync(staffPage, [new("DisabledReason", reason)], $"{staffPage}?handler=Disable");

    public static Task<HttpResponseMessage> EnableAsync(this HttpClient admin, string staffPage) =>
        admin.PostFormAsync(staffPage, [], $"{staffPage}?handler=Enable");

    public static Task<HttpResponseMessage> ResetPasswordAsync(this HttpClient admin, string staffPage, string password) =>
        admin.PostFormAsync(staffPage, [new("Password", password)], $"{staffPage}?handler=Password");

    public static Task<HttpResponseMessage> ChangeRolesAsync(this HttpClient admin, string staffPage, int version, string region, Guid? department, params string[] roles) =>
        admin.PostFormAsync(staffPage, [
            new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ScopeRegion", region),
            new("ScopeDepartmentId", department?.ToString() ?? ""),
            .. roles.Select(role => new KeyValuePair<string, string>("Roles", role)),
        ], $"{staffPage}?handler=Roles");

    /// <summary>The version the edit form carries (hidden field), as the administrator's browser would send it back.</summary>
    public static async Task<int> ShownVersionAsync(this HttpClient admin, string staffPage) =>
        int.Parse(VersionField().Match(await admin.GetPageAsync(staffPage)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>GET /api/v1/staff as the client, every page followed.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ListStaffAsync(this HttpClient api, string query = "")
    {
        var items = new List<JsonElement>();
        var next = "";
        do
        {
            var separator = query.Length == 0 ? "?" : $"?{query}&";
            var body = await api.GetFromJsonAsync<JsonElement>($"/api/v1/staff{separator}limit=200&after={Uri.EscapeDataString(next)}");
            items.AddRange(body.GetProperty("items").EnumerateArray());
            next = body.GetProperty("next").GetString() ?? "";
        }
        while (next.Length > 0);
        return items;
    }

    /// <summary>A staff account as the platform admin's API client reads it.</summary>
    public static async Task<JsonElement> StaffRecordAsync(this TongbanApp app, string employeeId)
    {
        using var api = await app.ApiClientAsync("ADMIN");
        return (await api.ListStaffAsync()).Single(s => s.GetProperty("employeeId").GetString() == employeeId);
    }

    public static async Task<string> StaffPageOfAsync(this TongbanApp app, string employeeId) =>
        $"/admin/staff/{(await app.StaffRecordAsync(employeeId)).GetProperty("id").GetString()}";

    public static async Task<string[]> RolesOfAsync(this TongbanApp app, string employeeId) =>
        [.. (await app.StaffRecordAsync(employeeId)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];

    /// <summary>The facts about the staff member at the top of their page (the forms below list every role and department).</summary>
    public static async Task<string> StaffFactsAsync(this HttpClient admin, string staffPage)
    {
        var html = await admin.GetPageAsync(staffPage);
        var start = html.IndexOf("<dl>", StringComparison.Ordinal);
        return Pages.Text(html[start..html.IndexOf("</dl>", start, StringComparison.Ordinal)]);
    }

    /// <summary>The page's text, asserting the form came back (200) rather than being accepted.</summary>
    public static async Task<string> RefusedFormTextAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the form again, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("提交的内容有问题", Pages.Text(html));
        return html;
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
