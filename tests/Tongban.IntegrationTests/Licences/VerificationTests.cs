using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Licences;
using Tongban.Modules.Licences.Features.VerifyLicence;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Licences;

/// <summary>Anyone verifies a licence by its QR payload or identifier; forged payloads fail, the register's state is seen, every verification is logged.</summary>
public abstract class VerificationTests(TongbanApp app)
{
    [Fact]
    public async Task Verify_AGenuinePayload_AnswersValid_WithThePublicFieldsAndTheHolderMasked()
    {
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);
        var licence = await app.StoredLicenceAsync(identifier);

        var answer = await app.VerifyAsync(new { payload = licence.Payload });

        Assert.Equal("valid", answer.GetProperty("status").GetString());
        Assert.Equal("licence", answer.GetProperty("kind").GetString());
        Assert.Equal(identifier.Value, answer.GetProperty("identifier").GetString());
        Assert.Equal("测试许可证", answer.GetProperty("typeName").GetString());
        Assert.Equal("市市场监督管理局", answer.GetProperty("issuerName").GetString());
        Assert.Equal(identifier.Issuer.Value, answer.GetProperty("issuerUscc").GetString());
        Assert.Equal("张*", answer.GetProperty("holderName").GetString());
        var holderCode = answer.GetProperty("holderCode").GetString()!;
        Assert.DoesNotContain(DemoCity.IdNumberFor(DemoCity.Citizens[0]).Value, holderCode, StringComparison.Ordinal);
        Assert.Contains("*", holderCode, StringComparison.Ordinal);
        Assert.Equal(licence.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), answer.GetProperty("validFrom").GetString());
        Assert.Equal(licence.ValidFrom.AddYears(5).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), answer.GetProperty("validUntil").GetString());
        Assert.Equal("遂宁市船山区张伟小吃店", answer.GetProperty("fields").GetProperty("名称").GetString());
        Assert.Equal("餐饮服务（小型餐馆）", answer.GetProperty("fields").GetProperty("经营范围").GetString());
        Assert.Equal(licence.KeyId, answer.GetProperty("keyId").GetString());
        Assert.Equal("市市场监督管理局", answer.GetProperty("sealDepartment").GetString());
        Assert.DoesNotContain("张伟\"", answer.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TheVerificationUrl_AnswersAsThePayloadDoes()
    {
        var type = await app.DefineTestTypeAsync();
        var licence = await app.StoredLicenceAsync(await app.IssueToCitizenAsync(type, 1));

        Assert.Equal("valid", await app.StatusOfPayloadAsync($"https://tongban.example/v/{licence.Payload}"));
    }

    [Theory]
    [InlineData("t")]
    [InlineData("i")]
    [InlineData("h")]
    [InlineData("f")]
    [InlineData("u")]
    [InlineData("k")]
    [InlineData("d")]
    public async Task Verify_APayloadWithAnyFieldChanged_AnswersInvalidSignature(string key)
    {
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);
        var other = await app.IssueToCitizenAsync(type, 1);
        var payload = (await app.StoredLicenceAsync(identifier)).Payload;

        var forged = VerificationActions.WithBodyValue(payload, key, _ => key switch
        {
            "t" => "D",
            "i" => other.Value,
            "h" => "李*",
            "f" => "20250101",
            "u" => "20991231",
            "k" => "AAAAAAAAAAAA",
            "d" => new JsonObject { ["名称"] = "遂宁市船山区张伟大酒店" },
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        });

        var answer = await app.VerifyAsync(new { payload = forged });
        Assert.Equal("invalid-signature", answer.GetProperty("status").GetString());
        Assert.False(answer.TryGetProperty("holderName", out _), "a forged payload's claims are not repeated back");
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Verify_APayloadWithOneSignatureBitFlipped_AnswersInvalidSignature()
    {
        var type = await app.DefineTestTypeAsync();
        var payload = (await app.StoredLicenceAsync(await app.IssueToCitizenAsync(type, 0))).Payload;

        Assert.Equal("invalid-signature", await app.StatusOfPayloadAsync(VerificationActions.WithFlippedSignatureBit(payload)));
        Assert.Equal("invalid-signature", await app.StatusOfPayloadAsync(VerificationActions.WithFlippedSignatureBit(payload, 63)));
    }

    [Fact]
    public async Task Verify_TextThatIsNoPayload_Is422_PayloadMalformed()
    {
        var response = await app.PostVerifyAsync(new { payload = "营业执照 张伟" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("licences.payload-malformed", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Verify_NeitherOrBothPayloadAndIdentifier_Is422()
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.PostVerifyAsync(new { })).StatusCode);
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);
        var payload = (await app.StoredLicenceAsync(identifier)).Payload;
        var both = await app.PostVerifyAsync(new { payload, identifier = identifier.Value });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, both.StatusCode);
        Assert.Equal("licences.verify-payload-or-identifier", (await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Verify_ByIdentifier_AnswersValid_AndAWrongCheckCharacterIs422WithTheMessage()
    {
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);

        Assert.Equal("valid", (await app.VerifyAsync(new { identifier = identifier.Value })).GetProperty("status").GetString());

        var check = identifier.Value[^1];
        var wrong = identifier.Value[..^1] + (check == '0' ? '1' : '0');
        var response = await app.PostVerifyAsync(new { identifier = wrong });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("licence-identifier.check", problem.GetProperty("code").GetString());
        Assert.Contains("校验位不正确", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"应为“{check}”", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnIdentifierNoLicenceHas_AnswersUnknown()
    {
        var type = await app.DefineTestTypeAsync();
        var never = LicenceIdentifier.Create(type, DemoCity.UsccFor("11", "510900000000", "MB1A0003"), 987654321, 1).Value;

        var answer = await app.VerifyAsync(new { identifier = never.Value });

        Assert.Equal("unknown", answer.GetProperty("status").GetString());
        Assert.False(answer.TryGetProperty("typeName", out _));
    }

    [Fact]
    public async Task Verify_AfterTheLastDayOfValidity_AnswersExpired()
    {
        var type = await app.DefineTestTypeAsync(validityYears: 1);
        var identifier = await app.IssueToCitizenAsync(type, 3);
        var payload = (await app.StoredLicenceAsync(identifier)).Payload;
        Assert.Equal("valid", await app.StatusOfPayloadAsync(payload));

        var before = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromDays(366));
        try
        {
            Assert.Equal("expired", await app.StatusOfPayloadAsync(payload));
            Assert.Equal("expired", (await app.VerifyAsync(new { identifier = identifier.Value })).GetProperty("status").GetString());
        }
        finally
        {
            // The other tests of this app start from the same day.
            app.Clock.Set(before);
        }
    }

    [Fact]
    public async Task Verify_ARevokedLicence_AnswersRevokedWithTheReason_AndASuspendedOneRevokedAndSuspended()
    {
        var type = await app.DefineTestTypeAsync();
        var revoked = await app.IssueToCitizenAsync(type, 0);
        var suspended = await app.IssueToCitizenAsync(type, 1);
        var revokedPayload = (await app.StoredLicenceAsync(revoked)).Payload;
        Assert.Equal("valid", await app.StatusOfPayloadAsync(revokedPayload));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
            Assert.True((await db.Set<Licence>().SingleAsync(l => l.Identifier == revoked)).Revoke("以欺骗手段取得许可", app.Clock.GetUtcNow()).IsSuccess);
            Assert.True((await db.Set<Licence>().SingleAsync(l => l.Identifier == suspended)).Suspend("停业整顿", app.Clock.GetUtcNow()).IsSuccess);
            await db.SaveChangesAsync();
        }

        var answer = await app.VerifyAsync(new { payload = revokedPayload });
        Assert.Equal("revoked", answer.GetProperty("status").GetString());
        Assert.Equal("以欺骗手段取得许可", answer.GetProperty("statusReason").GetString());
        Assert.False(answer.TryGetProperty("suspended", out _));

        var held = await app.VerifyAsync(new { identifier = suspended.Value });
        Assert.Equal("revoked", held.GetProperty("status").GetString());
        Assert.True(held.GetProperty("suspended").GetBoolean());
        Assert.Equal("停业整顿", held.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task Verify_AnOldVersionAfterAReissue_AnswersSuperseded_NamingTheNewVersion()
    {
        var type = await app.DefineTestTypeAsync(onePerHolder: true);
        var first = await app.IssueToCitizenAsync(type, 2, "射洪市李强五金店");
        var firstPayload = (await app.StoredLicenceAsync(first)).Payload;
        var second = await app.IssueToCitizenAsync(type, 2, "射洪市李强五金建材店");

        var answer = await app.VerifyAsync(new { payload = firstPayload });
        Assert.Equal("superseded", answer.GetProperty("status").GetString());
        Assert.Equal(second.Value, answer.GetProperty("supersededBy").GetString());
        Assert.Equal("valid", await app.StatusOfPayloadAsync((await app.StoredLicenceAsync(second)).Payload));
    }

    [Fact]
    public async Task Verify_AStoredLicenceWhosePayloadWasAltered_AnswersInvalidSignature()
    {
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);
        var genuine = (await app.StoredLicenceAsync(identifier)).Payload;
        var altered = VerificationActions.WithBodyValue(genuine, "u", _ => "20991231");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE licences SET payload = {altered} WHERE identifier = {identifier.Value}");
        }

        Assert.Equal("invalid-signature", (await app.VerifyAsync(new { identifier = identifier.Value })).GetProperty("status").GetString());
        Assert.Equal("invalid-signature", await app.StatusOfPayloadAsync(genuine));
    }

    [Fact]
    public async Task Verify_ASignedDecisionDocument_ChecksTheSignatureOnly()
    {
        string payload;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var licences = scope.ServiceProvider.GetRequiredService<ILicences>();
            var claims = new PayloadClaims(PayloadKind.Decision, "TB-TEST-DECISION-0001", "张*", new DateOnly(2026, 3, 2), null,
                new Dictionary<string, string> { ["决定"] = "准予行政许可" });
            payload = (await licences.SignDecisionAsync(DemoCity.MarketRegulation, claims, CancellationToken.None)).Text;
            await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().SaveChangesAsync();
        }

        var answer = await app.VerifyAsync(new { payload });
        Assert.Equal("valid", answer.GetProperty("status").GetString());
        Assert.Equal("decision", answer.GetProperty("kind").GetString());
        Assert.Equal("TB-TEST-DECISION-0001", answer.GetProperty("caseNumber").GetString());
        Assert.Equal("准予行政许可", answer.GetProperty("fields").GetProperty("决定").GetString());
        Assert.Equal("市市场监督管理局", answer.GetProperty("sealDepartment").GetString());

        var forged = await app.VerifyAsync(new { payload = VerificationActions.WithBodyValue(payload, "d", _ => new JsonObject { ["决定"] = "不予行政许可" }) });
        Assert.Equal("invalid-signature", forged.GetProperty("status").GetString());
        Assert.Equal("decision", forged.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task EveryVerification_IsLoggedOnce_WithChannelAndStatus_AndNoPersonalData()
    {
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);
        var payload = (await app.StoredLicenceAsync(identifier)).Payload;

        await app.VerifyAsync(new { payload });
        await app.VerifyAsync(new { payload = VerificationActions.WithFlippedSignatureBit(payload) });
        using (var citizen = await app.ApiClientAsync(Actors.CitizenLogin(1)))
        {
            await app.VerifyAsync(new { identifier = identifier.Value }, citizen);
        }

        await app.Browser().GetPageAsync("/licences/verify?identifier=" + Uri.EscapeDataString(identifier.Value));
        await app.Browser().GetPageAsync("/v/" + payload);

        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<LicenceVerification>().AsNoTracking()
            .Where(v => v.Subject == identifier.Value).ToListAsync();
        Assert.Equal(
            new[] { "api:invalid-signature", "api:valid", "api:valid", "link:valid", "page:valid" },
            rows.Select(r => $"{r.Channel}:{r.Status}").Order(StringComparer.Ordinal).ToArray());
        Assert.Single(rows, r => r.AccountId is not null);
        var person = DemoCity.Citizens[0];
        var stored = JsonSerializer.Serialize(rows);
        Assert.DoesNotContain(person.Name, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoCity.IdNumberFor(person).Value, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(payload, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIssuingDepartment_SeesALicencesVerifications_AndOtherDepartmentsDoNot()
    {
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);
        await app.VerifyAsync(new { identifier = identifier.Value });
        var path = $"/api/v1/licences/{identifier.Value}/verifications";

        using var issuer = await app.ApiClientAsync("SN-APPROVER");
        var seen = await issuer.GetFromJsonAsync<JsonElement>(path);
        var entry = Assert.Single(seen.GetProperty("verifications").EnumerateArray());
        Assert.Equal("api", entry.GetProperty("channel").GetString());
        Assert.Equal("valid", entry.GetProperty("status").GetString());
        Assert.False(entry.GetProperty("signedIn").GetBoolean());

        using var otherCounty = await app.ApiClientAsync("PX-APPROVER");
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync(path)).StatusCode);
        using var citizen = await app.ApiClientAsync(Actors.CitizenLogin(0));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task TheVerifyPage_ShowsValidAndTheMaskedName_AndSignatureInvalidForATamperedPayload()
    {
        var type = await app.DefineTestTypeAsync();
        var payload = (await app.StoredLicenceAsync(await app.IssueToCitizenAsync(type, 0))).Payload;
        var browser = app.Browser();

        var form = Pages.Text(await browser.GetPageAsync("/licences/verify"));
        Assert.Contains("扫码或粘贴二维码内容", form, StringComparison.Ordinal);

        var valid = Pages.Text(await browser.GetPageAsync("/licences/verify?payload=" + Uri.EscapeDataString(payload)));
        Assert.Contains("有效", valid, StringComparison.Ordinal);
        Assert.Contains("张*", valid, StringComparison.Ordinal);
        Assert.Contains("遂宁市船山区张伟小吃店", valid, StringComparison.Ordinal);
        Assert.Contains("持证主体 张*", valid, StringComparison.Ordinal);
        Assert.DoesNotContain("签名无效", valid, StringComparison.Ordinal);

        var tampered = VerificationActions.WithBodyValue(payload, "h", _ => "李*");
        var invalid = Pages.Text(await browser.GetPageAsync("/licences/verify?payload=" + Uri.EscapeDataString(tampered)));
        Assert.Contains("签名无效", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("李*", invalid, StringComparison.Ordinal);

        var link = Pages.Text(await browser.GetPageAsync("/v/" + payload));
        Assert.Contains("有效", link, StringComparison.Ordinal);
        Assert.Contains("张*", link, StringComparison.Ordinal);
        Assert.Contains("签名无效", Pages.Text(await browser.GetPageAsync("/v/" + VerificationActions.WithFlippedSignatureBit(payload))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVerifyPage_ShowsTheRuleForAWrongIdentifier()
    {
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);
        var wrong = identifier.Value[..^1] + (identifier.Value[^1] == '0' ? '1' : '0');

        var page = Pages.Text(await app.Browser().GetPageAsync("/licences/verify?identifier=" + Uri.EscapeDataString(wrong)));

        Assert.Contains("校验位不正确", page, StringComparison.Ordinal);
    }
}

public sealed class VerificationTestsOnSqlite(SqliteApp app) : VerificationTests(app), IClassFixture<SqliteApp>;

public sealed class VerificationTestsOnPostgres(PostgresApp app) : VerificationTests(app), IClassFixture<PostgresApp>;
