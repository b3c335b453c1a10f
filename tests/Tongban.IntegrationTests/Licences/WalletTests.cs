using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.IntegrationTests.Platform;
using Tongban.Modules.Licences.Features.VerifyLicence;
using Tongban.Modules.Licences.Seals;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Licences;

/// <summary>
/// The holder's wallet: the licence PDF (text, seal, a QR code that scans to a verifying link), the
/// wallet page and API showing only the holder's own licences, 亮证 with its short-lived code, and
/// 用证授权 from grant to use, revocation and expiry. Citizen 3 never holds a licence here.
/// </summary>
public abstract partial class WalletTests(TongbanApp app)
{
    private const string Base = "http://localhost:5080";

    [Fact]
    public async Task LicencePdf_HasItsTextExtractable_AndAQrCodeThatScansToAVerifyingLink()
    {
        var type = await app.DefineTestTypeAsync("食品经营许可证");
        var id = await app.IssueToCitizenAsync(type, 0);
        var holder = await app.SignedInBrowserAsync(Actors.CitizenLogin(0), "citizen");

        var response = await holder.GetAsync($"/licences/{id.Value}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("食品经营许可证", text, StringComparison.Ordinal);
        Assert.Contains("张伟", text, StringComparison.Ordinal);
        Assert.Contains(DemoCity.IdNumberFor(DemoCity.Citizens[0]).Value, text, StringComparison.Ordinal);
        Assert.Contains(id.Value, text, StringComparison.Ordinal);
        Assert.Contains("市市场监督管理局", text, StringComparison.Ordinal);
        Assert.Contains("扫码核验", text, StringComparison.Ordinal);
        Assert.Contains("遂宁市船山区张伟小吃店", text, StringComparison.Ordinal);

        var scanned = Assert.Single(await PdfTools.QrCodesAsync(pdf));
        var stored = await StoredAsync(id);
        Assert.Equal($"{Base}/v/{stored.Payload}", scanned);
        var parsed = SignedPayload.Parse(scanned).Value;
        Assert.Equal(id.Value, parsed.Claims.Id);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(SignatureCheck.Valid, await scope.ServiceProvider.GetRequiredService<SealBook>().CheckAsync(parsed, CancellationToken.None));
    }

    [Fact]
    public async Task LicencePdf_IsForTheHolderAndTheIssuingDepartmentsStaff_NotFoundForEveryoneElse()
    {
        var type = await app.DefineTestTypeAsync();
        var id = await app.IssueToCitizenAsync(type, 1);
        var path = $"/licences/{id.Value}/pdf";

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInBrowserAsync(Actors.CitizenLogin(1), "citizen")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync("SN-APPROVER")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInBrowserAsync(Actors.CitizenLogin(3), "citizen")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("PX-APPROVER")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("SN-CLERK")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(Actors.AgentLogin(0))).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Wallet_ListsTheHoldersOwnLicences_ValidFirst_AndNoOneElseSeesThem()
    {
        var type = await app.DefineTestTypeAsync("卫生许可证");
        var revoked = await app.IssueToCitizenAsync(type, 2, "射洪市李强理发店");
        var valid = await app.IssueToCitizenAsync(type, 2, "射洪市李强五金店");
        await RevokeAsync(revoked);

        var holder = await app.SignedInBrowserAsync(Actors.CitizenLogin(2), "citizen");
        var page = Pages.Text(await holder.GetPageAsync("/me/licences"));
        Assert.Contains(valid.Value, page, StringComparison.Ordinal);
        Assert.Contains(revoked.Value, page, StringComparison.Ordinal);
        Assert.True(page.IndexOf(valid.Value, StringComparison.Ordinal) < page.IndexOf(revoked.Value, StringComparison.Ordinal), "the valid licence is listed first");
        Assert.Contains("已撤销", page, StringComparison.Ordinal);
        Assert.Contains("我的证照", Pages.Text(await holder.GetPageAsync("/me")), StringComparison.Ordinal);

        var detail = Pages.Text(await holder.GetPageAsync($"/me/licences/{valid.Value}"));
        Assert.Contains("射洪市李强五金店", detail, StringComparison.Ordinal);
        Assert.Contains("有效", detail, StringComparison.Ordinal);

        var other = await app.SignedInBrowserAsync(Actors.CitizenLogin(3), "citizen");
        var otherPage = Pages.Text(await other.GetPageAsync("/me/licences"));
        Assert.DoesNotContain(valid.Value, otherPage, StringComparison.Ordinal);
        Assert.Contains("您名下还没有电子证照", otherPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/me/licences/{valid.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/me/licences/{valid.Value}/show")).StatusCode);
    }

    [Fact]
    public async Task WalletApi_AnswersTheHoldersLicences_WithStatusFieldsAndTheQrLink()
    {
        var type = await app.DefineTestTypeAsync();
        var id = await app.IssueToCitizenAsync(type, 2, "射洪市李强文具店");
        var stored = await StoredAsync(id);

        var licences = await (await app.ApiClientAsync(Actors.CitizenLogin(2))).GetFromJsonAsync<JsonElement>("/api/v1/me/licences");
        var mine = licences.EnumerateArray().Single(l => l.GetProperty("identifier").GetString() == id.Value);
        Assert.Equal("valid", mine.GetProperty("status").GetString());
        Assert.Equal("市市场监督管理局", mine.GetProperty("issuer").GetString());
        Assert.Equal("射洪市李强文具店", mine.GetProperty("fields").GetProperty("名称").GetString());
        Assert.Equal($"{Base}/v/{stored.Payload}", mine.GetProperty("qr").GetString());
        Assert.Equal(stored.Payload, mine.GetProperty("payload").GetString());

        var others = await (await app.ApiClientAsync(Actors.CitizenLogin(3))).GetFromJsonAsync<JsonElement>("/api/v1/me/licences");
        Assert.Equal(0, others.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("SN-APPROVER")).GetAsync("/api/v1/me/licences")).StatusCode);
    }

    [Fact]
    public async Task ShowCode_OpensTheLicence_ThenSaysItExpired_OnceItsMinutesHavePassed()
    {
        var type = await app.DefineTestTypeAsync();
        var id = await app.IssueToCitizenAsync(type, 0, "遂宁市船山区张伟面馆");
        var holder = await app.SignedInBrowserAsync(Actors.CitizenLogin(0), "citizen");
        var show = await holder.GetPageAsync($"/me/licences/{id.Value}/show");
        var link = ShownLink().Match(show).Value;
        Assert.StartsWith($"{Base}/licences/shown/", link, StringComparison.Ordinal);
        var until = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow().AddMinutes(3), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"亮证有效期至 {until}", Pages.Text(show), StringComparison.Ordinal);

        var viewer = app.Browser();
        var path = new Uri(link).AbsolutePath;
        var seen = Pages.Text(await viewer.GetPageAsync(path));
        Assert.Contains("遂宁市船山区张伟面馆", seen, StringComparison.Ordinal);
        Assert.Contains("核验结果：有效", seen, StringComparison.Ordinal);
        Assert.Contains($"亮证有效期至 {until}", seen, StringComparison.Ordinal);
        Assert.Contains("张*", seen, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        var expired = await viewer.GetAsync(path);
        var expiredText = Pages.Text(await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("亮证二维码已过期", expiredText, StringComparison.Ordinal);
        Assert.DoesNotContain("遂宁市船山区张伟面馆", expiredText, StringComparison.Ordinal);
        Assert.Equal(1, await UsesAsync(id));

        var refreshed = await holder.PostFormAsync($"/me/licences/{id.Value}/show", []);
        Assert.Equal(HttpStatusCode.Redirect, refreshed.StatusCode);
        var fresh = ShownLink().Match(await holder.GetPageAsync($"/me/licences/{id.Value}/show")).Value;
        Assert.NotEqual(link, fresh);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri(fresh).AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task Grant_IsUsedAnonymously_LoggedAndCounted_ThenRevoked_AndRefused()
    {
        var type = await app.DefineTestTypeAsync();
        var id = await app.IssueToCitizenAsync(type, 1, "蓬溪县王秀英茶馆");
        var holder = await app.ApiClientAsync(Actors.CitizenLogin(1));

        var created = await holder.PostAsJsonAsync($"/api/v1/me/licences/{id.Value}/grants", new { grantee = "遂宁银行蓬溪支行", purpose = "办理经营贷款", days = 7 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var grant = await created.Content.ReadFromJsonAsync<JsonElement>();
        var code = grant.GetProperty("code").GetString()!;
        Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$", code);
        Assert.Equal($"{Base}/licences/shared/{code}", grant.GetProperty("link").GetString());

        var anonymous = app.CreateClient();
        var used = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/licence-grants/{code}");
        Assert.Equal("valid", used.GetProperty("status").GetString());
        Assert.Equal("王秀英", used.GetProperty("holder").GetString());
        Assert.Equal("蓬溪县王秀英茶馆", used.GetProperty("fields").GetProperty("名称").GetString());

        var grants = await holder.GetFromJsonAsync<JsonElement>($"/api/v1/me/licences/{id.Value}/grants");
        var row = grants.EnumerateArray().Single();
        Assert.Equal(1, row.GetProperty("uses").GetInt32());
        Assert.Equal("遂宁银行蓬溪支行", row.GetProperty("grantee").GetString());

        var page = Pages.Text(await app.Browser().GetPageAsync($"/licences/shared/{code.ToLowerInvariant()}"));
        Assert.Contains("蓬溪县王秀英茶馆", page, StringComparison.Ordinal);
        Assert.Contains("王秀英", page, StringComparison.Ordinal);
        var pdf = await anonymous.GetAsync($"/licences/shared/{code}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains("蓬溪县王秀英茶馆", await PdfTools.TextAsync(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var wallet = await app.SignedInBrowserAsync(Actors.CitizenLogin(1), "citizen");
        var listed = Pages.Text(await wallet.GetPageAsync($"/me/licences/{id.Value}"));
        Assert.Contains("使用 3 次", listed, StringComparison.Ordinal);

        var revoked = await holder.PostAsync($"/api/v1/me/licence-grants/{row.GetProperty("id").GetString()}/revoke", null);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.GetAsync($"/api/v1/licence-grants/{code}")).StatusCode);
        var refused = await app.Browser().GetAsync($"/licences/shared/{code}");
        var refusedText = Pages.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("已被持证人撤销", refusedText, StringComparison.Ordinal);
        Assert.DoesNotContain("蓬溪县王秀英茶馆", refusedText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.GetAsync($"/licences/shared/{code}/pdf")).StatusCode);
        Assert.Contains("已撤销", Pages.Text(await wallet.GetPageAsync($"/me/licences/{id.Value}")), StringComparison.Ordinal);
        Assert.Equal(3, await UsesAsync(id));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The three uses are verifications too, in the issuer's verification log (refused openings are not).
            var logged = await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<LicenceVerification>().AsNoTracking()
                .Where(v => v.Subject == id.Value).Select(v => v.Channel + ":" + v.Status).ToListAsync();
            Assert.Equal(["grant:valid", "grant:valid", "grant:valid"], logged);
        }

        // Someone else cannot revoke or list the holder's grants.
        var other = await app.ApiClientAsync(Actors.CitizenLogin(3));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/me/licences/{id.Value}/grants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/me/licence-grants/{row.GetProperty("id").GetString()}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/licence-grants/ABCDEFGH")).StatusCode);
    }

    [Fact]
    public async Task Grant_MadeOnTheLicencePage_ShowsItsCodeOnce_AndExpiresAfterItsHours()
    {
        var type = await app.DefineTestTypeAsync();
        var id = await app.IssueToCitizenAsync(type, 2, "射洪市李强花店");
        var holder = await app.SignedInBrowserAsync(Actors.CitizenLogin(2), "citizen");
        var path = $"/me/licences/{id.Value}";

        var tooLong = await holder.PostFormAsync(path, [new("grantee", "射洪市某物业公司"), new("purpose", "商铺租赁备案"), new("duration", "31"), new("unit", "days")], $"{path}?handler=grant");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("授权时长应为 1 小时至 30 天", Pages.Text(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var made = await holder.PostFormAsync(path, [new("grantee", "射洪市某物业公司"), new("purpose", "商铺租赁备案"), new("duration", "2"), new("unit", "hours")], $"{path}?handler=grant");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var shown = await holder.GetPageAsync(path);
        var code = SharedLink().Match(shown).Groups[1].Value;
        Assert.Equal(8, code.Length);
        Assert.DoesNotContain(code, await holder.GetPageAsync(path), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/licences/shared/{code}")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(2));
        var expired = await app.Browser().GetAsync($"/licences/shared/{code}");
        var text = Pages.Text(await expired.Content.ReadAsStringAsync());
        Assert.Contains("该用证授权已过期", text, StringComparison.Ordinal);
        Assert.DoesNotContain("射洪市李强花店", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await app.CreateClient().GetAsync($"/api/v1/licence-grants/{code}")).StatusCode);
        Assert.Contains("已过期", Pages.Text(await holder.GetPageAsync(path)), StringComparison.Ordinal);

        // Entering the code on the page leads to the same answer.
        var entered = await app.Browser().GetAsync($"/licences/shared?code={code.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
    }

    [Fact]
    public async Task Grant_OnALicenceRevokedSince_ShowsItsStatus_NotItsData()
    {
        var type = await app.DefineTestTypeAsync();
        var id = await app.IssueToCitizenAsync(type, 0, "遂宁市船山区张伟书店");
        var holder = await app.ApiClientAsync(Actors.CitizenLogin(0));
        var created = await holder.PostAsJsonAsync($"/api/v1/me/licences/{id.Value}/grants", new { grantee = "船山区某商场", purpose = "入驻审核", hours = 48 });
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await RevokeAsync(id);

        var used = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/licence-grants/{code}");
        Assert.Equal("revoked", used.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, used.GetProperty("holder").ValueKind);
        Assert.Empty(used.GetProperty("fields").EnumerateObject());
        var page = Pages.Text(await app.Browser().GetPageAsync($"/licences/shared/{code}"));
        Assert.Contains("核验结果：已撤销", page, StringComparison.Ordinal);
        Assert.DoesNotContain("遂宁市船山区张伟书店", page, StringComparison.Ordinal);
        Assert.DoesNotContain("张伟", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await app.CreateClient().GetAsync($"/licences/shared/{code}/pdf")).StatusCode);

        // A licence no longer valid cannot be granted again.
        var again = await holder.PostAsJsonAsync($"/api/v1/me/licences/{id.Value}/grants", new { grantee = "船山区某商场", purpose = "入驻审核", hours = 48 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    private async Task<Licence> StoredAsync(LicenceIdentifier id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<Licence>().AsNoTracking().SingleAsync(l => l.Identifier == id);
    }

    /// <summary>The issuer revokes the licence (part A's pages do this; here the aggregate does it directly).</summary>
    private async Task RevokeAsync(LicenceIdentifier id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
        var licence = await db.Set<Licence>().SingleAsync(l => l.Identifier == id);
        Assert.True(licence.Revoke("经营者申请注销", app.Clock.GetUtcNow()).IsSuccess);
        await db.SaveChangesAsync();
    }

    private async Task<int> UsesAsync(LicenceIdentifier id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
        var licence = await db.Set<Licence>().AsNoTracking().SingleAsync(l => l.Identifier == id);
        var grants = await db.Set<LicenceGrant>().AsNoTracking().Where(g => g.LicenceId == licence.Id).Select(g => g.Id).ToListAsync();
        return await db.Set<LicenceGrantUse>().AsNoTracking().CountAsync(u => grants.Contains(u.GrantId));
    }

    [GeneratedRegex(@"http://localhost:5080/licences/shown/[A-Za-z0-9_-]+")]
    private static partial Regex ShownLink();

    [GeneratedRegex(@"http://localhost:5080/licences/shared/([23456789A-Z]{8})")]
    private static partial Regex SharedLink();
}

public sealed class WalletTestsOnSqlite(SqliteApp app) : WalletTests(app), IClassFixture<SqliteApp>;

public sealed class WalletTestsOnPostgres(PostgresApp app) : WalletTests(app), IClassFixture<PostgresApp>;
