using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Domain.Tests.Identifiers;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Cases;

public class CaseSubmissionTests
{
    private static readonly DateTimeOffset Monday = At("2026-03-02 09:00");

    [Fact]
    public void StartDraft_RecordsWhoFiledForWhichVersionThroughWhichChannel()
    {
        var draft = Succeeds(Case.StartDraft(Guid.NewGuid(), Item, Person, CaseChannel.KioskApi, Citizen, Monday));

        Assert.Equal(CaseStatus.Draft, draft.Status);
        Assert.Null(draft.Number);
        Assert.Equal(Implementation, draft.ImplementationCode);
        Assert.Equal(3, draft.ImplementationVersion);
        Assert.Equal(Item.DepartmentId, draft.DepartmentId);
        Assert.Equal(Item.Region, draft.RegionCode);
        Assert.Equal(CitizenId, draft.FiledBy);
        Assert.Equal(CaseChannel.KioskApi, draft.Channel);
        Assert.Equal("张三", draft.Applicant.Name);
        Assert.Equal(ApplicantKind.NaturalPerson, draft.Applicant.Kind);
        var drafted = Assert.Single(draft.History);
        Assert.Equal(CaseAction.Drafted, drafted.Action);
        Assert.Equal(CaseStatus.Draft, drafted.Status);
    }

    [Fact]
    public void StartDraft_ForAnUnpublishedVersion_IsRefused() =>
        Refused<Invalid, Case>(Case.StartDraft(Guid.NewGuid(), Item with { Version = 0 }, Person, CaseChannel.Web, Citizen, Monday), "case.implementation-version-required");

