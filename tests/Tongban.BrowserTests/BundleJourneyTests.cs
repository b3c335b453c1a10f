using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.BrowserTests;

/// <summary>
/// 一件事一次办 in a real browser, without JavaScript of our own: 一件事 list → 申请 → one form asking each
/// shared field once → uploads from disk → the bundle case page with its members.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BundleJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Citizen_AppliesForTheNewbornBundle_FillingEachSharedFieldOnce_AndSeesTheMembers()
    {
        using var api = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var application = await api.GetFromJsonAsync<JsonElement>("/api/v1/bundles/newborn/application?parentsMarried=yes");
        var bundle = await api.GetFromJsonAsync<JsonElement>("/api/v1/bundles/newborn");
        string MemberName(string key) => bundle.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key).GetProperty("name").GetString()!;
        var pdf = Path.Combine(Path.GetTempPath(), $"材料-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, ApplyActions.Pdf);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("身份证号").FillAsync(Actors.CitizenLogin(2));
        await page.GetByLabel("密码").FillAsync(DemoCity.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "一件事一次办", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/bundles");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^申请\\s*：新生儿出生一件事$") }).ClickAsync();
        await page.WaitForURLAsync("**/bundles/newborn/apply");
        await page.GetByLabel("已婚", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "查看所需材料" }).ClickAsync();

        foreach (var field in application.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field")))
        {
            var input = page.Locator($"form [name='Values[{field.GetProperty("key").GetString()}]']");
            await Assertions.Expect(input).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("form label", new() { HasTextString = field.GetProperty("label").GetString()! })).ToHaveCountAsync(1);
            if (await input.GetAttributeAsync("readonly") is not null)
            {
                continue; // 免填写: filled from the directory
            }

            switch (field.GetProperty("type").GetString())
            {
                case "choice":
                    await input.SelectOptionAsync(field.GetProperty("choices")[0].GetString()!);
                    break;
                case "date":
                    await input.FillAsync("2026-02-20");
                    break;
                default:
                    await input.FillAsync("张小宝");
                    break;
            }
        }

        foreach (var material in application.GetProperty("materials").EnumerateArray()
            .Where(m => m.GetProperty("requirement").GetProperty("necessity").GetString() == "required"))
        {
            await page.GetByLabel($"上传“{material.GetProperty("requirement").GetProperty("name").GetString()}”").SetInputFilesAsync(pdf);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await page.WaitForURLAsync("**/me/bundles/*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "一件事进度：新生儿出生一件事" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bundle-status")).ToHaveTextAsync("待受理");
        ILocator Row(string key) => page.Locator("table.bundle-members tr").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = MemberName(key), Exact = true }) });
        var birth = Row("birth-certificate");
        await Assertions.Expect(birth.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/me/cases/"));
        await Assertions.Expect(birth).ToContainTextAsync("待受理");
        var household = Row("household");
        await Assertions.Expect(household).ToContainTextAsync($"等待{MemberName("birth-certificate")}办结后自动申请");
        await Assertions.Expect(household.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        File.Delete(pdf);
    }
}
