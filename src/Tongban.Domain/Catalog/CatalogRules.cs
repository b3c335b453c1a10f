using System.Globalization;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Catalog;

/// <summary>
/// The rules an implementation must meet before it can be submitted for review, each a named
/// method returning its errors. The city's own numbers (material caps) come in as
/// <see cref="CatalogPolicy"/>.
/// </summary>
public static class CatalogRules
{
    public static IReadOnlyList<Error> ForSubmission(ImplementationContent content, CatalogPolicy policy) =>
    [
        .. MandatoryElementsMustBePresent(content),
        .. PromisedLimitMustNotExceedStatutory(content),
        .. InstantItemsAreDecidedOnTheSpot(content),
        .. FullyOnlineItemsNeedNoVisit(content),
        .. RequiredMaterialsWithinCap(content, policy),
        .. GovernmentIssuedMaterialsNeedAnExemptionRoute(content),
        .. CommitmentOnlyWhereTheItemAllowsIt(content),
        .. KeysMustBeUniqueAndReferencesResolve(content),
        .. StepsNameKnownRolesAndAdjacentParallelGroups(content),
    ];

    /// <summary>
    /// 办理流程: each step's role is an Identity role; the steps of one 会签 group run together, so they
    /// must be adjacent; 秒批 names only checks the Cases module knows.
    /// </summary>
    public static IEnumerable<Error> StepsNameKnownRolesAndAdjacentParallelGroups(ImplementationContent c)
    {
        foreach (var step in c.Process.Where(s => !string.IsNullOrWhiteSpace(s.Role) && !Enum.TryParse<Identity.Role>(s.Role.Trim(), out _)))
        {
            yield return new Invalid("catalog.process-role-unknown", step.Name, step.Role!.Trim()) { Field = nameof(c.Process) };
        }

        var closed = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var group in c.Process.Select(s => string.IsNullOrWhiteSpace(s.ParallelGroup) ? null : s.ParallelGroup.Trim()))
        {
            if (group != current && current is not null)
            {
                closed.Add(current);
            }

            if (group is not null && group != current && closed.Contains(group))
            {
                yield return new Invalid("catalog.process-parallel-not-adjacent", group) { Field = nameof(c.Process) };
            }

            current = group;
        }

