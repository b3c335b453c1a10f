using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Identity;

public abstract class SignInTests(TongbanApp app)
{
    [Fact]
    public async Task Clerk_SignsInOnThePage_AndSeesTheWorkbenchWithTheirScope()
    {
        var browser = await app.SignedInBrowserAsync("sn-clerk");
        var text = Pages.Text(await browser.GetPageAsync("/workbench"));
        Assert.Contains("李娜", text);
        Assert.Contains("窗口人员", text);
        Assert.Contains("遂宁市 · 市政务服务和大数据局", text);
    }

    [Fact]
    public async Task Citizen_SignsInWithLowercaseX_AndSeesOwnMaskedIdNumber()
    {
        var login = Actors.CitizenLogin(0);
        var browser = await app.SignedInBrowserAsync(login.ToLowerInvariant(), "citizen");
        var text = Pages.Text(await browser.GetPageAsync("/me"));
        Assert.Contains("张伟", text);
        Assert.Contains(login[..6] + "********" + login[^4..], text);
        Assert.DoesNotContain(login, text);
    }

    [Fact]
    public async Task EnterpriseAgent_SignsInWithUsccAndOwnIdNumber()
    {
        var login = Actors.AgentLogin(0);
        var parts = login.Split(':');
        var browser = app.Browser();
        var response = await browser.PostFormAsync("/signin?as=enterprise", [new("As", "enterprise"), new("Uscc", parts[0]), new("Username", parts[1]), new("Password", Tongban.Platform.Demo.DemoCity.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var text = Pages.Text(await browser.GetPageAsync("/me"));
        Assert.Contains("遂宁市南津科技有限公司", text);
    }

    [Fact]
    public async Task WrongPassword_ShowsErrorSummary_AndDoesNotSignIn()
    {
        var browser = app.Browser();
        var response = await browser.PostFormAsync("/signin?as=staff", [new("As", "staff"), new("Username", "SN-APPROVER"), new("Password", "wrong-password")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Pages.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("提交的内容有问题", text);
        Assert.Contains("账号或密码错误", text);
        var workbench = await browser.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, workbench.StatusCode);
        Assert.Equal("/signin", workbench.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryToken_IsRejected()
    {
        var browser = app.Browser();
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent([new("Username", "SN-CLERK"), new("Password", Tongban.Platform.Demo.DemoCity.Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Token_IsIssuedInTheDocumentedShape_AndOpensTheApi()
    {
        var response = await app.RequestTokenAsync("ADMIN");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));

        using var api = await app.ApiClientAsync("ADMIN");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task Token_WithWrongPassword_Answers401ProblemDetails()
    {
        var response = await app.RequestTokenAsync("SN-SUPERVISOR", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sign-in.failed", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount_EvenForTheRightPassword_UntilTheLockoutPasses()
    {
        // 王秀英's account (a citizen no other test signs in as).
        var login = Actors.CitizenLogin(1);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(login, "wrong")).StatusCode);
        }

        var locked = await app.RequestTokenAsync(login);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("sign-in.locked-out", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(login)).StatusCode);
    }

    [Fact]
    public async Task ApiWithoutToken_Answers401_AndCitizenTokenCannotVerifyAudit()
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/api/v1/audit/verify");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var citizen = await app.ApiClientAsync(Actors.CitizenLogin(2));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task GarbageBearerToken_Answers401()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_StopsWorking()
    {
        using var api = await app.ApiClientAsync("SN-DATA");
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/audit/verify")).StatusCode);
    }
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
