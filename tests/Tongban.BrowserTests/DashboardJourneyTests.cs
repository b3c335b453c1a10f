using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tongban.IntegrationTests.Cases;
using Tongban.Platform.Demo;

namespace Tongban.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Supervisor_DrillsFromTheCityDashboard_ToACounty_ToItsOverdueCase()
    {
        // A 蓬溪县 case accepted and left past its deadline.
        var number = await fixture.App.ApplyAsync(await fixture.App.PublishHandledItemAsync(department: DemoCity.PengxiMarketRegulation));
        await fixture.App.AcceptAtWindowAsync(number, IntakeActions.CountyClerk);
        fixture.App.Clock.Advance(TimeSpan.FromDays(90));

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin?as=staff");
        await page.GetByLabel("工号").FillAsync("SN-SUPERVISOR");
        await page.GetByLabel("密码").FillAsync(DemoCity.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");

        await page.GetByRole(AriaRole.Link, new() { Name = "效能监管大屏" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "效能监管大屏" })).ToBeVisibleAsync();
        // The charts drew over the tables (the script ran) and the county ranking lists 蓬溪县.
        await Assertions.Expect(page.Locator("#chart-regions svg")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "蓬溪县", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("范围：蓬溪县")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^超期办件 [1-9][0-9]* 件$") }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"办件 {number}" })).ToBeVisibleAsync();
    }
}
