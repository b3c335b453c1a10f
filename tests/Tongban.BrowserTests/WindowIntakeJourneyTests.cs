using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class WindowIntakeJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Clerk_AcceptsASubmittedCaseAtTheWindow_AndPrintsTheAcceptanceNotice()
    {
        var item = await fixture.App.PublishIntakeItemAsync("窗口受理浏览器事项" + Guid.NewGuid().ToString("N")[..6]);
        var number = await fixture.App.ApplyOnlineAsync(item);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin?as=staff");
        await page.GetByLabel("工号").FillAsync(IntakeActions.Clerk);
        await page.GetByLabel("密码").FillAsync(DemoCity.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");

        await page.GetByRole(AriaRole.Link, new() { Name = "受理队列" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "受理队列", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "申请书", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已受理");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "打印受理通知书（PDF）" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var text = await IntakeActions.PdfTextAsync(pdf);
        Assert.Contains("受理通知书", text);
        Assert.Contains(number, text);
    }

    [Fact]
    public async Task Clerk_FilesAWalkIn_AtTheWindowPickedFromTheList_AndTheCaseRecordsItsKind()
    {
        var item = await fixture.App.PublishApplicableItemAsync("窗口选择浏览器事项" + Guid.NewGuid().ToString("N")[..6]);
        var pdf = Path.Combine(Path.GetTempPath(), $"申请书-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, ApplyActions.Pdf);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin?as=staff");
        await page.GetByLabel("工号").FillAsync(IntakeActions.Clerk);
        await page.GetByLabel("密码").FillAsync(DemoCity.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");

        await page.GotoAsync($"/workbench/apply?Code={item.Value}&Applicant={Actors.CitizenLogin(1)}");
        var window = page.GetByLabel("收件窗口");
        await Assertions.Expect(window.Locator("option:checked")).ToHaveTextAsync("A01 综合受理窗口 1（综合窗口）");
        await window.SelectOptionAsync(new SelectOptionValue { Label = "B01 公安专窗（专窗）" });
        await page.GetByLabel("上传“申请书”").SetInputFilesAsync(pdf);
        await page.GetByLabel("免提交（告知承诺）", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交收件" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已收件，办件编号");
        var number = Regex.Match(await page.GetByRole(AriaRole.Status).InnerTextAsync(), "[0-9A-Z]{43}").Value;
        var stored = await fixture.App.StoredCaseAsync(number);
        Assert.Equal(DemoCity.CityHall, stored.IntakeHallId);
        Assert.Equal(WindowKind.Dedicated, stored.IntakeWindowKind);
        File.Delete(pdf);
    }
}