        foreach (var unknown in c.InstantApprovalRules.Where(r => !InstantApprovalChecks.IsKnown(r)))
        {
            yield return new Invalid("catalog.instant-approval-rule-unknown", unknown) { Field = nameof(c.InstantApprovalRules) };
        }
    }

    /// <summary>多地联办: a step performed in another region names a valid region within the item's service scope, and the department performing it.</summary>
    public static IEnumerable<Error> StepRegionsWithinTheScope(ImplementationContent c, RegionCode home)
    {
        foreach (var step in c.Process.Where(s => !string.IsNullOrWhiteSpace(s.Region)))
        {
            if (!RegionCode.Parse(step.Region).TryGet(out var region, out _) || !ProcessStep.ScopeReaches(c.ServiceScope, home, region))
            {
                yield return new Invalid("catalog.process-region-out-of-scope", step.Name, step.Region!.Trim()) { Field = nameof(c.Process) };
            }
            else if (step.DepartmentId is null && !home.Contains(region))
            {
                yield return new Invalid("catalog.process-region-needs-department", step.Name) { Field = nameof(c.Process) };
            }
        }
    }

    public static IEnumerable<Error> MandatoryElementsMustBePresent(ImplementationContent c)
    {
        var required = new (string Field, string Value)[]
        {
            (nameof(c.Name), c.Name),
            (nameof(c.ImplementingBody), c.ImplementingBody),
            (nameof(c.AcceptanceConditions), c.AcceptanceConditions),
            (nameof(c.Location), c.Location),
            (nameof(c.OfficeHours), c.OfficeHours),
            (nameof(c.Consultation), c.Consultation),
            (nameof(c.Complaint), c.Complaint),
            (nameof(c.ResultType), c.ResultType),
            (nameof(c.ResultName), c.ResultName),
        };
        foreach (var (field, value) in required.Where(r => string.IsNullOrWhiteSpace(r.Value)))
        {
            yield return new Invalid("catalog.element-required", ElementNames.Of(field)) { Field = field };
        }

        if (c.Audience == Audience.None)
        {
            yield return new Invalid("catalog.element-required", ElementNames.Of(nameof(c.Audience))) { Field = nameof(c.Audience) };
        }

        if (c.Process.Count == 0)
        {
            yield return new Invalid("catalog.element-required", ElementNames.Of(nameof(c.Process))) { Field = nameof(c.Process) };
        }

        if (c.Charged && c.Fees.Count == 0)
        {
            yield return new Invalid("catalog.fees-required") { Field = nameof(c.Fees) };
        }

        if (c.PublicSafety && string.IsNullOrWhiteSpace(c.PublicSafetyReason))
        {
            yield return new Invalid("catalog.public-safety-reason-required") { Field = nameof(c.PublicSafetyReason) };
        }

        if (c.StatutoryLimit.Amount < 0 || c.PromisedLimit.Amount < 0)
        {
            yield return new Invalid("catalog.limit-negative") { Field = nameof(c.PromisedLimit) };
        }
    }

    /// <summary>承诺时限 ≤ 法定时限. Different units compare in natural days (5 working days ≈ 7 natural days).</summary>
    public static IEnumerable<Error> PromisedLimitMustNotExceedStatutory(ImplementationContent c)
    {
        if (c.StatutoryLimit.Unit == TimeLimitUnit.WorkingHours)
        {
            yield return new Invalid("catalog.statutory-limit-in-hours") { Field = nameof(c.StatutoryLimit) };
        }
        else if (NaturalDays(c.PromisedLimit) > NaturalDays(c.StatutoryLimit))
        {
            yield return new Invalid("catalog.promised-exceeds-statutory", Describe(c.PromisedLimit), Describe(c.StatutoryLimit)) { Field = nameof(c.PromisedLimit) };
        }
    }

    public static IEnumerable<Error> InstantItemsAreDecidedOnTheSpot(ImplementationContent c)
    {
        if (c.HandlingKind == HandlingKind.Instant && c.PromisedLimit.Amount != 0)
        {
            yield return new Invalid("catalog.instant-promised-limit") { Field = nameof(c.PromisedLimit) };
        }
    }

    public static IEnumerable<Error> FullyOnlineItemsNeedNoVisit(ImplementationContent c)
    {
        if (c.OnlineDepth == OnlineDepth.FullyOnline && c.Visits != VisitCount.Zero)
        {
            yield return new Invalid("catalog.fully-online-needs-no-visit") { Field = nameof(c.Visits) };
        }
    }

    /// <summary>At most 5 (natural persons) or 10 (legal persons) materials actually asked for, unless a public-safety item says why.</summary>
    public static IEnumerable<Error> RequiredMaterialsWithinCap(ImplementationContent c, CatalogPolicy policy)
    {
        if (c.PublicSafety && !string.IsNullOrWhiteSpace(c.PublicSafetyReason))
        {
            yield break;
        }

        var asked = c.Materials.Count(m => m.Necessity == MaterialNecessity.Required && !m.Conditional && m.Exemptions.Count == 0);
        var cap = c.Audience.HasFlag(Audience.NaturalPerson) ? policy.MaxMaterialsForNaturalPersons : policy.MaxMaterialsForLegalPersons;
        if (asked > cap)
        {
            yield return new Invalid("catalog.too-many-materials", asked, cap) { Field = nameof(c.Materials) };
        }
    }

    /// <summary>Materials a government department issued are never asked for: each names how it is obtained instead.</summary>
    public static IEnumerable<Error> GovernmentIssuedMaterialsNeedAnExemptionRoute(ImplementationContent c)
    {
        foreach (var material in c.Materials.Where(m => m.Source == MaterialSource.Government && m.Exemptions.Count == 0))
        {
            yield return new Invalid("catalog.government-material-needs-exemption", material.Name) { Field = nameof(c.Materials) };
        }

        foreach (var material in c.Materials)
        {
            foreach (var exemption in material.Exemptions.Where(e => e.Route != ExemptionRoute.Commitment && string.IsNullOrWhiteSpace(e.Reference)))
            {
                yield return new Invalid("catalog.exemption-needs-reference", material.Name) { Field = nameof(c.Materials) };
            }
        }
    }

    /// <summary>告知承诺 only on items that allow it, and never on public-safety items.</summary>
    public static IEnumerable<Error> CommitmentOnlyWhereTheItemAllowsIt(ImplementationContent c)
    {
        if (c.CommitmentAllowed && c.PublicSafety)
        {
            yield return new Invalid("catalog.commitment-not-for-high-risk") { Field = nameof(c.CommitmentAllowed) };
        }

        foreach (var material in c.Materials.Where(m => !c.CommitmentAllowed && m.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment)))
        {
            yield return new Invalid("catalog.commitment-not-allowed", material.Name) { Field = nameof(c.Materials) };
        }
    }

    public static IEnumerable<Error> KeysMustBeUniqueAndReferencesResolve(ImplementationContent c)
    {
        foreach (var key in Duplicates(c.Materials.Select(m => m.Key)))
        {
            yield return new Invalid("catalog.duplicate-key", key) { Field = nameof(c.Materials) };
        }

        foreach (var key in Duplicates(c.Form.Select(f => f.Key)))
        {
            yield return new Invalid("catalog.duplicate-key", key) { Field = nameof(c.Form) };
        }

        foreach (var variant in c.Variants.Where(v => v.Suffix.Length != 2 || !v.Suffix.All(char.IsAsciiDigit) || v.Suffix == "00"))
        {
            yield return new Invalid("catalog.variant-suffix", variant.Suffix) { Field = nameof(c.Variants) };
        }

        foreach (var key in Duplicates(c.Variants.Select(v => v.Suffix)))
        {
            yield return new Invalid("catalog.duplicate-key", key) { Field = nameof(c.Variants) };
        }

        var materialKeys = c.Materials.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in c.Situations.SelectMany(s => s.Answers))
        {
            foreach (var key in answer.Adds.Concat(answer.Removes).Where(k => !materialKeys.Contains(k)))
            {
                yield return new Invalid("catalog.situation-unknown-material", answer.Text, key) { Field = nameof(c.Situations) };
            }

            added.UnionWith(answer.Adds);
        }

        foreach (var material in c.Materials.Where(m => m.Conditional && !added.Contains(m.Key)))
        {
            yield return new Invalid("catalog.conditional-material-unreachable", material.Name) { Field = nameof(c.Materials) };
        }
    }

    /// <summary>
    /// How much shorter the promised limit is than the statutory one (0.6 = 60% shorter). Both are compared as
    /// natural days: a working day is 7/5 of one, and a working hour is its share of a working day's office time
    /// (<see cref="OfficeHours.Default"/>, 6.5 hours), so 1 working hour against 3 working days is 1 − 1/19.5 ≈ 94.9% shorter.
    /// </summary>
    public static double CompressionRatio(ImplementationContent c)
    {
        var statutory = NaturalDays(c.StatutoryLimit);
        return statutory <= 0 ? 0 : Math.Round(1 - (NaturalDays(c.PromisedLimit) / statutory), 4);
    }

    /// <summary>A limit as working days (效能监管's Σ of limits): natural days count 5/7, a working hour its share of a working day's office time.</summary>
    public static double WorkingDays(TimeLimit limit) => NaturalDays(limit) * 5.0 / 7.0;

    private static double NaturalDays(TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.WorkingDays => limit.Amount * 7.0 / 5.0,
        TimeLimitUnit.NaturalDays => limit.Amount,
        TimeLimitUnit.WorkingHours => limit.Amount / OfficeHours.Default.PerDay.TotalHours * 7.0 / 5.0,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit.Unit, null),
    };

    /// <summary>"20个工作日", "1个工作小时".</summary>
    public static string Describe(TimeLimit limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{limit.Amount}个{UnitName(limit.Unit)}");

    /// <summary>工作日, 自然日, 工作小时.</summary>
    public static string UnitName(TimeLimitUnit unit) => unit switch
    {
        TimeLimitUnit.WorkingDays => "工作日",
        TimeLimitUnit.NaturalDays => "自然日",
        TimeLimitUnit.WorkingHours => "工作小时",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    private static IEnumerable<string> Duplicates(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1 || string.IsNullOrWhiteSpace(g.Key)).Select(g => g.Key);
}

/// <summary>
/// The city's configurable catalog numbers (configuration section Tongban:Catalog; init properties so
/// the options binder can build it).
/// </summary>
public sealed record CatalogPolicy
{
    public static CatalogPolicy Default { get; } = new();

    public int MaxMaterialsForNaturalPersons { get; init; } = 5;

    public int MaxMaterialsForLegalPersons { get; init; } = 10;

    /// <summary>Days from issue within which a region claims an item (遂宁: 15).</summary>
    public int ClaimDays { get; init; } = 15;

    /// <summary>Promised limits are on average this much shorter than statutory ones (遂宁 2021: 60%), shown beside <see cref="CatalogRules.CompressionRatio"/>.</summary>
    public double CompressionTarget { get; init; } = 0.6;
}

/// <summary>Chinese names of the elements, for messages and diffs.</summary>
public static class ElementNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Name"] = "事项名称",
        ["ImplementingBody"] = "实施主体",
        ["ImplementingBodyNature"] = "实施主体性质",
        ["AcceptanceConditions"] = "受理条件",
        ["Audience"] = "服务对象",
        ["HandlingKind"] = "办件类型",
        ["StatutoryLimit"] = "法定办结时限",
        ["PromisedLimit"] = "承诺办结时限",
        ["SpecialProcedures"] = "特别程序",
        ["Process"] = "办理流程",
        ["InstantApprovalRules"] = "秒批规则",
        ["Location"] = "办理地点",
        ["OfficeHours"] = "办理时间",
        ["Visits"] = "到办事现场次数",
        ["Charged"] = "是否收费",
        ["Fees"] = "收费项目",
        ["Consultation"] = "咨询方式",
        ["Complaint"] = "监督投诉方式",
        ["OnlineDepth"] = "网上办理深度",
        ["InServiceHall"] = "是否进驻大厅",
        ["ServiceScope"] = "通办范围",
        ["ResultType"] = "审批结果类型",
        ["ResultName"] = "审批结果名称",
        ["ResultSample"] = "审批结果样本",
        ["LicenceTypeCode"] = "电子证照类型",
        ["JointAgencies"] = "联办机构",
        ["ExpressDelivery"] = "物流快递",
        ["OnlinePayment"] = "网上支付",
        ["Appointment"] = "预约办理",
        ["CommitmentAllowed"] = "告知承诺",
        ["PublicSafety"] = "涉及公共安全",
        ["PublicSafetyReason"] = "公共安全说明",
        ["Keywords"] = "关键词",
        ["LifeEvents"] = "主题（一件事）",
        ["Variants"] = "业务办理项",
        ["Situations"] = "办理情形",
        ["Materials"] = "申请材料",
        ["Form"] = "申请表单",
    };

    public static string Of(string element) => Names.TryGetValue(element, out var name) ? name : element;
}
