using System.Net;
using System.Net.Http.Headers;
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

    /// <summary>
    /// SETUP ONLY, standing in for the intake part's pages (built in parallel): loads the case through the
    /// store, runs one domain transition as a window clerk and saves it.
    /// </summary>
    public static async Task SetUpAsync(this TongbanApp app, string caseNumber, Func<Case, CaseActor, DateTimeOffset, Result> transition)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CaseStore>();
        var @case = await store.FindAsync(CaseNumber.Parse(caseNumber).Value, CancellationToken.None);
        var result = transition(@case!, new CaseActor(Guid.NewGuid(), "WindowClerk"), app.Clock.GetUtcNow());
        Assert.True(result.IsSuccess, result.Error?.Message);
        await store.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>SETUP ONLY: the window accepts the case under 告知承诺 (the apply helpers replace 场地证明 by a commitment).</summary>
    public static Task AcceptUnderCommitmentForSetUpAsync(this TongbanApp app, string caseNumber, ImplementationContent content) =>
        app.SetUpAsync(caseNumber, (c, clerk, now) => c.AcceptUnderCommitment(CaseTermsOf.From(content), ApplicantStanding.Good, "本人承诺所报材料真实有效", clerk, now, WorkingCalendar.LoadShipped(), Zone));

    /// <summary>An item whose one material (照片) may be owed under 容缺.</summary>
    public static ImplementationContent DeficiencyContent(string name) => CatalogActions.ValidContent(name) with
    {
        Materials = [new MaterialRequirement { Key = "photo", Name = "近期照片", DeficiencyAllowed = true }],
    };

    /// <summary>
    /// SETUP ONLY: a citizen's case accepted under 容缺 with 近期照片 owed, built through the domain (no
    /// applying path lets an applicant leave a required material missing; the window marks it so).
    /// </summary>
    public static async Task<string> SeedAcceptedWithDeficiencyAsync(this TongbanApp app, string name, int citizen = 0)
    {
        var content = DeficiencyContent(name);
        var item = await app.PublishImplementationAsync(content, DemoCity.MarketRegulation);
        var now = app.Clock.GetUtcNow();
        var applicant = Applicant.Person(IdNumber.FromTrusted(Actors.CitizenLogin(citizen)), DemoCity.Citizens[citizen].Name).Value;
        var @case = Case.StartDraft(Guid.CreateVersion7(), new ImplementationRef(item.Code, item.PublishedVersion!.Value, item.DepartmentId, item.RegionCode),
            applicant, CaseChannel.Window, CaseActor.Applicant(Guid.NewGuid()), now).Value;
        var clerk = new CaseActor(Guid.NewGuid(), "WindowClerk");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var number = CaseNumber.Create(item.Code, today, 9001).Value;
        Assert.True(@case.ProvideMaterial(CaseMaterial.Missing("photo").Value, now).IsSuccess);
        Assert.True(@case.Submit(number, [new MaterialSpec("photo", "近期照片", Required: true, DeficiencyAllowed: true)], clerk, now).IsSuccess);
        var accepted = @case.AcceptWithDeficiency(CaseTermsOf.From(content), "本人承诺 3 个工作日内补交近期照片", new CaseTimeLimit(3, TimeLimitUnit.WorkingDays), clerk, now, WorkingCalendar.LoadShipped(), Zone);
        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CaseStore>();
        store.Add(@case);
        await store.SaveChangesAsync(CancellationToken.None);
        return number.Value;
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
