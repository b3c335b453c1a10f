using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Cases.Features.InstantApproval;

/// <summary>
/// 秒批, right after acceptance: when the implementation names checks, each is evaluated over verified
/// data (the base databases, the credit flags and past cases, the case's own materials). All pass: the
/// case is approved without a human, every rule and its result recorded. One fails: the case stays with
/// the back office and nothing extra is recorded.
/// </summary>
public sealed class InstantApprovalAfterAcceptance(CaseAccess access, InstantApprovalChecker checker) : IAfterAcceptance
{
    public async Task<Result> RunAsync(Case @case, PublishedImplementation implementation, CancellationToken cancellationToken)
    {
        // 容缺 cases wait for their owed materials: a person decides them.
        if (implementation.Content.InstantApprovalRules.Count == 0 || @case.Status != CaseStatus.Accepted || @case.OpenClockStop is not null)
        {
            return Result.Success;
        }

        var rules = await checker.EvaluateAsync(@case, implementation.Content, cancellationToken);
        return rules.All(r => r.Passed) ? @case.ApproveInstantly(rules, CaseActor.System, access.Now) : Result.Success;
    }
}

/// <summary>Evaluates an implementation's 秒批 checks for a case: each rule with whether it held and why.</summary>
public sealed class InstantApprovalChecker(IPeopleDirectory people, ApplicantStandingLookup standings, HeldLicenceChecks heldLicences)
{
    public async Task<IReadOnlyList<InstantApprovalRule>> EvaluateAsync(Case @case, ImplementationContent content, CancellationToken cancellationToken)
    {
        var rules = new List<InstantApprovalRule>();
        foreach (var name in content.InstantApprovalRules)
        {
            rules.Add(await EvaluateAsync(name, @case, content, cancellationToken));
        }

        return rules;
    }

    private async Task<InstantApprovalRule> EvaluateAsync(string name, Case @case, ImplementationContent content, CancellationToken cancellationToken)
    {
        var label = InstantApprovalChecks.LabelOf(name);
        switch (name)
        {
            case InstantApprovalChecks.IdentityVerified:
                var verified = @case.Applicant.Kind switch
                {
                    ApplicantKind.NaturalPerson => @case.Applicant.IdNumber is { } id && await people.FindPersonAsync(id, cancellationToken) is not null,
                    ApplicantKind.LegalPerson => @case.Applicant.Uscc is { } uscc && await people.FindEnterpriseAsync(uscc, cancellationToken) is not null,
                };
                return new InstantApprovalRule(label, verified, verified ? "实名信息核验一致" : "未在人口或法人库中核验到申请人");
            case InstantApprovalChecks.GoodStanding:
                var standing = await standings.StandingOfAsync(@case.Applicant, cancellationToken);
                var good = !standing.SeriousBadCredit && !standing.PastFalseCommitment;
                return new InstantApprovalRule(label, good, standing.SeriousBadCredit ? "有严重失信记录" : standing.PastFalseCommitment ? "曾作出虚假承诺" : "信用良好");
            case InstantApprovalChecks.MaterialsComplete:
                var missing = @case.MissingMaterials;
                return new InstantApprovalRule(label, missing.Count == 0, missing.Count == 0 ? "无缺件" : "缺：" + string.Join("、", missing.Select(m => m.Name)));
            case InstantApprovalChecks.LicencesValid:
                // Every material a licence may satisfy must come as a licence that is valid today, its signature checked.
                var licenceKeys = content.Materials.Where(m => m.Exemptions.Any(e => e.Route == ExemptionRoute.HeldLicence)).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
                var checks = await heldLicences.OfAsync(@case, cancellationToken);
                var invalid = @case.Materials.Where(m => (licenceKeys.Contains(m.Key) && m.Required) || m.Route == MaterialRoute.HeldLicence)
                    .Where(m => m.Route != MaterialRoute.HeldLicence || checks.GetValueOrDefault(m.Key) is not { IsValid: true }).ToList();
                return new InstantApprovalRule(label, invalid.Count == 0, invalid.Count == 0 ? "证照有效" : "未以有效电子证照提供：" + string.Join("、", invalid.Select(m => m.Name)));
            default:
                return new InstantApprovalRule(name, false, "未知的秒批规则");
        }
    }
}