    [Fact]
    public void Applicant_LegalPerson_IsKeyedByItsUscc()
    {
        var uscc = Uscc.FromTrusted(TestIds.Uscc("91", "510903", "MA6CXXXX"));
        var company = Succeeds(Applicant.Organisation(uscc, " 遂宁某某餐饮有限公司 "));

        Assert.Equal(ApplicantKind.LegalPerson, company.Kind);
        Assert.Equal(uscc.Value, company.Identifier);
        Assert.Equal("遂宁某某餐饮有限公司", company.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Applicant_WithoutAName_IsRefused(string name) =>
        Refused<Invalid, Applicant>(Applicant.Person(Person.IdNumber!.Value, name), "case.applicant-name-required");

    [Fact]
    public void AssistedFiling_WithoutConsent_IsRefused() =>
        Refused<Invalid, AssistedFiling>(AssistedFiling.Create(ClerkId, "李奶奶（82 岁，行动不便）", " ", null), "case.assisted-filing-consent-required");

    [Fact]
    public void AssistedFiling_WithoutSayingForWhom_IsRefused() =>
        Refused<Invalid, AssistedFiling>(AssistedFiling.Create(ClerkId, "", "本人同意由窗口工作人员代为申请", null), "case.assisted-filing-person-required");

    [Fact]
    public void AssistedFiling_ByTheClerk_RecordsTheClerkThePersonAndTheConsent()
    {
        var assisted = Succeeds(AssistedFiling.Create(ClerkId, "李奶奶（82 岁，行动不便）", null, "files/consent-signed.pdf"));

        var draft = Succeeds(Case.StartDraft(Guid.NewGuid(), Item, Person, CaseChannel.Window, Clerk, Monday, assisted));

        Assert.Equal(ClerkId, draft.FiledBy);
        Assert.Equal("files/consent-signed.pdf", draft.AssistedFiling!.ConsentReference);
        Assert.Contains("李奶奶", draft.History[0].Comment, StringComparison.Ordinal);
        Assert.Equal("WindowClerk", draft.History[0].ActorRole);
    }

    [Fact]
    public void AssistedFiling_FiledBySomeoneOtherThanTheClerk_IsRefused()
    {
        var assisted = Succeeds(AssistedFiling.Create(ClerkId, "李奶奶", "同意代办", null));

        Refused<Invalid, Case>(Case.StartDraft(Guid.NewGuid(), Item, Person, CaseChannel.Window, Citizen, Monday, assisted), "case.assisted-filing-filed-by-clerk");
    }

    [Fact]
    public void FileReference_WithAMalformedHash_IsRefused() =>
        Refused<Invalid, FileReference>(FileReference.Create("files/a", "not-a-hash", 10, "application/pdf", "a.pdf"), "case.file-sha256-invalid");

    [Fact]
    public void FileReference_ForAnEmptyFile_IsRefused() =>
        Refused<Invalid, FileReference>(FileReference.Create("files/a", new string('F', 64), 0, "application/pdf", "a.pdf"), "case.file-empty");

    [Fact]
    public void FileReference_KeepsTheHashLowerCase() =>
        Assert.Equal(new string('f', 64), Succeeds(FileReference.Create("files/a", new string('F', 64), 1, "image/png", "a.png")).Sha256);

    [Fact]
    public void Material_FromAHeldLicenceWithoutItsIdentifier_IsRefused() =>
        Refused<Invalid, CaseMaterial>(CaseMaterial.HeldLicence(IdCard, " "), "case.material-reference-required");

    [Fact]
    public void Material_ByCommitmentWithoutTheText_IsRefused() =>
        Refused<Invalid, CaseMaterial>(CaseMaterial.Commitment(Lease, ""), "case.commitment-text-required");

    [Fact]
    public void SaveDraft_ReplacesAnswersAndFormValues()
    {
        var draft = Draft(Monday);

        Ok(draft.SaveDraft(new Dictionary<string, string> { ["scale"] = "small" }, new Dictionary<string, string> { ["shopName"] = "老张面馆" }, Monday));
        Ok(draft.SaveDraft(new Dictionary<string, string> { ["scale"] = "large" }, new Dictionary<string, string> { ["shopName"] = "老张面馆（二店）" }, Monday.AddHours(1)));

        Assert.Equal("large", draft.SituationAnswers["scale"]);
        Assert.Equal("老张面馆（二店）", Assert.Single(draft.FormValues).Value);
        Assert.Equal(Monday.AddHours(1), draft.LastSavedAt);
    }

    [Fact]
    public void Submit_WithEveryRequiredMaterialSatisfiedByDifferentRoutes_ReceivesTheApplicationAndNumbersIt()
    {
        var draft = Draft(Monday);
        Ok(draft.ProvideMaterial(Succeeds(CaseMaterial.HeldLicence(IdCard, "1.2.156.3005.2.11100000000013338W.001")), Monday));
        Ok(draft.ProvideMaterial(Succeeds(CaseMaterial.Commitment(Lease, "本人承诺经营场所合法")), Monday));
        Ok(draft.ProvideMaterial(Succeeds(CaseMaterial.SharedData(Plan, "data:市场主体登记.经营范围")), Monday));
        var number = NumberOn(Monday, 7);

        Ok(draft.Submit(number, ItemMaterials, Citizen, Monday));

        Assert.Equal(CaseStatus.Submitted, draft.Status);
        Assert.Equal(number, draft.Number);
        Assert.Equal(Monday, draft.ReceivedAt);
        Assert.Equal(Monday, draft.SubmittedAt);
        Assert.Equal([IdCard, Lease, Plan], draft.Materials.Select(m => m.Key));
        Assert.Equal([MaterialRoute.HeldLicence, MaterialRoute.Commitment, MaterialRoute.SharedData], draft.Materials.Select(m => m.Route));
        Assert.Equal("场地证明", MaterialOf(draft, Lease).Name);
        Assert.True(MaterialOf(draft, Lease).DeficiencyAllowed);
        Assert.Equal(CaseAction.Submitted, draft.History[^1].Action);
    }

    [Fact]
    public void Submit_OnlineWithARequiredMaterialMarkedMissing_IsAllowedForTheWindowToDecide()
    {
        var submitted = Submitted(Monday, Plan);

        Assert.Equal(CaseStatus.Submitted, submitted.Status);
        Assert.True(MaterialOf(submitted, Plan).IsMissing);
        Assert.Null(MaterialOf(submitted, Plan).ProvidedAt);
        Assert.Equal("经营方案", Assert.Single(submitted.MissingMaterials).Name);
        Assert.Contains("经营方案", submitted.History[^1].Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_WithARequiredMaterialNeitherProvidedNorMarkedMissing_IsRefusedAndNamesIt()
    {
        var draft = Draft(Monday);
        Ok(draft.ProvideMaterial(Upload(IdCard), Monday));
        Ok(draft.ProvideMaterial(Upload(Lease), Monday));

        var error = Refused<Invalid>(draft.Submit(NumberOn(Monday), ItemMaterials, Citizen, Monday), "case.required-material-unaccounted");

        Assert.Contains("经营方案", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Draft, draft.Status);
        Assert.Null(draft.Number);
    }

    [Fact]
    public void Submit_WithAMaterialOffTheListForTheAnswers_IsRefused()
    {
        var draft = Draft(Monday);
        foreach (var key in new[] { IdCard, Lease, Plan, "old-answer-material" })
        {
            Ok(draft.ProvideMaterial(Upload(key), Monday));
        }

        Refused<Invalid>(draft.Submit(NumberOn(Monday), ItemMaterials, Citizen, Monday), "case.materials-not-on-the-list");
    }

    [Fact]
    public void Submit_WithACommitmentForAMaterialThatTakesNone_IsRefused()
    {
        var draft = Draft(Monday);
        Ok(draft.ProvideMaterial(Succeeds(CaseMaterial.Commitment(IdCard, "本人承诺身份真实")), Monday));
        Ok(draft.ProvideMaterial(Upload(Lease), Monday));
        Ok(draft.ProvideMaterial(Upload(Plan), Monday));

        var error = Refused<Invalid>(draft.Submit(NumberOn(Monday), ItemMaterials, Citizen, Monday), "case.commitment-cannot-replace");

        Assert.Contains("身份证明", ChineseMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_WithANumberOfAnotherImplementation_IsRefused()
    {
        var draft = Draft(Monday);
        var otherCode = ImplementationCode.Create(Uscc.FromTrusted(TestIds.Uscc("11", "510903", "MB1C0009")), ExerciseLevel.County, BasicItemCode.FromTrusted("00012345600Y"));

        Refused<Invalid>(draft.Submit(Succeeds(CaseNumber.Create(otherCode, new DateOnly(2026, 3, 2), 1)), ItemMaterials, Citizen, Monday), "case.number-of-another-implementation");
        Assert.Equal(CaseStatus.Draft, draft.Status);
    }

    [Fact]
    public void Submit_Twice_IsRefused() =>
        Refused<Conflict>(Submitted(Monday).Submit(NumberOn(Monday, 2), ItemMaterials, Citizen, Monday), "case.not-a-draft");

    [Fact]
    public void ProvideMaterial_AfterSubmission_IsRefused() =>
        Refused<Conflict>(Submitted(Monday).ProvideMaterial(Upload(Photo), Monday.AddHours(1)), "case.not-a-draft");

    [Fact]
    public void RemoveMaterial_ThatTheDraftDoesNotHave_IsNotFound() =>
        Refused<NotFound>(Draft(Monday).RemoveMaterial(Photo, Monday), "case.material-not-found");
}
