using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tongban.Platform.Demo;

namespace Tongban.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ClerkJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Clerk_SignsIn_SwitchesToLargeFont_AndTheChoiceSticks()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin?as=staff");
        await page.GetByLabel("工号").FillAsync("SN-CLERK");
        await page.GetByLabel("密码").FillAsync(DemoCity.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/workbench");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
        var standardSize = await BodyFontSizeAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "大", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex("font-large"));
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);
        var largeSize = await BodyFontSizeAsync(page);
        Assert.True(largeSize > standardSize * 1.2, $"large font {largeSize}px should be well above standard {standardSize}px");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "大", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        // The preference persists on the next page and visit.
        await page.GotoAsync("/");
        Assert.Equal(largeSize, await BodyFontSizeAsync(page));
    }

    [Fact]
    public async Task HighContrast_CanBeReachedAndSwitchedByKeyboardOnly()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var contrast = page.GetByRole(AriaRole.Button, new() { Name = "高对比度" });
        for (var i = 0; i < 15 && !await contrast.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex("contrast-high"));
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(0, 0, 0)", background);
    }

    private static Task<double> BodyFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
}
