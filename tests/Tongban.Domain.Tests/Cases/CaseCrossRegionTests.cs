using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Cases;

public class CaseCrossRegionTests
{
    private static readonly DateTimeOffset Monday = At("2026-03-02 10:00");
    private static readonly RegionCode Chuanshan = RegionCode.FromTrusted("510903000000");
    private static readonly RegionCode Shehong = RegionCode.FromTrusted("510981000000");
    private static readonly RegionCode Chengdu = RegionCode.FromTrusted("510100000000");
    private static readonly RegionCode Chongqing = RegionCode.FromTrusted("500100000000");
    private static readonly Guid Hall = new("b1000000-0000-0000-0000-000000000003");

    private static RemoteIntake Intake(RemoteResultDelivery delivery = RemoteResultDelivery.CollectAtReceivingHall, string? address = null) =>
        Succeeds(RemoteIntake.Create(Hall, "射洪市政务服务中心", Shehong, "射洪市", ClerkId, "周静", true, delivery, address));

    [Theory]
    [InlineData(IntakeReach.Local, "510981000000", false)]
    [InlineData(IntakeReach.Local, "510900000000", true)]
    [InlineData(IntakeReach.City, "510981000000", true)]
    [InlineData(IntakeReach.City, "510100000000", false)]
    [InlineData(IntakeReach.Province, "510100000000", true)]
    [InlineData(IntakeReach.Province, "500100000000", false)]
    [InlineData(IntakeReach.Nationwide, "500100000000", true)]
    public void AScopeReachesTheHallsOfItsCityProvinceOrCountry(IntakeReach reach, string receiving, bool reaches) =>
        Assert.Equal(reaches, CrossRegion.MayReceive(reach, Chuanshan, RegionCode.FromTrusted(receiving)));

    [Fact]
    public void RemoteIntake_WithoutAnIdentityCheck_IsRefused() =>
        Refused<Invalid, RemoteIntake>(RemoteIntake.Create(Hall, "射洪市政务服务中心", Shehong, "射洪市", ClerkId, "周静", false, RemoteResultDelivery.CollectAtReceivingHall, null),
            RemoteIntakeErrors.IdentityMustBeCheckedCode);

    [Fact]
    public void RemoteIntake_ByPost_NeedsAnAddress() =>
        Refused<Invalid, RemoteIntake>(RemoteIntake.Create(Hall, "射洪市政务服务中心", Shehong, "射洪市", ClerkId, "周静", true, RemoteResultDelivery.Post, " "),
            RemoteIntakeErrors.PostNeedsAnAddressCode);

    [Fact]
    public void Submission_BindsTheRecordToTheCompetentSide_AndRecordsBothSides()
    {
        var draft = Draft(Monday.AddMinutes(-30));
        Ok(draft.ReceiveRemotely(Intake()));
        foreach (var key in new[] { IdCard, Lease, Plan })
        {
            Ok(draft.ProvideMaterial(Upload(key), Monday.AddMinutes(-10)));
        }

        Ok(draft.Submit(NumberOn(Monday), ItemMaterials, Clerk, Monday));

        Assert.Equal(Shehong, draft.ReceivedInRegion);
        Assert.Equal(Chuanshan.Value, draft.RemoteIntake!.CompetentRegion);
        Assert.Equal(Item.DepartmentId, draft.RemoteIntake.CompetentDepartmentId);
        Assert.Equal(Monday, draft.RemoteIntake.HandedOverAt);
        Assert.Contains(draft.History, e => e.Action == CaseAction.RemotelyReceived && e.Comment!.Contains("射洪市政务服务中心", StringComparison.Ordinal));
    }

    [Fact]
    public void ARemoteIntakeIsRecordedOnlyOnADraft()
    {
        var submitted = Submitted(Monday);
        Refused<Conflict>(submitted.ReceiveRemotely(Intake()), RemoteIntakeErrors.OnlyAtReceiptCode);
    }

    [Fact]
    public void AFullyOnlineItem_IsNeverCollectedAtAHall()
    {
        var draft = Succeeds(Case.StartDraft(Guid.NewGuid(), Item with { FullyOnline = true }, Person, CaseChannel.Web, Citizen, Monday));
        Refused<Conflict>(draft.ReceiveRemotely(Intake()), RemoteIntakeErrors.FullyOnlineIsNeverCollectedCode);
        Assert.Equal(0, draft.InPersonVisits);
    }

    [Fact]
    public void AJointStep_KeepsItsRegion_AndTheCaseNamesTheRegionWhileTheStepIsOpen()
    {
        var police = Guid.NewGuid();
        var joint = Terms with { Steps = [new StepPlan("review", "审查", "Approver", Region: Shehong, DepartmentId: police), new StepPlan("check", "复核", "Approver")] };
        var accepted = Accepted(Monday, joint);

        Assert.Equal(Shehong.Value, Step(accepted, "review").Region);
        Assert.Equal(Shehong, accepted.OpenStepRegion);
        Assert.Equal(police, accepted.OpenStepDepartmentId);
        Ok(accepted.ApproveStep("review", Reviewer, Monday.AddHours(1)));
        Assert.Null(accepted.OpenStepRegion);
        Assert.Null(accepted.OpenStepDepartmentId);
    }

    [Fact]
    public void AJointStepOpenedByTheStepBefore_NamesItsRegionAtOnce()
    {
        var police = Guid.NewGuid();
        var joint = Terms with { Steps = [new StepPlan("review", "审查", "Approver"), new StepPlan("transfer-out", "迁出核验", "Approver", Region: Shehong, DepartmentId: police), new StepPlan("check", "复核", "Approver")] };
        var accepted = Accepted(Monday, joint);
        Assert.Null(accepted.OpenStepRegion);

        Ok(accepted.ApproveStep("review", Reviewer, Monday.AddHours(1)));

        Assert.Equal(Shehong, accepted.OpenStepRegion);
        Assert.Equal(police, accepted.OpenStepDepartmentId);
    }

    [Fact]
    public void CatalogValidation_RejectsAStepRegionOutsideTheScope()
    {
        var content = new ImplementationContent
        {
            ServiceScope = ServiceScope.CityWide,
            Process = [new ProcessStep("review", "审查", Region: Chengdu.Value, DepartmentId: Guid.NewGuid()), new ProcessStep("check", "复核", Region: Shehong.Value, DepartmentId: Guid.NewGuid())],
        };

        var broken = CatalogRules.StepRegionsWithinTheScope(content, Chuanshan).ToList();

        Assert.Equal("catalog.process-region-out-of-scope", Assert.Single(broken).Code);
        Assert.Empty(CatalogRules.StepRegionsWithinTheScope(content with { ServiceScope = ServiceScope.ProvinceWide }, Chuanshan));
        Assert.NotEmpty(CatalogRules.StepRegionsWithinTheScope(content with { ServiceScope = ServiceScope.ProvinceWide, Process = [new ProcessStep("x", "审查", Region: Chongqing.Value, DepartmentId: Guid.NewGuid())] }, Chuanshan));
    }
}
