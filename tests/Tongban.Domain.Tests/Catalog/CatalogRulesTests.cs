using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Tests.Catalog;

/// <summary>Each submission rule fails with its own code and message, and a complete implementation passes them all.</summary>
public class CatalogRulesTests
{
    /// <summary>An implementation that meets every rule: a licence by e-licence, a conditional power of attorney reached by a situation.</summary>
    public static ImplementationContent Passing() => new()
    {
        Name = "食品经营许可",
        ImplementingBody = "遂宁市市场监督管理局",
        AcceptanceConditions = "申请人已取得营业执照",
        Audience = Audience.LegalPerson,
        HandlingKind = HandlingKind.Promised,
        StatutoryLimit = new TimeLimit(20, TimeLimitUnit.WorkingDays),
        PromisedLimit = new TimeLimit(5, TimeLimitUnit.WorkingDays),
        Process = [new ProcessStep("accept", "受理"), new ProcessStep("decide", "决定")],
        Location = "遂宁市政务服务中心",
        OfficeHours = "周一至周五 9:00-17:00",
        Consultation = "0825-2222222",
        Complaint = "12345",
        ResultType = "证照",
        ResultName = "食品经营许可证",
        Variants = [new HandlingVariant("01", "新办"), new HandlingVariant("02", "变更")],
        Materials =
        [
            new MaterialRequirement { Key = "application", Name = "申请书" },
            new MaterialRequirement { Key = "licence", Name = "营业执照", Source = MaterialSource.Government, Exemptions = [new Exemption(ExemptionRoute.HeldLicence, "11100000000013338W001")] },
            new MaterialRequirement { Key = "agent", Name = "授权委托书", Conditional = true },
        ],
        Situations =
        [
            new Situation
            {
                Key = "who",
                Question = "是否委托他人办理？",
                Answers = [new SituationAnswer { Key = "self", Text = "本人" }, new SituationAnswer { Key = "agent", Text = "委托", Adds = ["agent"] }],
            },
        ],
        Form = [new FormField { Key = "name", Label = "企业名称", Prefill = "enterprise.name" }],
    };

    [Fact]
    public void CompleteImplementation_BreaksNoRule() => Assert.Empty(CatalogRules.ForSubmission(Passing(), CatalogPolicy.Default));

    [Theory]
    [InlineData(nameof(ImplementationContent.Name), "事项名称")]
    [InlineData(nameof(ImplementationContent.ImplementingBody), "实施主体")]
    [InlineData(nameof(ImplementationContent.AcceptanceConditions), "受理条件")]
    [InlineData(nameof(ImplementationContent.Location), "办理地点")]
    [InlineData(nameof(ImplementationContent.OfficeHours), "办理时间")]
    [InlineData(nameof(ImplementationContent.Consultation), "咨询方式")]
    [InlineData(nameof(ImplementationContent.Complaint), "监督投诉方式")]
    [InlineData(nameof(ImplementationContent.ResultType), "审批结果类型")]
    [InlineData(nameof(ImplementationContent.ResultName), "审批结果名称")]
    public void MandatoryElementsMustBePresent_ABlankElement_IsNamed(string element, string chineseName)
    {
        var content = element switch
        {
            nameof(ImplementationContent.Name) => Passing() with { Name = " " },
            nameof(ImplementationContent.ImplementingBody) => Passing() with { ImplementingBody = " " },
            nameof(ImplementationContent.AcceptanceConditions) => Passing() with { AcceptanceConditions = " " },
            nameof(ImplementationContent.Location) => Passing() with { Location = " " },
            nameof(ImplementationContent.OfficeHours) => Passing() with { OfficeHours = " " },
            nameof(ImplementationContent.Consultation) => Passing() with { Consultation = " " },
            nameof(ImplementationContent.Complaint) => Passing() with { Complaint = " " },
            nameof(ImplementationContent.ResultType) => Passing() with { ResultType = " " },
            _ => Passing() with { ResultName = " " },
        };

        var error = Assert.Single(CatalogRules.MandatoryElementsMustBePresent(content));

        AssertBroken(error, "catalog.element-required", element, $"请填写“{chineseName}”");
    }

