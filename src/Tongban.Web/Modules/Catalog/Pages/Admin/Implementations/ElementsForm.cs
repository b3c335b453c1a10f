using System.Globalization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>
/// The scalar elements of an implementation as one plain form: numbers and lists arrive as text
/// (limits as digits, keywords comma-separated, process steps one "编号 名称" per line) and are read
/// here, once, with an error per field that does not read.
/// </summary>
public sealed class ElementsForm
{
    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；'];

    public string? Name { get; set; }

    public string? ImplementingBody { get; set; }

    public string? ImplementingBodyNature { get; set; }

    public string? AcceptanceConditions { get; set; }

    public Audience Audience { get; set; }

    public HandlingKind HandlingKind { get; set; }

    public string? StatutoryAmount { get; set; }

    public TimeLimitUnit StatutoryUnit { get; set; }

    public string? StatutoryExplanation { get; set; }

    public string? PromisedAmount { get; set; }

    public TimeLimitUnit PromisedUnit { get; set; }

    public string? PromisedExplanation { get; set; }

    public List<SpecialProcedure> SpecialProcedures { get; set; } = [];

    /// <summary>One step per line: its key, a space, its name; then optionally "| role | 会签 group".</summary>
    public string? Process { get; set; }

    /// <summary>秒批: the names of the checks (<see cref="InstantApprovalChecks"/>) that approve a case when all hold.</summary>
    public List<string> InstantApprovalRules { get; set; } = [];

    public string? Location { get; set; }

    public string? OfficeHours { get; set; }

    public VisitCount Visits { get; set; }

    public bool Charged { get; set; }

    public string? Consultation { get; set; }

    public string? Complaint { get; set; }

    public OnlineDepth OnlineDepth { get; set; } = OnlineDepth.PreReview;

    public bool InServiceHall { get; set; }

    public ServiceScope ServiceScope { get; set; }

    public string? ResultType { get; set; }

    public string? ResultName { get; set; }

    public string? LicenceTypeCode { get; set; }

    public string? JointAgencies { get; set; }

    public bool ExpressDelivery { get; set; }

    public bool OnlinePayment { get; set; }

    public bool Appointment { get; set; }

    public bool CommitmentAllowed { get; set; }

    public bool PublicSafety { get; set; }

    public string? PublicSafetyReason { get; set; }

    public string? Keywords { get; set; }

    public string? LifeEvents { get; set; }

    public static ElementsForm From(ImplementationContent c) => new()
    {
        Name = c.Name,
        ImplementingBody = c.ImplementingBody,
        ImplementingBodyNature = c.ImplementingBodyNature,
        AcceptanceConditions = c.AcceptanceConditions,
        Audience = c.Audience,
        HandlingKind = c.HandlingKind,
        StatutoryAmount = c.StatutoryLimit.Amount.ToString(CultureInfo.InvariantCulture),
        StatutoryUnit = c.StatutoryLimit.Unit,
        StatutoryExplanation = c.StatutoryLimit.Explanation,
        PromisedAmount = c.PromisedLimit.Amount.ToString(CultureInfo.InvariantCulture),
        PromisedUnit = c.PromisedLimit.Unit,
        PromisedExplanation = c.PromisedLimit.Explanation,
        SpecialProcedures = [.. c.SpecialProcedures],
        Process = string.Join('\n', c.Process.Select(Line)),
        InstantApprovalRules = [.. c.InstantApprovalRules],
        Location = c.Location,
        OfficeHours = c.OfficeHours,
        Visits = c.Visits,
        Charged = c.Charged,
        Consultation = c.Consultation,
        Complaint = c.Complaint,
        OnlineDepth = c.OnlineDepth,
        InServiceHall = c.InServiceHall,
        ServiceScope = c.ServiceScope,
        ResultType = c.ResultType,
        ResultName = c.ResultName,
        LicenceTypeCode = c.LicenceTypeCode,
        JointAgencies = string.Join('，', c.JointAgencies),
        ExpressDelivery = c.ExpressDelivery,
        OnlinePayment = c.OnlinePayment,
        Appointment = c.Appointment,
        CommitmentAllowed = c.CommitmentAllowed,
        PublicSafety = c.PublicSafety,
        PublicSafetyReason = c.PublicSafetyReason,
        Keywords = string.Join('，', c.Keywords),
        LifeEvents = string.Join('，', c.LifeEvents),
    };

