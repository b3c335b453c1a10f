using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Catalog;

/// <summary>
/// Every element of an implementation (实施清单要素). Immutable; an edit produces a new value and a
/// publish freezes one as a version. Serialised as one JSON document (<see cref="CatalogJson"/>), which
/// is also the import/export format, so versions, diffs and round-trips see exactly the same thing.
/// </summary>
public sealed record ImplementationContent
{
    public string Name { get; init; } = "";

    /// <summary>实施主体 name and its nature (法定机关 / 授权组织 / 受委托组织).</summary>
    public string ImplementingBody { get; init; } = "";
    public string ImplementingBodyNature { get; init; } = "法定机关";

    public string AcceptanceConditions { get; init; } = "";
    public Audience Audience { get; init; } = Audience.NaturalPerson;
    public HandlingKind HandlingKind { get; init; } = HandlingKind.Promised;
    public TimeLimit StatutoryLimit { get; init; } = new(20, TimeLimitUnit.WorkingDays, "");
    public TimeLimit PromisedLimit { get; init; } = new(10, TimeLimitUnit.WorkingDays, "");
    public IReadOnlyList<SpecialProcedure> SpecialProcedures { get; init; } = [];

    /// <summary>办理流程: the steps the case workflow runs, in order (受理, 审查, 决定, 制证, 办结 ...).</summary>
    public IReadOnlyList<ProcessStep> Process { get; init; } = [];

    public string Location { get; init; } = "";
    public string OfficeHours { get; init; } = "";
    public VisitCount Visits { get; init; } = VisitCount.One;
    public bool Charged { get; init; }
    public IReadOnlyList<FeeItem> Fees { get; init; } = [];
    public string Consultation { get; init; } = "";
    public string Complaint { get; init; } = "";
    public OnlineDepth OnlineDepth { get; init; } = OnlineDepth.PreReview;
    public bool InServiceHall { get; init; } = true;
    public ServiceScope ServiceScope { get; init; } = ServiceScope.Local;
    public string ResultType { get; init; } = "";
    public string ResultName { get; init; } = "";
    public string? ResultSample { get; init; }

    /// <summary>When the result is an e-licence: its 证照类型 code.</summary>
    public string? LicenceTypeCode { get; init; }

    public IReadOnlyList<string> JointAgencies { get; init; } = [];
    public bool ExpressDelivery { get; init; }
    public bool OnlinePayment { get; init; }
    public bool Appointment { get; init; }

    /// <summary>告知承诺制: the item lets a signed commitment replace proofs.</summary>
    public bool CommitmentAllowed { get; init; }

    /// <summary>
    /// 秒批: the names of the checks over verified data that, when all hold, approve a case without a
    /// human (see the Cases module's instant-approval checks). Empty: every case is decided by a person.
    /// </summary>
    public IReadOnlyList<string> InstantApprovalRules { get; init; } = [];

    /// <summary>Public-safety items may exceed the material cap, with a reported reason.</summary>
    public bool PublicSafety { get; init; }
    public string? PublicSafetyReason { get; init; }

    /// <summary>Search helpers: extra keywords and 一件事 life events (出生, 结婚, 开办企业 ...).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<string> LifeEvents { get; init; } = [];

    public IReadOnlyList<HandlingVariant> Variants { get; init; } = [];
    public IReadOnlyList<Situation> Situations { get; init; } = [];
    public IReadOnlyList<MaterialRequirement> Materials { get; init; } = [];
    public IReadOnlyList<FormField> Form { get; init; } = [];
}

public sealed record TimeLimit(int Amount, TimeLimitUnit Unit, string Explanation = "");