    [Fact]
    public void MandatoryElementsMustBePresent_NoAudienceAndNoProcess_AreBothNamed()
    {
        var errors = CatalogRules.MandatoryElementsMustBePresent(Passing() with { Audience = Audience.None, Process = [] }).ToList();

        Assert.Equal(["请填写“服务对象”", "请填写“办理流程”"], errors.Select(e => e.Message));
    }

    [Fact]
    public void ChargedItems_MustListTheirFees() =>
        AssertBroken(Assert.Single(CatalogRules.MandatoryElementsMustBePresent(Passing() with { Charged = true })),
            "catalog.fees-required", nameof(ImplementationContent.Fees), "收费事项须列明收费项目、标准和依据");

    [Fact]
    public void PublicSafetyItems_MustSayWhy() =>
        AssertBroken(Assert.Single(CatalogRules.MandatoryElementsMustBePresent(Passing() with { PublicSafety = true })),
            "catalog.public-safety-reason-required", nameof(ImplementationContent.PublicSafetyReason), "涉及公共安全的事项须说明理由");

    [Fact]
    public void TimeLimits_CannotBeNegative() =>
        AssertBroken(Assert.Single(CatalogRules.MandatoryElementsMustBePresent(Passing() with { PromisedLimit = new TimeLimit(-1, TimeLimitUnit.WorkingDays) })),
            "catalog.limit-negative", nameof(ImplementationContent.PromisedLimit), "办结时限不能为负数");

    [Fact]
    public void PromisedLimitMustNotExceedStatutory_InTheSameUnit() =>
        AssertBroken(Assert.Single(CatalogRules.PromisedLimitMustNotExceedStatutory(Passing() with { PromisedLimit = new TimeLimit(25, TimeLimitUnit.WorkingDays) })),
            "catalog.promised-exceeds-statutory", nameof(ImplementationContent.PromisedLimit), "承诺办结时限（25个工作日）不能超过法定办结时限（20个工作日）");

    [Theory]
    [InlineData(7, true)]   // 7 natural days ≈ 5 working days: allowed
    [InlineData(8, false)]  // 8 natural days > 5 working days
    public void PromisedLimitMustNotExceedStatutory_AcrossUnits_ComparesNaturalDays(int naturalDays, bool allowed)
    {
        var content = Passing() with { StatutoryLimit = new TimeLimit(5, TimeLimitUnit.WorkingDays), PromisedLimit = new TimeLimit(naturalDays, TimeLimitUnit.NaturalDays) };

        Assert.Equal(allowed, !CatalogRules.PromisedLimitMustNotExceedStatutory(content).Any());
    }

    [Fact]
    public void InstantItems_AreDecidedOnTheSpot() =>
        AssertBroken(Assert.Single(CatalogRules.InstantItemsAreDecidedOnTheSpot(Passing() with { HandlingKind = HandlingKind.Instant })),
            "catalog.instant-promised-limit", nameof(ImplementationContent.PromisedLimit), "即办件的承诺时限应为 0（当场办结）");

    [Fact]
    public void FullyOnlineItems_NeedNoVisit() =>
        AssertBroken(Assert.Single(CatalogRules.FullyOnlineItemsNeedNoVisit(Passing() with { OnlineDepth = OnlineDepth.FullyOnline, Visits = VisitCount.One })),
            "catalog.fully-online-needs-no-visit", nameof(ImplementationContent.Visits), "全程网办事项到现场次数应为 0 次");

