using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Reports;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Tests.Catalog;

public class ReportsUniformityTests
{
    private static readonly BasicItemCode Item = BasicItemCode.FromTrusted("00012345600Y");
    private static readonly RegionCode City = RegionCode.FromTrusted("510900000000");
    private static readonly RegionCode Chuanshan = RegionCode.FromTrusted("510903000000");
    private static readonly RegionCode Pengxi = RegionCode.FromTrusted("510921000000");
    private static readonly RegionCode Shehong = RegionCode.FromTrusted("510981000000");

    private static readonly ImplementationContent Standard = new()
    {
        Name = "食品经营许可",
        StatutoryLimit = new TimeLimit(20, TimeLimitUnit.WorkingDays),
        PromisedLimit = new TimeLimit(5, TimeLimitUnit.WorkingDays),
        Materials =
        [
            new MaterialRequirement { Key = "application", Name = "食品经营许可申请书" },
            new MaterialRequirement { Key = "layout", Name = "经营场所平面图", Necessity = MaterialNecessity.Optional },
        ],
        Charged = true,
        Fees = [new FeeItem("许可证工本费", "0元", "川发改价格〔2020〕1号")],
        Process = [new ProcessStep("accept", "受理"), new ProcessStep("decide", "决定")],
    };

    [Fact]
    public void IdenticalImplementations_HaveNoDivergence() =>
        Assert.Empty(Uniformity.Compare([County(Chuanshan, Standard), County(Pengxi, Standard), County(Shehong, Standard)]));

    [Fact]
    public void ASingleImplementation_HasNothingToDivergeFrom() =>
        Assert.Empty(Uniformity.Compare([County(Pengxi, Standard with { Name = "别的名称" })]));

    [Fact]
    public void DifferentExplanationsOfTheSameLimit_AreNotADivergence() =>
        Assert.Empty(Uniformity.Compare([
            County(Chuanshan, Standard),
            County(Pengxi, Standard with { PromisedLimit = new TimeLimit(5, TimeLimitUnit.WorkingDays, "自受理之日起计算") }),
        ]));

    [Fact]
    public void ALongerPromisedLimitInOneCounty_IsOneDivergenceNamingThatCounty()
    {
        var divergence = Assert.Single(Uniformity.Compare([
            County(Chuanshan, Standard),
            County(Pengxi, Standard with { PromisedLimit = new TimeLimit(10, TimeLimitUnit.WorkingDays) }),
            County(Shehong, Standard),
        ]));

        Assert.Equal("承诺办结时限", divergence.ElementName);
        Assert.Equal(ReferenceBasis.Majority, divergence.Basis);
        Assert.Equal("5个工作日", divergence.Reference);
        var county = Assert.Single(divergence.Differing);
        Assert.Equal(Pengxi, county.Region);
        Assert.Equal("10个工作日", county.Value);
    }

    [Fact]
    public void TheSameAmountInAnotherUnit_IsADivergence()
    {
        var divergence = Assert.Single(Uniformity.Compare([
            County(Chuanshan, Standard),
            County(Pengxi, Standard),
            County(Shehong, Standard with { StatutoryLimit = new TimeLimit(20, TimeLimitUnit.NaturalDays) }),
        ]));

        Assert.Equal("法定办结时限", divergence.ElementName);
        Assert.Equal("20个自然日", Assert.Single(divergence.Differing).Value);
    }

    [Fact]
    public void AnExtraMaterial_IsShownAsWhatTheCountyAsksForInAddition()
    {
        var extra = Standard with { Materials = [.. Standard.Materials, new MaterialRequirement { Key = "id", Name = "身份证复印件" }] };

        var divergence = Assert.Single(Uniformity.Compare([County(Chuanshan, Standard), County(Pengxi, Standard), County(Shehong, extra)]));

        Assert.Equal("申请材料", divergence.ElementName);
        var county = Assert.Single(divergence.Differing);
        Assert.Equal(Shehong, county.Region);
        Assert.Equal("多出：身份证复印件（必要）", county.Difference);
    }

