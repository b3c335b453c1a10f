using System.Reflection;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives.Calendar;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Cases;

/// <summary>
/// The Cases domain stands alone (the architecture tests forbid it to use the Catalog domain), so the
/// caller translates a published implementation into case terms. These tests show that translation and
/// keep the two sides in step.
/// </summary>
public class CaseCatalogueTests
{
    [Fact]
    public void EveryRuleCode_HasAChineseMessage()
    {
        var codes = typeof(CaseErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.True(codes.Count > 80, $"Only {codes.Count} codes found.");
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code =>
        {
            Assert.StartsWith("case.", code, StringComparison.Ordinal);
            var message = ChineseMessage(new Primitives.Conflict(code, "甲", "乙"));
            Assert.NotEqual(code, message);
            Assert.Contains(message, IsChinese);
        });
    }

    [Fact]
    public void EveryStatus_HasAChineseName() =>
        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.Contains(CaseNames.Of(s), IsChinese));

    [Fact]
    public void CatalogContent_TranslatesIntoTermsAndAMaterialListTheCaseAccepts()
    {
        var content = new ImplementationContent
        {
            Name = "食品经营许可",
            StatutoryLimit = new TimeLimit(20, TimeLimitUnit.WorkingDays),
            PromisedLimit = new TimeLimit(5, TimeLimitUnit.WorkingDays),
            CommitmentAllowed = true,
            Process = [new("accept", "受理"), new("review", "审查"), new("decide", "决定")],
            Situations =
            [
                new Situation
                {
                    Key = "chain",
                    Question = "是否连锁经营？",
                    Answers = [new SituationAnswer { Key = "yes", Text = "是", Adds = ["hq"] }, new SituationAnswer { Key = "no", Text = "否" }],
                },
            ],
            Materials =
            [
                new MaterialRequirement { Key = "id", Name = "身份证明" },
                new MaterialRequirement { Key = "site", Name = "场地证明", DeficiencyAllowed = true, Exemptions = [new(ExemptionRoute.Commitment)] },
                new MaterialRequirement { Key = "hq", Name = "总部授权书", Conditional = true },
                new MaterialRequirement { Key = "photo", Name = "门店照片", Necessity = MaterialNecessity.Optional },
            ],
        };
        var list = Succeeds(MaterialList.For(content, new Dictionary<string, string> { ["chain"] = "no" }));

        // What the web layer does: the back-office steps (not 受理/决定) with roles from the department's set-up.
        var terms = new CaseTerms(ToCase(content.StatutoryLimit), ToCase(content.PromisedLimit), [new StepPlan("review", "审查", "Approver")])
        {
            CommitmentAllowed = content.CommitmentAllowed,
            PublicSafety = content.PublicSafety,
        };
        var specs = list.Select(m => new MaterialSpec(
            m.Key,
            m.Name,
            m.Necessity == MaterialNecessity.Required,
            m.DeficiencyAllowed,
            m.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment))).ToList();

        var @case = Draft(At("2026-03-02 09:00"));
        Ok(@case.ProvideMaterial(Upload("id"), At("2026-03-02 09:00")));
        Ok(@case.ProvideMaterial(MissingMark("site"), At("2026-03-02 09:00")));
        Ok(@case.Submit(NumberOn(At("2026-03-02 09:00")), specs, Citizen, At("2026-03-02 09:00")));
        Ok(@case.AcceptUnderCommitment(terms, ApplicantStanding.Good, "本人承诺场地合法", Clerk, At("2026-03-02 10:00"), Shipped, Zone));

        Assert.Equal(["id", "site"], @case.Materials.Select(m => m.Key));
        Assert.Equal(MaterialRoute.Commitment, MaterialOf(@case, "site").Route);
        Assert.Equal(EndOf("2026-03-09"), @case.PromisedBaseDeadline);
    }

    private static CaseTimeLimit ToCase(TimeLimit limit) => new(limit.Amount, limit.Unit);
}