    /// <summary>Every field that does not read, each tied to its field.</summary>
    public IReadOnlyList<Error> Check() =>
        [.. new Error?[] { StatutoryLimit().Error, PromisedLimit().Error, Steps([]).Error }.OfType<Error>()];

    /// <summary>The draft with this form's elements; call after <see cref="Check"/> found nothing.</summary>
    public ImplementationContent ApplyTo(ImplementationContent draft) => draft with
    {
        Name = Text(Name),
        ImplementingBody = Text(ImplementingBody),
        ImplementingBodyNature = Text(ImplementingBodyNature),
        AcceptanceConditions = Text(AcceptanceConditions),
        Audience = Audience,
        HandlingKind = HandlingKind,
        StatutoryLimit = StatutoryLimit().Value,
        PromisedLimit = PromisedLimit().Value,
        SpecialProcedures = [.. SpecialProcedures.Distinct().Order()],
        Process = Steps(draft.Process).Value,
        InstantApprovalRules = [.. InstantApprovalRules.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal)],
        Location = Text(Location),
        OfficeHours = Text(OfficeHours),
        Visits = Visits,
        Charged = Charged,
        Consultation = Text(Consultation),
        Complaint = Text(Complaint),
        OnlineDepth = OnlineDepth,
        InServiceHall = InServiceHall,
        ServiceScope = ServiceScope,
        ResultType = Text(ResultType),
        ResultName = Text(ResultName),
        LicenceTypeCode = Optional(LicenceTypeCode),
        JointAgencies = ListOf(JointAgencies),
        ExpressDelivery = ExpressDelivery,
        OnlinePayment = OnlinePayment,
        Appointment = Appointment,
        CommitmentAllowed = CommitmentAllowed,
        PublicSafety = PublicSafety,
        PublicSafetyReason = Optional(PublicSafetyReason),
        Keywords = ListOf(Keywords),
        LifeEvents = ListOf(LifeEvents),
    };

    /// <summary>"a，b、c" → [a, b, c]: Chinese and Latin separators alike, blanks and repeats dropped.</summary>
    public static IReadOnlyList<string> ListOf(string? text) =>
        [.. (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>A whole number of days, or more generally of anything counted: digits only.</summary>
    public static Result<int> Count(string? text, string field, string element) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : new Invalid("catalog.whole-number", element) { Field = field };

    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Text(string? text) => text?.Trim() ?? "";

    private Result<TimeLimit> StatutoryLimit() =>
        Count(StatutoryAmount, nameof(StatutoryAmount), ElementNames.Of(nameof(ImplementationContent.StatutoryLimit)))
            .Map(amount => new TimeLimit(amount, StatutoryUnit, Text(StatutoryExplanation)));

    private Result<TimeLimit> PromisedLimit() =>
        Count(PromisedAmount, nameof(PromisedAmount), ElementNames.Of(nameof(ImplementationContent.PromisedLimit)))
            .Map(amount => new TimeLimit(amount, PromisedUnit, Text(PromisedExplanation)));

    /// <summary>"key 名称", and "| role | group" when either is set (the role blank means 审批人员).</summary>
    private static string Line(ProcessStep step) =>
        step.Role is null && step.ParallelGroup is null ? $"{step.Key} {step.Name}" : $"{step.Key} {step.Name} | {step.Role} | {step.ParallelGroup}".TrimEnd(' ', '|');

    /// <summary>The steps, keeping the description of a step whose key was already there.</summary>
    private Result<IReadOnlyList<ProcessStep>> Steps(IReadOnlyList<ProcessStep> current)
    {
        var steps = new List<ProcessStep>();
        var lines = (Process ?? "").Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var columns = lines[i].Split(['|', '｜'], StringSplitOptions.TrimEntries);
            if (columns.Length > 3)
            {
                return new Invalid("catalog.process-line-part", i + 1) { Field = nameof(Process) };
            }

            var parts = columns[0].Split([' ', '\u3000', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2)
            {
                return new Invalid("catalog.process-line", i + 1) { Field = nameof(Process) };
            }

            var role = columns.Length > 1 ? Optional(columns[1]) : null;
            var group = columns.Length > 2 ? Optional(columns[2]) : null;
            steps.Add(new ProcessStep(parts[0], parts[1], current.FirstOrDefault(s => s.Key == parts[0])?.Description ?? "", role, group));
        }

        return Result<IReadOnlyList<ProcessStep>>.Success(steps);
    }
}