    [Theory]
    [InlineData(Audience.NaturalPerson, 5, true)]
    [InlineData(Audience.NaturalPerson, 6, false)]
    [InlineData(Audience.Both, 6, false)]
    [InlineData(Audience.LegalPerson, 10, true)]
    [InlineData(Audience.LegalPerson, 11, false)]
    public void RequiredMaterials_StayWithinTheCapForTheAudience(Audience audience, int asked, bool allowed)
    {
        var content = Passing() with { Audience = audience, Materials = Asked(asked), Situations = [] };

        var errors = CatalogRules.RequiredMaterialsWithinCap(content, CatalogPolicy.Default).ToList();

        Assert.Equal(allowed, errors.Count == 0);
        if (!allowed)
        {
            var cap = audience == Audience.LegalPerson ? 10 : 5;
            AssertBroken(Assert.Single(errors), "catalog.too-many-materials", nameof(ImplementationContent.Materials), $"需申请人提交的必要材料有 {asked} 项，超过上限 {cap} 项");
        }
    }

    [Fact]
    public void RequiredMaterialsCap_CountsOnlyWhatIsActuallyAskedFor_AndSparesPublicSafetyItemsThatSayWhy()
    {
        MaterialRequirement[] spared =
        [
            new() { Key = "o", Name = "非必要", Necessity = MaterialNecessity.Optional },
            new() { Key = "c", Name = "情形材料", Conditional = true },
            new() { Key = "d", Name = "共享数据", Exemptions = [new Exemption(ExemptionRoute.SharedData, "人口库")] },
        ];
        var content = Passing() with { Audience = Audience.NaturalPerson, Materials = [.. Asked(5), .. spared] };

        Assert.Empty(CatalogRules.RequiredMaterialsWithinCap(content, CatalogPolicy.Default));
        var crowded = content with { Materials = Asked(8) };
        Assert.Single(CatalogRules.RequiredMaterialsWithinCap(crowded, CatalogPolicy.Default));
        Assert.Empty(CatalogRules.RequiredMaterialsWithinCap(crowded with { PublicSafety = true, PublicSafetyReason = "涉及危险化学品安全" }, CatalogPolicy.Default));
        Assert.Empty(CatalogRules.RequiredMaterialsWithinCap(crowded, CatalogPolicy.Default with { MaxMaterialsForNaturalPersons = 8 }));
    }

    [Fact]
    public void GovernmentIssuedMaterials_NeedAnExemptionRoute()
    {
        var content = Passing() with { Materials = [new MaterialRequirement { Key = "hukou", Name = "户口簿", Source = MaterialSource.Government }] };

        AssertBroken(Assert.Single(CatalogRules.GovernmentIssuedMaterialsNeedAnExemptionRoute(content)),
            "catalog.government-material-needs-exemption", nameof(ImplementationContent.Materials), "“户口簿”由政府部门核发，不得要求申请人提交");
    }

    [Fact]
    public void ExemptionsByLicenceOrData_NameWhatTheyUse()
    {
        var content = Passing() with { Materials = [new MaterialRequirement { Key = "hukou", Name = "户口簿", Source = MaterialSource.Government, Exemptions = [new Exemption(ExemptionRoute.SharedData)] }] };

        AssertBroken(Assert.Single(CatalogRules.GovernmentIssuedMaterialsNeedAnExemptionRoute(content)),
            "catalog.exemption-needs-reference", nameof(ImplementationContent.Materials), "“户口簿”的免提交途径须注明证照类型或数据资源");
    }

    [Fact]
    public void Commitment_IsNotForPublicSafetyItems() =>
        AssertBroken(Assert.Single(CatalogRules.CommitmentOnlyWhereTheItemAllowsIt(Passing() with { CommitmentAllowed = true, PublicSafety = true, PublicSafetyReason = "危险品" })),
            "catalog.commitment-not-for-high-risk", nameof(ImplementationContent.CommitmentAllowed), "涉及公共安全等高风险的事项不适用告知承诺制");