/// <summary>
/// One step of 办理流程. The keys <see cref="Intake"/>, <see cref="Decision"/>, <see cref="Issue"/>,
/// <see cref="Delivery"/> and <see cref="Completion"/> name case transitions (受理, 决定, 制证, 送达, 办结);
/// every other step is a back-office step the case plans at acceptance, acted on by <see cref="Role"/>
/// (an Identity role name; null means Approver). Steps sharing a <see cref="ParallelGroup"/> run
/// together (并联 / 会签) and must be adjacent. 多地联办: <see cref="Region"/> (a 12-digit region code) and
/// <see cref="DepartmentId"/> name another region's department that performs the step; null means the
/// implementation's own department. The region must lie within the implementation's service scope.
/// </summary>
public sealed record ProcessStep(string Key, string Name, string Description = "", string? Role = null, string? ParallelGroup = null, string? Region = null, Guid? DepartmentId = null)
{
    /// <summary>Whether an implementation of <paramref name="home"/> with <paramref name="scope"/> reaches <paramref name="other"/> (全市: same 4 digits, 全省: same 2).</summary>
    public static bool ScopeReaches(ServiceScope scope, RegionCode home, RegionCode other) => scope switch
    {
        ServiceScope.Local => home.Contains(other),
        ServiceScope.CityWide => home.Value[..4] == other.Value[..4],
        ServiceScope.ProvinceWide => home.Province == other.Province,
        ServiceScope.CrossProvince => true,
    };

    public const string Intake = "accept";
    public const string Decision = "decide";
    public const string Issue = "issue";
    public const string Delivery = "deliver";
    public const string Completion = "complete";

    /// <summary>A case transition rather than a back-office step.</summary>
    public bool IsTransition() => Key is Intake or Decision or Issue or Delivery or Completion;
}

public sealed record FeeItem(string Name, string Standard, string Basis);

/// <summary>业务办理项 (新设/变更/延续/注销 ...): the 2-digit suffix of the 33-char code.</summary>
public sealed record HandlingVariant(string Suffix, string Name);

/// <summary>办理情形: a question whose answer adds or removes materials.</summary>
public sealed record Situation
{
    public string Key { get; init; } = "";
    public string Question { get; init; } = "";
    public IReadOnlyList<SituationAnswer> Answers { get; init; } = [];
}

public sealed record SituationAnswer
{
    public string Key { get; init; } = "";
    public string Text { get; init; } = "";

    /// <summary>Keys of conditional materials this answer asks for.</summary>
    public IReadOnlyList<string> Adds { get; init; } = [];

    /// <summary>Keys of materials this answer makes unnecessary.</summary>
    public IReadOnlyList<string> Removes { get; init; } = [];
}

/// <summary>申请材料.</summary>
public sealed record MaterialRequirement
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public MaterialNecessity Necessity { get; init; } = MaterialNecessity.Required;
    public MaterialForm Form { get; init; } = MaterialForm.Electronic;
    public int Copies { get; init; } = 1;
    public MaterialSource Source { get; init; } = MaterialSource.Applicant;
    public string? BlankForm { get; init; }
    public string? Sample { get; init; }
    public string AcceptanceCriteria { get; init; } = "";

    /// <summary>Only asked for when a situation answer adds it.</summary>
    public bool Conditional { get; init; }

    /// <summary>容缺: may be supplemented after acceptance (never for a key material).</summary>
    public bool DeficiencyAllowed { get; init; }

    /// <summary>Ways to satisfy it without paper, in order of preference.</summary>
    public IReadOnlyList<Exemption> Exemptions { get; init; } = [];
}

/// <summary>免提交 route: a held e-licence of a type, shared data from a resource, or a commitment.</summary>
public sealed record Exemption(ExemptionRoute Route, string? Reference = null);

/// <summary>A field of the applicant's e-form; <see cref="Prefill"/> names the data that fills it (免填写).</summary>
public sealed record FormField
{
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public FormFieldType Type { get; init; } = FormFieldType.Text;
    public bool Required { get; init; }
    public int? MaxLength { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>e.g. "person.name", "person.idNumber", "enterprise.uscc", or a shared-data field "data:&lt;resource&gt;.&lt;field&gt;".</summary>
    public string? Prefill { get; init; }
}
