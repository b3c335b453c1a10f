using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Tests.Licences;

/// <summary>亮证 and 用证授权 codes: who may be granted what for how long, and when a code stops working.</summary>
public sealed class LicenceGrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    [Fact]
    public void Share_OfAValidLicence_IsActiveUntilItExpires_ThenRefused()
    {
        var grant = LicenceGrant.Share(ALicence(), LicenceState.Valid, " 遂宁银行 ", "贷款审核", TimeSpan.FromHours(2), Month, "hash", Now).Value;

        Assert.Equal("遂宁银行", grant.Grantee);
        Assert.Equal(LicenceGrantState.Active, grant.StateAt(Now.AddHours(1)));
        Assert.True(grant.CheckUsable(Now.AddHours(1)).IsSuccess);
        Assert.Equal(LicenceGrantState.Expired, grant.StateAt(Now.AddHours(2)));
        Assert.Equal("licences.grant-expired", grant.CheckUsable(Now.AddHours(2)).Error!.Code);
    }

    [Fact]
    public void Revoke_EndsTheGrantAtOnce_AndOnlyOnce()
    {
        var grant = LicenceGrant.Share(ALicence(), LicenceState.Valid, "遂宁银行", "贷款审核", TimeSpan.FromDays(7), Month, "hash", Now).Value;

        Assert.True(grant.Revoke(Now.AddMinutes(5)).IsSuccess);
        Assert.Equal(LicenceGrantState.Revoked, grant.StateAt(Now.AddMinutes(6)));
        Assert.Equal("licences.grant-revoked", grant.CheckUsable(Now.AddMinutes(6)).Error!.Code);
        Assert.Equal("licences.grant-not-active", grant.Revoke(Now.AddMinutes(7)).Error!.Code);
    }

    [Theory]
    [InlineData(LicenceState.Expired)]
    [InlineData(LicenceState.Suspended)]
    [InlineData(LicenceState.Revoked)]
    [InlineData(LicenceState.Superseded)]
    public void Share_OfALicenceThatIsNotValid_IsRefused(LicenceState state) =>
        Assert.Equal("licences.grant-licence-not-valid", LicenceGrant.Share(ALicence(), state, "遂宁银行", "贷款审核", TimeSpan.FromDays(1), Month, "hash", Now).Error!.Code);

    [Theory]
    [InlineData("", "贷款审核", 24, "grantee")]
    [InlineData("遂宁银行", " ", 24, "purpose")]
    [InlineData("遂宁银行", "贷款审核", 0, "duration")]
    [InlineData("遂宁银行", "贷款审核", 30 * 24 + 1, "duration")]
    public void Share_NeedsAGranteeAPurposeAndADurationWithinTheLongest(string grantee, string purpose, int hours, string field)
    {
        var error = LicenceGrant.Share(ALicence(), LicenceState.Valid, grantee, purpose, TimeSpan.FromHours(hours), Month, "hash", Now).Error!;
        Assert.IsType<Invalid>(error);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Show_CodeExpiresAfterItsMinutes_WithItsOwnMessage()
    {
        var grant = LicenceGrant.Show(ALicence(), "hash", TimeSpan.FromMinutes(3), Now);

        Assert.True(grant.CheckUsable(Now.AddMinutes(2)).IsSuccess);
        Assert.Equal("licences.show-expired", grant.CheckUsable(Now.AddMinutes(3)).Error!.Code);
    }

    private static Licence ALicence()
    {
        var code = LicenceTypeCode.FromTrusted("11510900MB1A00036T116");
        var issuer = Guid.NewGuid();
        var type = LicenceType.Define(code, "食品经营许可证", [new LicenceField("name", "名称")], LicenceValidity.ForYears(5), new LicenceTemplate("食品经营许可证"), [issuer], false, Now).Value;
        var holder = LicenceHolder.Person(IdNumber.Parse("510903199003071234", new DateOnly(2026, 3, 2)).Value, "张伟");
        var issue = new LicenceIssue(LicenceIdentifier.FromTrusted("1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001.U"), type, issuer, "市市场监督管理局", holder,
            new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2), new DateOnly(2031, 3, 1), new Dictionary<string, string?> { ["name"] = "张伟小吃店" }, LicenceOrigin.Issued, null);
        return Licence.Issue(issue, Now).Value;
    }
}
