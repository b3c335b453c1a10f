using System.Globalization;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases;

namespace Tongban.Modules.Exchange.Features.ExportRecords;

/// <summary>The four record kinds of the national 政务服务办件信息 exchange.</summary>
public enum ExchangeKind
{
    /// <summary>受理.</summary>
    Accepted,

    /// <summary>过程: one row per handling step.</summary>
    Process,

    /// <summary>结果 (办结).</summary>
    Result,

    /// <summary>特别程序: one row per clock stop.</summary>
    Special,
}

/// <summary>A column: its JSON name and its Chinese CSV header.</summary>
public sealed record ExchangeColumn(string Name, string Header);

/// <summary>One record before it is stamped with a batch: its key (what "the same record" means across batches), its event instant and its content cells.</summary>
public sealed record ExchangeRecord(string Key, DateTimeOffset At, IReadOnlyList<string> Cells);

/// <summary>Names the rows need and the cases do not hold: item, department and staff names.</summary>
public sealed record ExchangeNames(
    IReadOnlyDictionary<string, string> Items, IReadOnlyDictionary<Guid, string> Departments, IReadOnlyDictionary<Guid, (string Name, string EmployeeId)> Staff);

/// <summary>
/// The columns of each kind and how a case becomes its rows. Every row starts with 批次号, 同步类型 and 同步时间; the
/// cells after them are the content whose hash decides whether a record sent before has changed.
/// </summary>
public static class ExchangeRows
{
    public static readonly IReadOnlyList<ExchangeColumn> Stamp =
        [new("batchNumber", "批次号"), new("syncType", "同步类型"), new("syncTime", "同步时间")];

    public static IReadOnlyList<ExchangeColumn> Content(ExchangeKind kind) => kind switch
    {
        ExchangeKind.Accepted =>
        [
            new("caseNumber", "办件编号"), new("itemCode", "事项编码"), new("itemName", "事项名称"), new("applicantName", "申请人名称"),
            new("applicantIdType", "申请人证件类型"), new("applicantIdNumber", "申请人证件号码"), new("regionCode", "行政区划代码"),
            new("department", "受理部门"), new("acceptedAt", "受理时间"), new("acceptedBy", "受理人"), new("channel", "申请方式"), new("acceptanceMode", "受理方式"),
        ],
        ExchangeKind.Process =>
        [
            new("caseNumber", "办件编号"), new("stepKey", "环节代码"), new("stepName", "环节名称"), new("handler", "办理人"), new("handlerEmployeeId", "办理人工号"),
            new("startedAt", "开始时间"), new("endedAt", "结束时间"), new("result", "办理结果"), new("opinion", "办理意见"),
        ],
        ExchangeKind.Result =>
        [
            new("caseNumber", "办件编号"), new("result", "办理结果"), new("documentNumber", "结果文书编号"), new("licenceNumber", "证照编号"),
            new("finishedAt", "办结时间"), new("handlingWorkingDays", "办理时长（工作日）"),
        ],
        ExchangeKind.Special =>
        [
            new("caseNumber", "办件编号"), new("sequence", "序号"), new("procedure", "特别程序种类"), new("startedAt", "开始时间"), new("endedAt", "结束时间"), new("reason", "原因"),
        ],
    };

    /// <summary>Which cases the kind reads.</summary>
    public static CaseActivity Activity(ExchangeKind kind) => kind switch
    {
        ExchangeKind.Accepted => CaseActivity.AcceptedIn,
        ExchangeKind.Result => CaseActivity.FinishedIn,
        ExchangeKind.Process or ExchangeKind.Special => CaseActivity.HandledIn,
    };

    /// <summary>The case's records of the kind whose latest event (a step's or pause's end, else its start) lies in [start, end).</summary>
    public static IEnumerable<ExchangeRecord> Of(ExchangeKind kind, CaseExchangeView c, ExchangeNames names, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(names);
        IEnumerable<ExchangeRecord> records = kind switch
        {
            ExchangeKind.Accepted when c.AcceptedAt is { } at =>
            [
                new(c.CaseNumber, at,
                [
                    c.CaseNumber, c.ImplementationCode, names.Items.GetValueOrDefault(c.ImplementationCode, ""), c.Applicant.Name,
                    IdType(c.Applicant.Kind), c.Applicant.Identifier, c.Region.Value, names.Departments.GetValueOrDefault(c.DepartmentId, ""),
                    Time(at, zone), StaffName(c.AcceptedBy, names), Channel(c.Channel), Mode(c.AcceptedAs, c.DeemedAccepted),
                ]),
            ],
            ExchangeKind.Process => c.Steps.Where(s => s.StartedAt is not null).Select(s => new ExchangeRecord($"{c.CaseNumber}/{s.Key}", s.EndedAt ?? s.StartedAt!.Value,
            [
                c.CaseNumber, s.Key, s.Name, StaffName(s.HandlerId, names), s.HandlerId is { } h && names.Staff.TryGetValue(h, out var p) ? p.EmployeeId : "",
                Time(s.StartedAt, zone), Time(s.EndedAt, zone), StepResult(s.Status), s.Comment ?? "",
            ])),
            ExchangeKind.Result when c.CompletedAt is { } at =>
            [
                new(c.CaseNumber, at,
                [
                    c.CaseNumber, Outcome(c.Outcome), c.DocumentId ?? "", c.LicenceId ?? "", Time(at, zone), c.HandlingWorkingDays?.ToString(CultureInfo.InvariantCulture) ?? "",
                ]),
            ],
            ExchangeKind.Special => c.SpecialProcedures.Select(p => new ExchangeRecord($"{c.CaseNumber}/{p.Sequence}", p.EndedAt ?? p.StartedAt,
            [
                c.CaseNumber, p.Sequence.ToString(CultureInfo.InvariantCulture), CaseNames.Of(p.Procedure), Time(p.StartedAt, zone), Time(p.EndedAt, zone), p.Reason,
            ])),
            _ => [],
        };
        return records.Where(r => r.At >= start && r.At < end);
    }

    /// <summary>City time, to the second, as the exchange specification writes instants.</summary>
    public static string Time(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    /// <summary>证件类型 as GB/T 36904 holder codes: 111 居民身份证, 001 统一社会信用代码.</summary>
    private static string IdType(ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "111",
        ApplicantKind.LegalPerson => "001",
    };

    private static string StaffName(Guid? account, ExchangeNames names) =>
        account is { } id && names.Staff.TryGetValue(id, out var profile) ? profile.Name : "";

    private static string Channel(CaseChannel channel) => channel switch
    {
        CaseChannel.Web => "网上申请",
        CaseChannel.Window => "窗口申请",
        CaseChannel.MobileApi => "移动端申请",
        CaseChannel.KioskApi => "自助终端申请",
    };

    private static string Mode(AcceptanceKind? kind, bool deemed) => deemed ? "逾期视为受理" : kind switch
    {
        AcceptanceKind.WithDeficiency => "容缺受理",
        AcceptanceKind.UnderCommitment => "告知承诺受理",
        AcceptanceKind.Standard or null => "受理",
    };

    private static string StepResult(CaseStepStatus status) => status switch
    {
        CaseStepStatus.Approved => "通过",
        CaseStepStatus.SentBack => "退回",
        CaseStepStatus.Skipped => "跳过",
        CaseStepStatus.Active or CaseStepStatus.Pending => "办理中",
    };

    private static string Outcome(DecisionOutcome? outcome) => outcome switch
    {
        DecisionOutcome.Approve => "准予许可",
        DecisionOutcome.Deny => "不予许可",
        null => "办结",
    };
}
