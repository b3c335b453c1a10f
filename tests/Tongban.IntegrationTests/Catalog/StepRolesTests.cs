using System.Net;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Organisation.OrganisationAdmin;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>办理流程 step roles, 会签 groups and 秒批 rules: edited on the elements form, shown, exported and imported.</summary>
public abstract class StepRolesTests(TongbanApp app)
{
    private const string ParallelProcess =
        "accept 受理\nreview 审查\nsign-legal 法规科会签 | Approver | 会签\nsign-registry 登记科会签 | DepartmentAdmin | 会签\ncheck 系统核验 | DepartmentSystem\ndecide 决定";

    [Fact]
    public async Task EditPage_StepRoleAndParallelGroup_RoundTripThroughTheFormAndShowPage()
    {
        var editor = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var implementation = await app.CompleteDraftAsync(editor, DemoCity.MarketRegulation, "会签事项" + Guid.NewGuid().ToString("N")[..6]);

        await AssertRedirectedAsync(await editor.SaveElementsAsync(implementation, form =>
        {
            form["Elements.Process"] = ParallelProcess;
            form.Check("Elements.InstantApprovalRules", true, InstantApprovalChecks.IdentityVerified);
            form.Check("Elements.InstantApprovalRules", true, InstantApprovalChecks.MaterialsComplete);
        }), implementation);

        var again = FormValues.Of(await editor.GetPageAsync($"{implementation}/edit"), "Elements.Name");
        Assert.Equal(ParallelProcess, again["Elements.Process"].Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        var shown = Pages.Text(await editor.GetPageAsync(implementation));
        Assert.Contains("登记科会签（sign-registry），办理角色：DepartmentAdmin，会签组“会签”（并联）", shown, StringComparison.Ordinal);
        Assert.Contains("系统核验（check），办理角色：DepartmentSystem", shown, StringComparison.Ordinal);
        Assert.Contains("申请人已实名认证、必要材料齐全", shown, StringComparison.Ordinal);
        await editor.SubmitAsync(implementation);
    }

    [Fact]
    public async Task EditPage_NonAdjacentParallelGroup_OrUnknownRole_IsAClearErrorAtSubmit()
    {
        var editor = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var implementation = await app.CompleteDraftAsync(editor, DemoCity.MarketRegulation, "会签不相邻" + Guid.NewGuid().ToString("N")[..6]);
        await AssertRedirectedAsync(await editor.SaveElementsAsync(implementation, form =>
            form["Elements.Process"] = "accept 受理\nsign-a 法规科会签 | | 会签\nreview 审查\nsign-b 登记科会签 | Approver | 会签\ncheck 核验 | Robot\ndecide 决定"), implementation);

        var refused = await editor.ActAsync(implementation, "Submit");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = ErrorSummary(await refused.Content.ReadAsStringAsync());
        Assert.Contains("会签组“会签”的环节须相邻排列", summary, StringComparison.Ordinal);
        Assert.Contains("“核验”环节的办理角色“Robot”不是系统中的角色", summary, StringComparison.Ordinal);
        Assert.Contains("编辑中", Pages.Text(await editor.GetPageAsync(implementation)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportImport_KeepsStepRolesParallelGroupsAndInstantApprovalRules()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var code = CatalogActions.NewBasicCode();
        var content = CatalogActions.ValidContent("会签导入事项") with
        {
            Process =
            [
                new ProcessStep("accept", "受理"),
                new ProcessStep("sign-a", "法规科会签", "", "Approver", "会签"),
                new ProcessStep("sign-b", "登记科会签", "", "DepartmentAdmin", "会签"),
                new ProcessStep("decide", "决定"),
            ],
            InstantApprovalRules = [InstantApprovalChecks.GoodStanding],
        };
        var implementation = ImportExportActions.Implementation(code, content);

        await admin.ImportedAsync(ImportExportActions.Document([ImportExportActions.Item(code)], [implementation]));

        var published = (await app.PublishedContentsAsync()).Single(p => p.Code.Value == implementation.Code).Content;
        Assert.Equal(content.Process, published.Process);
        Assert.Equal([InstantApprovalChecks.GoodStanding], published.InstantApprovalRules);
        var exported = JsonDocument.Parse(await admin.ExportAsync()).RootElement.GetProperty("implementations").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == implementation.Code).GetProperty("content");
        var signB = exported.GetProperty("process").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "sign-b");
        Assert.Equal("DepartmentAdmin", signB.GetProperty("role").GetString());
        Assert.Equal("会签", signB.GetProperty("parallelGroup").GetString());
        Assert.Equal("good-standing", exported.GetProperty("instantApprovalRules")[0].GetString());
    }

    [Fact]
    public async Task Import_NonAdjacentParallelGroup_IsRejected()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var code = CatalogActions.NewBasicCode();
        var content = CatalogActions.ValidContent("会签不相邻导入") with
        {
            Process = [new ProcessStep("a", "甲会签", ParallelGroup: "会签"), new ProcessStep("review", "审查"), new ProcessStep("b", "乙会签", ParallelGroup: "会签")],
        };

        var errors = await admin.RejectedAsync(ImportExportActions.Document([ImportExportActions.Item(code)], [ImportExportActions.Implementation(code, content)]));

        Assert.Contains(errors, e => e.GetRawText().Contains("会签组“会签”的环节须相邻排列", StringComparison.Ordinal));
    }
}

public sealed class StepRolesTestsOnSqlite(SqliteApp app) : StepRolesTests(app), IClassFixture<SqliteApp>;

public sealed class StepRolesTestsOnPostgres(PostgresApp app) : StepRolesTests(app), IClassFixture<PostgresApp>;
