using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Cases;

/// <summary>The workbench offers each person the case work their role does, and nothing else.</summary>
public abstract class WorkbenchLinksTests(TongbanApp app)
{
    [Theory]
    [InlineData("SN-CLERK", new[] { "受理队列", "窗口收件 / 帮办代办" }, new[] { "后台办件" })]
    [InlineData("SN-APPROVER", new[] { "后台办件" }, new[] { "受理队列", "窗口收件" })]
    [InlineData("SN-SUPERVISOR", new[] { "后台办件" }, new[] { "受理队列", "窗口收件" })]
    [InlineData("SN-DATA", new string[0], new[] { "受理队列", "窗口收件", "后台办件" })]
    public async Task Workbench_ShowsTheCaseLinksOfTheRole(string login, string[] shown, string[] hidden)
    {
        using var browser = await app.SignedInBrowserAsync(login);

        var page = Pages.Text(await browser.GetPageAsync("/workbench"));

        Assert.All(shown, link => Assert.Contains(link, page, StringComparison.Ordinal));
        Assert.All(hidden, link => Assert.DoesNotContain(link, page, StringComparison.Ordinal));
    }
}

public sealed class WorkbenchLinksOnSqlite(SqliteApp app) : WorkbenchLinksTests(app), IClassFixture<SqliteApp>;