    [Fact]
    public void AMaterialMadeRequired_IsBothAnExtraAndAMissingEntry()
    {
        var stricter = Standard with { Materials = [Standard.Materials[0], Standard.Materials[1] with { Necessity = MaterialNecessity.Required }] };

        var divergence = Assert.Single(Uniformity.Compare([County(Chuanshan, Standard), County(Pengxi, stricter), County(Shehong, Standard)]));

        Assert.Equal("多出：经营场所平面图（必要）；缺少：经营场所平面图（非必要）", Assert.Single(divergence.Differing).Difference);
    }

    [Fact]
    public void MaterialsListedInAnotherOrder_AreTheSameMaterials() =>
        Assert.Empty(Uniformity.Compare([County(Chuanshan, Standard), County(Pengxi, Standard with { Materials = [.. Standard.Materials.Reverse()] })]));

    [Fact]
    public void AFeeChargedOnADifferentLegalBasis_IsADivergenceOfTheFeeItems()
    {
        var otherBasis = Standard with { Fees = [new FeeItem("许可证工本费", "0元", "蓬溪县政府令第3号")] };

        var divergence = Assert.Single(Uniformity.Compare([County(Chuanshan, Standard), County(Pengxi, otherBasis), County(Shehong, Standard)]));

        Assert.Equal("收费项目", divergence.ElementName);
        var county = Assert.Single(divergence.Differing);
        Assert.Equal(Pengxi, county.Region);
        Assert.Contains("蓬溪县政府令第3号", county.Value);
    }

    [Fact]
    public void TheCityLevelImplementation_IsTheReferenceEvenWhenTheCountiesOutnumberIt()
    {
        var looser = Standard with { PromisedLimit = new TimeLimit(15, TimeLimitUnit.WorkingDays) };

        var divergence = Assert.Single(Uniformity.Compare([Municipal(Standard), County(Chuanshan, looser), County(Pengxi, looser)]));

        Assert.Equal(ReferenceBasis.MunicipalImplementation, divergence.Basis);
        Assert.Equal("5个工作日", divergence.Reference);
        Assert.Equal([Chuanshan, Pengxi], divergence.Differing.Select(d => d.Region));
    }

    [Fact]
    public void TwoCountiesThatDisagree_HaveNoReference_AndBothValuesAreListed()
    {
        var divergence = Assert.Single(Uniformity.Compare([County(Pengxi, Standard), County(Shehong, Standard with { Name = "食品经营许可（新办）" })]));

        Assert.Equal(ReferenceBasis.NoMajority, divergence.Basis);
        Assert.Null(divergence.Reference);
        Assert.Equal(["食品经营许可", "食品经营许可（新办）"], divergence.Differing.Select(d => d.Value));
        Assert.All(divergence.Differing, d => Assert.Null(d.Difference));
    }

    [Fact]
    public void SeveralDifferences_AreListedElementByElement()
    {
        var divergences = Uniformity.Compare([
            County(Chuanshan, Standard),
            County(Pengxi, Standard with { Name = "食品经营许可证核发", Process = [new ProcessStep("accept", "受理"), new ProcessStep("review", "审查"), new ProcessStep("decide", "决定")] }),
            County(Shehong, Standard),
        ]);

        Assert.Equal(["事项名称", "办理流程"], divergences.Select(d => d.ElementName));
        Assert.Equal("受理 → 审查 → 决定", Assert.Single(divergences[1].Differing).Value);
    }

    private static UniformityEntry County(RegionCode region, ImplementationContent content) =>
        new(ImplementationCode.Create(UsccIn(region), ExerciseLevel.County, Item), region, content);

    private static UniformityEntry Municipal(ImplementationContent content) =>
        new(ImplementationCode.Create(UsccIn(City), ExerciseLevel.Municipal, Item), City, content);

    private static Uscc UsccIn(RegionCode region)
    {
        var body = "MB1" + region.Value[2..6] + "1";
        var first17 = "11" + region.Value[..6] + body + Uscc.ComputeOrganisationCodeCheck(body);
        return Uscc.FromTrusted(first17 + Uscc.ComputeCheck(first17));
    }
}
