using Microsoft.Playwright;
using Tongban.Domain.Catalog;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.BrowserTests;

/// <summary>A citizen applies online in a real browser, without JavaScript of our own: guide → 在线申办 → answers → e-form → upload from disk → confirmation → 我的办件.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplyJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Citizen_AppliesFromTheGuide_WithAnUploadFromDisk_ReadsTheCaseNumber_AndFindsTheCaseInMyCases()
    {
        var name = "个体工商户登记（浏览器）" + Guid.NewGuid().ToString("N")[..4];
        var content = ApplyActions.ApplicableContent(name) with
        {
            Materials =
            [
                .. ApplyActions.ApplicableContent(name).Materials,
                new MaterialRequirement { Key = "power", Name = "授权委托书", Conditional = true },
            ],
            Situations =
            [
                new Situation
                {
                    Key = "who",
                    Question = "由谁办理？",
                    Answers = [new SituationAnswer { Key = "self", Text = "本人办理" }, new SituationAnswer { Key = "agent", Text = "委托他人办理", Adds = ["power"] }],
                },
            ],
        };
        var item = (await fixture.App.PublishImplementationAsync(content, DemoCity.MarketRegulation)).Code;
        var pdf = Path.Combine(Path.GetTempPath(), $"申请书-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, ApplyActions.Pdf);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("身份证号").FillAsync(Actors.CitizenLogin(3));
        await page.GetByLabel("密码").FillAsync(DemoCity.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));

        await page.GotoAsync($"/items/{item.Value}");
        await page.GetByRole(AriaRole.Link, new() { Name = "在线申办" }).ClickAsync();
        await page.WaitForURLAsync($"**/items/{item.Value}/apply");
        await page.GetByLabel("本人办理").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "查看所需材料" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("申请人姓名")).ToHaveValueAsync(DemoCity.Citizens[3].Name);
        await Assertions.Expect(page.GetByText("上传“授权委托书”")).ToHaveCountAsync(0);
        await page.GetByLabel("联系电话").FillAsync("13800000004");
        await page.GetByLabel("上传“申请书”").SetInputFilesAsync(pdf);
        await page.GetByLabel("免提交（告知承诺）", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await page.WaitForURLAsync("**/submitted");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申请已提交" })).ToBeVisibleAsync();
        var number = (await page.Locator(".case-number").InnerTextAsync()).Trim();
        Assert.Equal(43, number.Length);
        Assert.StartsWith(item.Value, number, StringComparison.Ordinal);

        await page.GotoAsync("/me");
        await page.GetByRole(AriaRole.Link, new() { Name = "我的办件和草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.my-cases")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("table.my-cases")).ToContainTextAsync("待受理");
        File.Delete(pdf);
    }
}
