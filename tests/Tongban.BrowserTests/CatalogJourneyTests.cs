using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.BrowserTests;

/// <summary>
/// The catalog journey in a real browser, without JavaScript of our own: the platform admin issues
/// an item, the market regulator's department admin claims, edits and submits it, the city region
/// admin publishes it, and the public guide shows the published version.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DepartmentAdminClaimsEditsSubmits_RegionAdminPublishes_AndTheGuideShowsTheNewVersion()
    {
        var code = CatalogActions.NewBasicCode();
        const string name = "食品经营许可（浏览器）";
        const string location = "遂宁市政务服务中心二楼 12 号窗口";

        var admin = await SignedInAsync("ADMIN");
        await admin.GotoAsync("/admin/catalog");
        await admin.GetByLabel("基本编码", new() { Exact = true }).FillAsync(code);
        await admin.GetByLabel("事项名称", new() { Exact = true }).FillAsync(name);
        await admin.GetByLabel("主管部门").FillAsync("市场监督管理部门");
        await admin.GetByLabel("设定依据").FillAsync("《中华人民共和国食品安全法》第三十五条");
        await admin.GetByLabel("市级", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "下发", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"已下发基本目录事项“{name}”");

        var department = await SignedInAsync("SN-SCJ-ADMIN");
        await department.GotoAsync("/admin");
        await department.GetByRole(AriaRole.Link, new() { Name = "事项管理" }).ClickAsync();
        await department.GetByLabel("事项名称或基本编码").FillAsync(code);
        await department.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(department.Locator($"#item-{code}")).ToContainTextAsync("未认领");
        await department.GetByRole(AriaRole.Button, new() { Name = $"以市市场监督管理局名义认领{name}" }).ClickAsync();
        await Assertions.Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync($"已认领“{name}”");
        var implementationCode = (await department.Locator("dt:text-is('实施编码') + dd").InnerTextAsync()).Trim();

        await department.GetByRole(AriaRole.Link, new() { Name = "基本要素" }).ClickAsync();
        await department.GetByLabel("实施主体", new() { Exact = true }).FillAsync("遂宁市市场监督管理局");
        await department.GetByLabel("受理条件").FillAsync("申请人已取得营业执照，有与经营食品相适应的场所");
        await department.Locator("#Elements_StatutoryAmount").FillAsync("20");
        await department.Locator("#Elements_PromisedAmount").FillAsync("5");
        await department.GetByLabel("办理流程").FillAsync("accept 受理\nreview 审查\ndecide 决定");
        await department.GetByLabel("办理地点").FillAsync(location);
        await department.GetByLabel("办理时间").FillAsync("周一至周五 9:00-17:00");
        await department.GetByLabel("咨询方式").FillAsync("0825-2222222");
        await department.GetByLabel("监督投诉方式").FillAsync("12345 政务服务便民热线");
        await department.GetByLabel("审批结果类型").FillAsync("证照");
        await department.GetByLabel("审批结果名称").FillAsync("食品经营许可证");
        await department.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存基本要素");
        await Assertions.Expect(department.Locator("#compression")).ToContainTextAsync("压缩 75%");
        await department.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交审核");
        await Assertions.Expect(department.Locator("#status")).ToContainTextAsync("待审核");
        await Assertions.Expect(department.GetByRole(AriaRole.Button, new() { Name = "审核通过并发布" })).ToHaveCountAsync(0);

        var region = await SignedInAsync("SN-REGION");
        await region.GotoAsync("/admin/catalog/review");
        await region.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await region.GetByRole(AriaRole.Button, new() { Name = "审核通过并发布" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("已审核通过并发布第 1 版");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync($"/items/{implementationCode}");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(location);
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("第 1 版");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(new Regex("5 个工作日"));
    }

    private async Task<IPage> SignedInAsync(string employeeId)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin?as=staff");
        await page.GetByLabel("工号").FillAsync(employeeId);
        await page.GetByLabel("密码").FillAsync(DemoCity.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/workbench");
        return page;
    }
}
