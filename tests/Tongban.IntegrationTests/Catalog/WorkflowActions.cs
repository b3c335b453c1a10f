using System.Net;
using System.Text.RegularExpressions;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Organisation.OrganisationAdmin;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>
/// Intent helpers for the catalog administration pages, used as an administrator would: issue an
/// item, claim it, fill in the elements form, submit, publish, return.
/// </summary>
internal static partial class WorkflowActions
{
    /// <summary>Issues a basic item through the desk's 下发 form (platform or city region admin).</summary>
    public static async Task IssueItemAsync(this HttpClient issuer, string code, string name, params string[] levels)
    {
        var response = await issuer.PostFormAsync("/admin/catalog",
        [
            new("Issue.Code", code), new("Issue.Name", name), new("Issue.Type", "AdministrativeLicensing"),
            new("Issue.CompetentDepartment", "市市场监督管理局"), new("Issue.LegalBasis", CatalogActions.LegalBasis), new("Issue.ParentCode", ""),
            .. (levels.Length == 0 ? ["Municipal"] : levels).Select(level => new KeyValuePair<string, string>("Issue.Levels", level)),
        ], postPath: "/admin/catalog?handler=Issue");
        await AssertRedirectedAsync(response, "/admin/catalog");
    }

    /// <summary>Claims the item from the desk; the redirect leads to the new implementation's page.</summary>
    public static async Task<string> ClaimAsync(this HttpClient admin, string code, Guid departmentId)
    {
        var response = await admin.PostFormAsync($"/admin/catalog?q={code}", [new("code", code), new("departmentId", departmentId.ToString())], postPath: "/admin/catalog?handler=Claim");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"claim answered {(int)response.StatusCode}: {ErrorSummary(await response.Content.ReadAsStringAsync())}");
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/catalog/implementations/[0-9a-f-]{36}$", location);
        return location;
    }

    /// <summary>The desk's row of one item, as text.</summary>
    public static async Task<string> DeskRowAsync(this HttpClient admin, string code)
    {
        var html = await admin.GetPageAsync($"/admin/catalog?q={code}");
        var row = Regex.Match(html, $"<tr id=\"item-{code}\">.*?</tr>", RegexOptions.Singleline);
        return row.Success ? Pages.Text(row.Value) : "";
    }

    /// <summary>
    /// Reads the elements form as the page filled it, lets the test change fields, and posts it back
    /// with the version the form carried.
    /// </summary>
    public static async Task<HttpResponseMessage> SaveElementsAsync(this HttpClient editor, string implementation, Action<FormValues> change)
    {
        var html = await editor.GetPageAsync($"{implementation}/edit");
        var form = FormValues.Of(html, "Elements.Name");
        change(form);
        return await editor.PostAsync($"{implementation}/edit", form.Content());
    }

    /// <summary>Fills every element the submission rules require, with limits that pass.</summary>
    public static void Complete(FormValues form)
    {
        form["Elements.ImplementingBody"] = "遂宁市市场监督管理局";
        form["Elements.AcceptanceConditions"] = "申请人具备相应资格";
        form["Elements.StatutoryAmount"] = "20";
        form["Elements.PromisedAmount"] = "5";
        form["Elements.Process"] = "accept 受理\ndecide 决定";
        form["Elements.Location"] = "遂宁市政务服务中心二楼 B 区";
        form["Elements.OfficeHours"] = "周一至周五 9:00-17:00";
        form["Elements.Consultation"] = "0825-2222222";
        form["Elements.Complaint"] = "12345";
        form["Elements.ResultType"] = "证照";
        form["Elements.ResultName"] = "许可证";
    }

    /// <summary>
    /// Posts one of a page's forms (Submit, Publish, Return on the implementation; Save, Remove on a
    /// list element) with the version the page shows, as the browser would.
    /// </summary>
    public static async Task<HttpResponseMessage> ActAsync(this HttpClient actor, string page, string handler, params KeyValuePair<string, string>[] fields)
    {
        var html = await actor.GetPageAsync(page);
        var version = VersionPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : "0";
        return await actor.PostAsync($"{page}?handler={handler}",
            new FormUrlEncodedContent([new("Version", version), .. fields, new("__RequestVerificationToken", Pages.AntiforgeryToken(html))]));
    }

    public static async Task SubmitAsync(this HttpClient editor, string implementation) =>
        await AssertRedirectedAsync(await editor.ActAsync(implementation, "Submit"), implementation);

    public static async Task PublishAsync(this HttpClient reviewer, string implementation) =>
        await AssertRedirectedAsync(await reviewer.ActAsync(implementation, "Publish"), implementation);

    /// <summary>Issues an item, claims it for the department and fills every required element, ready to submit.</summary>
    public static async Task<string> CompleteDraftAsync(this TongbanApp app, HttpClient editor, Guid departmentId, string name)
    {
        var code = await app.IssueItemAsync(name);
        var implementation = await editor.ClaimAsync(code.Value, departmentId);
        await AssertRedirectedAsync(await editor.SaveElementsAsync(implementation, Complete), implementation);
        return implementation;
    }

    /// <summary>The implementation's id, from its page's path.</summary>
    public static Guid IdOf(string implementation) => Guid.Parse(implementation[(implementation.LastIndexOf('/') + 1)..]);

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}

/// <summary>The values a browser would post from one form of a page: text, hidden, checked boxes, text areas, chosen options.</summary>
internal sealed partial class FormValues
{
    private readonly List<KeyValuePair<string, string>> _values = [];

    public string this[string name]
    {
        get => _values.First(v => v.Key == name).Value;
        set
        {
            _values.RemoveAll(v => v.Key == name);
            _values.Add(new(name, value));
        }
    }

    /// <summary>Ticks or clears a checkbox (or one value of a checkbox group).</summary>
    public void Check(string name, bool on, string value = "true")
    {
        _values.RemoveAll(v => v.Key == name && v.Value == value);
        if (on)
        {
            _values.Add(new(name, value));
        }
    }

    /// <summary>The form of the page that holds a field named <paramref name="containing"/>.</summary>
    public static FormValues Of(string html, string containing)
    {
        var form = FormPattern().Matches(html).Select(m => m.Value).First(f => f.Contains($"name=\"{containing}\"", StringComparison.Ordinal));
        var values = new FormValues();
        foreach (Match input in InputPattern().Matches(form))
        {
            var attributes = Attributes(input.Groups[1].Value);
            var type = attributes.GetValueOrDefault("type", "text");
            if (!attributes.TryGetValue("name", out var name) || type is "submit" or "button" || (type is "checkbox" or "radio" && !attributes.ContainsKey("checked")))
            {
                continue;
            }

            values._values.Add(new(name, attributes.GetValueOrDefault("value", "")));
        }

        foreach (Match area in TextAreaPattern().Matches(form))
        {
            values._values.Add(new(Attributes(area.Groups[1].Value)["name"], WebUtility.HtmlDecode(area.Groups[2].Value)));
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            var options = OptionPattern().Matches(select.Groups[2].Value).Select(o => Attributes(o.Groups[1].Value)).ToList();
            var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
            values._values.Add(new(Attributes(select.Groups[1].Value)["name"], chosen?.GetValueOrDefault("value", "") ?? ""));
        }

        return values;
    }

    /// <summary>The form's values as posted, its own anti-forgery token included.</summary>
    public FormUrlEncodedContent Content() => new(_values);

    private static Dictionary<string, string> Attributes(string text) =>
        AttributePattern().Matches(text).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input([^>]*)/?>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("<select([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option([^>]*)>")]
    private static partial Regex OptionPattern();

    [GeneratedRegex("([\\w-]+)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();
}