    [Fact]
    public void Commitment_AsAnExemption_NeedsTheItemToAllowIt()
    {
        var content = Passing() with { Materials = [new MaterialRequirement { Key = "proof", Name = "无犯罪记录证明", Exemptions = [new Exemption(ExemptionRoute.Commitment)] }] };

        AssertBroken(Assert.Single(CatalogRules.CommitmentOnlyWhereTheItemAllowsIt(content)),
            "catalog.commitment-not-allowed", nameof(ImplementationContent.Materials), "“无犯罪记录证明”以告知承诺免交，但本事项未实行告知承诺制");
        Assert.Empty(CatalogRules.CommitmentOnlyWhereTheItemAllowsIt(content with { CommitmentAllowed = true }));
    }

    [Fact]
    public void Keys_MustBeUnique() =>
        AssertBroken(Assert.Single(CatalogRules.KeysMustBeUniqueAndReferencesResolve(Passing() with { Materials = [.. Passing().Materials, new MaterialRequirement { Key = "licence", Name = "重复" }] })),
            "catalog.duplicate-key", nameof(ImplementationContent.Materials), "编号“licence”重复或为空");

    [Theory]
    [InlineData("1")]
    [InlineData("00")]
    [InlineData("A1")]
    public void HandlingVariants_HaveATwoDigitSuffix(string suffix) =>
        AssertBroken(Assert.Single(CatalogRules.KeysMustBeUniqueAndReferencesResolve(Passing() with { Variants = [new HandlingVariant(suffix, "新办")] })),
            "catalog.variant-suffix", nameof(ImplementationContent.Variants), $"业务办理项编号“{suffix}”应为 01 至 99 的两位数字");

    [Fact]
    public void SituationAnswers_ReferToExistingMaterials()
    {
        var situation = new Situation { Key = "s", Question = "？", Answers = [new SituationAnswer { Key = "a", Text = "是", Adds = ["agent"], Removes = ["ghost"] }] };

        AssertBroken(Assert.Single(CatalogRules.KeysMustBeUniqueAndReferencesResolve(Passing() with { Situations = [situation] })),
            "catalog.situation-unknown-material", nameof(ImplementationContent.Situations), "情形选项“是”引用了不存在的材料“ghost”");
    }

    [Fact]
    public void ConditionalMaterials_AreReachedBySomeAnswer() =>
        AssertBroken(Assert.Single(CatalogRules.KeysMustBeUniqueAndReferencesResolve(Passing() with { Situations = [] })),
            "catalog.conditional-material-unreachable", nameof(ImplementationContent.Materials), "“授权委托书”仅在特定情形下需要，但没有任何情形选项会要求它");

    [Fact]
    public void ForSubmission_ReportsEveryBrokenRuleAtOnce()
    {
        var content = Passing() with { Location = "", PromisedLimit = new TimeLimit(30, TimeLimitUnit.WorkingDays), Situations = [] };

        Assert.Equal(
            ["catalog.element-required", "catalog.promised-exceeds-statutory", "catalog.conditional-material-unreachable"],
            CatalogRules.ForSubmission(content, CatalogPolicy.Default).Select(e => e.Code));
    }

    [Theory]
    [InlineData(20, TimeLimitUnit.WorkingDays, 5, TimeLimitUnit.WorkingDays, 0.75)]
    [InlineData(20, TimeLimitUnit.WorkingDays, 20, TimeLimitUnit.WorkingDays, 0)]
    [InlineData(10, TimeLimitUnit.WorkingDays, 7, TimeLimitUnit.NaturalDays, 0.5)]
    [InlineData(0, TimeLimitUnit.WorkingDays, 0, TimeLimitUnit.WorkingDays, 0)]
    public void CompressionRatio_IsHowMuchShorterThePromisedLimitIs(int statutory, TimeLimitUnit statutoryUnit, int promised, TimeLimitUnit promisedUnit, double ratio) =>
        Assert.Equal(ratio, CatalogRules.CompressionRatio(Passing() with { StatutoryLimit = new TimeLimit(statutory, statutoryUnit), PromisedLimit = new TimeLimit(promised, promisedUnit) }));

    private static MaterialRequirement[] Asked(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new MaterialRequirement { Key = $"m{i}", Name = $"材料{i}" })];

    private static void AssertBroken(Error error, string code, string field, string message)
    {
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
