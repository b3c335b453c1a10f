using Microsoft.Playwright;
using Tongban.IntegrationTests.Cases;
using Tongban.Platform.Demo;

namespace Tongban.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class BackOfficeJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Approver_FindsTheCaseInTheList_ApprovesTheReview_AndTheParallelStepsComeNext()
    {
        var number = await fixture.App.AcceptedCaseAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin?as=staff");
        await page.GetByLabel("工号").FillAsync(BackOfficeActions.Approver);
        await page.GetByLabel("密码").FillAsync(DemoCity.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");

        await page.GetByRole(AriaRole.Link, new() { Name = "后台办件（审批、决定、制证、送达）" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"办件 {number}" })).ToBeVisibleAsync();
        await page.GetByLabel("审查意见").First.FillAsync("材料齐全，同意");
        await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已审查通过。");
        await Assertions.Expect(page.GetByText("法规科会签").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "“法规科会签”环节" })).ToBeVisibleAsync();
    }
}
