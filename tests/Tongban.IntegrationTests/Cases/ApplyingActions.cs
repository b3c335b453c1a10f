using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Cases;

/// <summary>A file a form posts: the input's name, the bytes, the file name.</summary>
public sealed record PostedFile(string Input, byte[] Content, string FileName);

/// <summary>Intent helpers for applying through the pages, and the setup that puts a case in a state the intake part's pages would.</summary>
public static partial class ApplyingActions
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static Task<HttpClient> CitizenBrowserAsync(this TongbanApp app, int index = 0) =>
        app.SignedInBrowserAsync(Actors.CitizenLogin(index), "citizen");

    public static string FormToken(string html) =>
        FormTokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No form token on the page.");

    /// <summary>GETs the page, then posts its multipart form with that form's own anti-forgery token (and form token, unless given).</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(
        this HttpClient browser, string pagePath, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<PostedFile>? files = null,
        string? postPath = null, string? formToken = null)
    {
        var html = await browser.GetPageAsync(pagePath);
        // The token inside the multipart form itself, not the layout's: a form that lacks one fails here as in a browser.
        var form = html.IndexOf("enctype=\"multipart/form-data\"", StringComparison.Ordinal);
        Assert.True(form >= 0, $"No multipart form on {pagePath}");
        var token = Pages.AntiforgeryToken(html[form..html.IndexOf("</form>", form, StringComparison.Ordinal)]);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (FormTokenPattern().IsMatch(html) || formToken is not null)
        {
            content.Add(new StringContent(formToken ?? FormToken(html)), "FormToken");
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files ?? [])
        {
            var bytes = new ByteArrayContent(file.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(bytes, file.Input, file.FileName);
        }

        return await browser.PostAsync(postPath ?? pagePath.Split('?')[0], content);
    }

    /// <summary>What the apply page posts for the applicable item: the form values, an upload for 申请书 and the commitment for 场地证明.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ApplicationFields(string action = "submit", string phone = "13800000000") =>
        [new("Values[name]", "张伟"), new("Values[idNumber]", Actors.CitizenLogin(0)), new("Values[phone]", phone), new("Commitments", "site"), new("Action", action)];

    public static PostedFile ApplicationPdf => new("File_application", ApplyActions.Pdf, "申请书.pdf");

    /// <summary>Applies through the apply page and answers the case number the confirmation page shows.</summary>
    public static async Task<string> ApplyOnlineAsync(this HttpClient browser, ImplementationCode item)
    {
        var response = await browser.PostMultipartAsync($"/items/{item.Value}/apply", ApplicationFields(), [ApplicationPdf]);
        return await NumberFromAsync(response);
    }

    /// <summary>The case number of the confirmation page a submission redirected to.</summary>
    public static async Task<string> NumberFromAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}: {ErrorSummary(await response.Content.ReadAsStringAsync())}");
        var match = SubmittedPattern().Match(response.Headers.Location!.ToString());
        Assert.True(match.Success, $"redirected to {response.Headers.Location}");
        return match.Groups[1].Value;
    }

    /// <summary>The case as stored (for what no page shows, like the stored form values).</summary>
    public static async Task<Case> StoredCaseAsync(this TongbanApp app, string caseNumber)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CaseStore>();
        return await store.FindAsync(CaseNumber.Parse(caseNumber).Value, CancellationToken.None) ?? throw new InvalidOperationException($"No case {caseNumber}.");
    }

    /// <summary>A staff member takes one case action through the API (accept-under-commitment, request-correction …) and it succeeds.</summary>
    public static async Task RequestAsync(this TongbanApp app, string staff, string caseNumber, string action, object body)
    {
        using var client = await app.ApiClientAsync(staff);
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The city window's 补正告知 naming one material.</summary>
    public static Task RequestCorrectionAsync(this TongbanApp app, string caseNumber, string materialKey, string reason) =>
        app.RequestAsync(IntakeActions.Clerk, caseNumber, "request-correction", new { items = new[] { new { materialKey, reason } } });

    /// <summary>An item whose one material (照片) may be owed under 容缺.</summary>
    public static ImplementationContent DeficiencyContent(string name) => CatalogActions.ValidContent(name) with
    {
        Materials = [new MaterialRequirement { Key = "photo", Name = "近期照片", DeficiencyAllowed = true }],
    };

    /// <summary>
    /// A citizen applies online leaving 近期照片 missing (a 容缺 material), and the city window accepts under
    /// 容缺 with three working days to supply it.
    /// </summary>
    public static async Task<string> SeedAcceptedWithDeficiencyAsync(this TongbanApp app, string name, int citizen = 0)
    {
        var item = await app.PublishImplementationAsync(DeficiencyContent(name), DemoCity.MarketRegulation);
        using var client = await app.ApiClientAsync(Actors.CitizenLogin(citizen));
        var submitted = await client.SubmitAsync(new { implementationCode = item.Code.Value, materials = new[] { new { key = "photo", route = "missing" } } });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var number = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
        await app.RequestAsync(IntakeActions.Clerk, number, "accept-with-deficiency", new { commitment = "本人承诺 3 个工作日内补交近期照片", supplementWorkingDays = 3 });
        return number;
    }

    /// <summary>The error summary's text, or the start of the page when it has none.</summary>
    public static string ErrorSummary(string html) =>
        SummaryPattern().Match(html) is { Success: true } summary ? Pages.Text(summary.Value) : Pages.Text(html)[..Math.Min(300, Pages.Text(html).Length)];

    [GeneratedRegex("<div class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("name=\"FormToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("^/me/cases/([0-9A-Z]{43})/submitted$")]
    private static partial Regex SubmittedPattern();
}
