using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Licences;

/// <summary>One licence version: how it is issued, how its status moves, and what a verifier is told on a day.</summary>
public sealed class LicenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly IssuedOn = new(2026, 3, 2);
    private static readonly DateOnly LastDay = new(2031, 3, 1);
    private static readonly Guid IssuerDepartment = Guid.NewGuid();
    private static readonly LicenceIdentifier FirstVersion = LicenceIdentifier.FromTrusted("1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001.U");

    private static readonly LicenceType Type = LicenceType.Define(
        LicenceTypeCode.FromTrusted("11510900MB1A00036T116"),
        "食品经营许可证",
        [new LicenceField("name", "经营者名称", InPayload: true), new LicenceField("address", "经营场所"), new LicenceField("scope", "经营项目", InPayload: true, Required: false)],
        LicenceValidity.ForYears(5),
        new LicenceTemplate("食品经营许可证"),
        [IssuerDepartment],
        false,
        Now).Value;

    private static readonly LicenceHolder Holder = LicenceHolder.Person(IdNumber.Parse("510903199003071234", IssuedOn).Value, "张伟");

    private static LicenceIssue AnIssue(DateOnly? validUntil = null, bool openEnded = false) => new(
        FirstVersion, Type, IssuerDepartment, "市市场监督管理局", Holder, IssuedOn, IssuedOn, openEnded ? null : validUntil ?? LastDay,
        new Dictionary<string, string?> { ["name"] = "张伟小吃店", ["address"] = "船山区顺城街 1 号" }, LicenceOrigin.Issued, "SN-2026-000001");

    private static Licence ALicence(LicenceStatus status = LicenceStatus.Valid, bool openEnded = false)
    {
        var licence = Succeeds(Licence.Issue(AnIssue(openEnded: openEnded), Now));
        var done = status switch
        {
            LicenceStatus.Valid => Result.Success,
            LicenceStatus.Suspended => licence.Suspend("整改期间暂停", Now),
            LicenceStatus.Revoked => licence.Revoke("以欺骗手段取得", Now),
            LicenceStatus.Superseded => licence.Supersede(FirstVersion.NextVersion().Value, Now),
        };
        Assert.True(done.IsSuccess);
        Assert.Equal(status, licence.Status);
        return licence;
    }

    private static void Refused(Result result, string code)
    {
        Assert.False(result.IsSuccess, $"Expected '{code}' but the change was allowed.");
        Assert.Equal(code, result.Error.Code);
        Assert.IsType<Conflict>(result.Error);
        AssertChineseMessage(result.Error);
    }

    [Fact]
    public void Issue_KeepsTheFacts_AndStartsValid()
    {
        var licence = ALicence();

        Assert.Equal(FirstVersion, licence.Identifier);
        Assert.Equal(Type.Code, licence.TypeCode);
        Assert.Equal("食品经营许可证", licence.TypeName);
        Assert.Equal(FirstVersion.Issuer, licence.IssuerUscc);
        Assert.Equal(LastDay, licence.ValidUntil);
        Assert.Equal("张伟小吃店", licence.Data["name"]);
        Assert.Equal(LicenceStatus.Valid, licence.Status);
        Assert.Null(licence.StatusReason);
        Assert.Equal("SN-2026-000001", licence.CaseNumber);
    }

    [Fact]
    public void Issue_ByADepartmentTheTypeDoesNotName_IsForbidden_ButAnImportFromItIsTaken()
    {
        var stranger = AnIssue() with { IssuerDepartmentId = Guid.NewGuid() };

        var error = Fails(Licence.Issue(stranger, Now), "licences.issuer-not-allowed");
        Assert.IsType<Forbidden>(error);
        Assert.True(Licence.Issue(stranger with { Origin = LicenceOrigin.Imported }, Now).IsSuccess);
    }

    [Fact]
    public void Issue_ValidityEndingBeforeItStarts_IsRefused() =>
        Assert.Equal("validUntil", FailsInvalid(Licence.Issue(AnIssue(validUntil: IssuedOn.AddDays(-1)), Now), "licences.validity-ends-before-it-starts").Field);

    [Fact]
    public void Issue_DataBreakingTheType_IsRefusedByTheTypeRule() =>
        FailsInvalid(Licence.Issue(AnIssue() with { Data = new Dictionary<string, string?> { ["name"] = "张伟小吃店" } }, Now), "licences.field-required");

    [Fact]
    public void Suspend_AValidLicence_KeepsTheReason_AndReinstate_MakesItValidAgain()
    {
        var licence = ALicence();
        var later = Now.AddDays(3);

        Assert.True(licence.Suspend(" 整改期间暂停 ", Now).IsSuccess);
        Assert.Equal(LicenceStatus.Suspended, licence.Status);
        Assert.Equal("整改期间暂停", licence.StatusReason);
        Assert.Equal(LicenceState.Suspended, licence.StateOn(IssuedOn));

        Assert.True(licence.Reinstate("整改完成", later).IsSuccess);
        Assert.Equal(LicenceStatus.Valid, licence.Status);
        Assert.Equal("整改完成", licence.StatusReason);
        Assert.Equal(later, licence.StatusChangedAt);
        Assert.Equal(LicenceState.Valid, licence.StateOn(IssuedOn));
    }

    [Theory]
    [InlineData(LicenceStatus.Valid)]
    [InlineData(LicenceStatus.Suspended)]
    public void Revoke_AValidOrSuspendedLicence_EndsIt(LicenceStatus status)
    {
        var licence = ALicence(status);

        Assert.True(licence.Revoke("吊销", Now).IsSuccess);
        Assert.Equal(LicenceStatus.Revoked, licence.Status);
        Assert.Equal(LicenceState.Revoked, licence.StateOn(IssuedOn));
        Assert.False(licence.IsValidOn(IssuedOn));
    }

    [Theory]
    [InlineData(LicenceStatus.Valid)]
    [InlineData(LicenceStatus.Suspended)]
    public void Supersede_ByTheNextVersion_NamesIt(LicenceStatus status)
    {
        var licence = ALicence(status);
        var next = FirstVersion.NextVersion().Value;

        Assert.True(licence.Supersede(next, Now).IsSuccess);
        Assert.Equal(LicenceStatus.Superseded, licence.Status);
        Assert.Equal(next, licence.SupersededBy);
        Assert.Equal(next.Value, licence.StatusReason);
        Assert.Equal(LicenceState.Superseded, licence.StateOn(IssuedOn));
    }

    [Fact]
    public void Supersede_ByAnEarlierVersionOrAnotherSerial_IsAProgrammingError_AndSoIsAnotherTypesVersion()
    {
        var second = FirstVersion.NextVersion().Value;
        var licence = Succeeds(Licence.Issue(AnIssue() with { Identifier = second }, Now));
        var otherSerial = LicenceIdentifier.Create(FirstVersion.Type, FirstVersion.Issuer, 2, 3).Value;

        Assert.Throws<ArgumentException>(() => licence.Supersede(FirstVersion, Now));
        Assert.Throws<ArgumentException>(() => licence.Supersede(second, Now));
        Assert.Throws<ArgumentException>(() => licence.Supersede(otherSerial, Now));
        var otherType = LicenceIdentifier.Create(LicenceTypeCode.FromTrusted("11510900MB1A00036T117"), FirstVersion.Issuer, 1, 3).Value;
        Assert.Throws<ArgumentException>(() => licence.Supersede(otherType, Now));
        Assert.Equal(LicenceStatus.Valid, licence.Status);
    }

    [Theory]
    [InlineData(LicenceStatus.Suspended)]
    [InlineData(LicenceStatus.Revoked)]
    [InlineData(LicenceStatus.Superseded)]
    public void Suspend_OfALicenceThatIsNotValid_IsRefused(LicenceStatus status) => Refused(ALicence(status).Suspend("暂停", Now), "licences.only-valid-suspended");

    [Theory]
    [InlineData(LicenceStatus.Valid)]
    [InlineData(LicenceStatus.Revoked)]
    [InlineData(LicenceStatus.Superseded)]
    public void Reinstate_OfALicenceThatIsNotSuspended_IsRefused(LicenceStatus status) => Refused(ALicence(status).Reinstate("恢复", Now), "licences.only-suspended-reinstated");

    [Theory]
    [InlineData(LicenceStatus.Revoked)]
    [InlineData(LicenceStatus.Superseded)]
    public void Revoke_OfAnEndedLicence_IsRefused(LicenceStatus status) => Refused(ALicence(status).Revoke("吊销", Now), "licences.already-ended");

    [Theory]
    [InlineData(LicenceStatus.Revoked)]
    [InlineData(LicenceStatus.Superseded)]
    public void Supersede_OfAnEndedLicence_IsRefused(LicenceStatus status)
    {
        var licence = ALicence(status);
        var before = licence.StatusReason;

        Refused(licence.Supersede(LicenceIdentifier.Create(FirstVersion.Type, FirstVersion.Issuer, 1, 3).Value, Now), "licences.already-ended");
        Assert.Equal(status, licence.Status);
        Assert.Equal(before, licence.StatusReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void StatusChange_WithoutAReason_IsRefused_AndChangesNothing(string? reason)
    {
        var licence = ALicence();

        Assert.Equal("reason", FailsInvalid(ToGeneric(licence.Suspend(reason, Now)), "licences.reason-required").Field);
        FailsInvalid(ToGeneric(licence.Revoke(reason, Now)), "licences.reason-required");
        Assert.Equal(LicenceStatus.Valid, licence.Status);
        Assert.Null(licence.StatusChangedAt);
    }

    [Fact]
    public void StatusChange_WithATooLongReason_IsRefused()
    {
        var licence = ALicence();

        FailsInvalid(ToGeneric(licence.Suspend(new string('因', Licence.MaxReasonLength + 1), Now)), "licences.reason-too-long");
        Assert.True(licence.Suspend(new string('因', Licence.MaxReasonLength), Now).IsSuccess);
    }

    [Fact]
    public void StateOn_IsValidThroughTheLastDay_AndExpiredTheDayAfter()
    {
        var licence = ALicence();

        Assert.Equal(LicenceState.Valid, licence.StateOn(IssuedOn));
        Assert.Equal(LicenceState.Valid, licence.StateOn(LastDay));
        Assert.True(licence.IsValidOn(LastDay));
        Assert.Equal(LicenceState.Expired, licence.StateOn(LastDay.AddDays(1)));
        Assert.False(licence.IsValidOn(LastDay.AddDays(1)));
        Assert.Equal(LicenceStatus.Valid, licence.Status);
    }

    [Fact]
    public void StateOn_OpenEnded_NeverExpires()
    {
        var licence = ALicence(openEnded: true);

        Assert.Null(licence.ValidUntil);
        Assert.Equal(LicenceState.Valid, licence.StateOn(new DateOnly(2099, 12, 31)));
        Assert.Equal(LicenceState.Valid, licence.StateOn(DateOnly.MaxValue));
    }

    [Theory]
    [InlineData(LicenceStatus.Suspended, LicenceState.Suspended)]
    [InlineData(LicenceStatus.Revoked, LicenceState.Revoked)]
    [InlineData(LicenceStatus.Superseded, LicenceState.Superseded)]
    public void StateOn_AfterTheLastDay_StillTellsTheIssuersDecision(LicenceStatus status, LicenceState state) =>
        Assert.Equal(state, ALicence(status).StateOn(LastDay.AddDays(1)));

    [Fact]
    public void IsValidOn_BeforeItsValidityStarts_IsFalse() => Assert.False(ALicence().IsValidOn(IssuedOn.AddDays(-1)));

    [Fact]
    public void ClaimsToSign_CarryOnlyThePayloadFieldsByLabel_AndTheMaskedHolder()
    {
        var claims = ALicence().ClaimsToSign(Type);

        Assert.Equal(PayloadKind.Licence, claims.Kind);
        Assert.Equal(FirstVersion.Value, claims.Id);
        Assert.Equal("张*", claims.Holder);
        Assert.Equal((IssuedOn, (DateOnly?)LastDay), (claims.From, claims.Until));
        Assert.Equal(new Dictionary<string, string> { ["经营者名称"] = "张伟小吃店" }, claims.Fields);
    }

    [Fact]
    public void Seal_IsAttachedOnce()
    {
        var licence = ALicence();

        licence.Seal(new SignedPayloadText("body.signature", "kid-1"));

        Assert.Equal(("body.signature", "kid-1"), (licence.Payload, licence.KeyId));
        Assert.Throws<InvalidOperationException>(() => licence.Seal(new SignedPayloadText("other.signature", "kid-2")));
    }

    private static Result<bool> ToGeneric(Result result) => result.IsSuccess ? true : result.Error;
}
