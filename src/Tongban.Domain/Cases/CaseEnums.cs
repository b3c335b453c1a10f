using Tongban.Domain.Primitives;
namespace Tongban.Domain.Cases;

/// <summary>
/// The lifecycle of a case (办件). Every switch over it must name every status (CS8509 is an error),
/// so adding a status forces each rule to say what it means there.
/// </summary>
public enum CaseStatus
{
    /// <summary>草稿: being filled in; nothing is received yet.</summary>
    Draft,

    /// <summary>待受理: received (<see cref="Case.ReceivedAt"/>), awaiting the window's intake decision.</summary>
    Submitted,

    /// <summary>待补正: a correction notice (补正告知) listing everything missing or defective is out.</summary>
    AwaitingCorrection,

    /// <summary>不予受理 (terminal).</summary>
    Refused,

    /// <summary>已受理, in the back office; the clock runs.</summary>
    Accepted,

    /// <summary>容缺受理: in the back office while non-key materials are owed; no decision until they arrive.</summary>
    AcceptedWithDeficiency,

    /// <summary>容缺逾期: owed materials not supplied in time, notified again; processing and the clock are suspended for the grace period.</summary>
    DeficiencyOverdue,

    /// <summary>准予许可 (decided).</summary>
    Approved,

    /// <summary>不予许可 (decided, with reasons and legal basis).</summary>
    Denied,

    /// <summary>已制证: the result (document / licence) is issued.</summary>
    Issued,

    /// <summary>已送达.</summary>
    Delivered,

    /// <summary>已办结 (terminal).</summary>
    Completed,

    /// <summary>已撤回 by the applicant before a decision (terminal).</summary>
    Withdrawn,

    /// <summary>不予办理: owed 容缺 materials never arrived, materials returned (terminal).</summary>
    Terminated,

    /// <summary>已撤销: an approval granted under 告知承诺 revoked for a false commitment (terminal).</summary>
    Revoked,
}

/// <summary>How the case was accepted.</summary>
public enum AcceptanceKind
{
    /// <summary>受理: every required material is present.</summary>
    Standard,

    /// <summary>容缺受理: non-key materials owed under a signed commitment.</summary>
    WithDeficiency,

    /// <summary>告知承诺: a signed commitment replaces proofs.</summary>
    UnderCommitment,
}

/// <summary>办理渠道: one case model, the channel recorded.</summary>
public enum CaseChannel
{
    Web,
    Window,
    MobileApi,
    KioskApi,
}

public enum ApplicantKind
{
    /// <summary>自然人, keyed by 公民身份号码.</summary>
    NaturalPerson,

    /// <summary>法人, keyed by 统一社会信用代码.</summary>
    LegalPerson,
}

/// <summary>How a required material was satisfied.</summary>
public enum MaterialRoute
{
    /// <summary>上传: a stored file.</summary>
    Uploaded,

    /// <summary>电子证照: a licence the applicant holds (免提交).</summary>
    HeldLicence,

    /// <summary>数据共享: a shared data resource (免提交).</summary>
    SharedData,

    /// <summary>告知承诺: the applicant's commitment replaces the proof.</summary>
    Commitment,

    /// <summary>缺件: left for the window to decide (补正 / 容缺).</summary>
    Missing,
}

public enum CaseStepStatus
{
    /// <summary>Not yet its turn.</summary>
    Pending,

    /// <summary>Its turn: may be approved, sent back, skipped or transferred.</summary>
    Active,

    Approved,

    /// <summary>This step sent the case back to an earlier one; it becomes active again when the flow returns.</summary>
    SentBack,

    /// <summary>Not needed for this case, with a recorded reason.</summary>
    Skipped,
}

/// <summary>Why the clock stopped.</summary>
public enum ClockStopKind
{
    /// <summary>特别程序.</summary>
    SpecialProcedure,

    /// <summary>容缺 grace period after the second notice: the case waits for the applicant.</summary>
    AwaitingSupplement,
}

public enum DecisionOutcome
{
    Approve,
    Deny,
}

public enum DeliveryMethod
{
    /// <summary>统一窗口出件, against a pickup code.</summary>
    WindowPickup,

    /// <summary>邮寄送达.</summary>
    Post,

    /// <summary>电子送达 (全程网办: e-licence and documents online).</summary>
    Electronic,
}

/// <summary>The time-limit warning shown on lists and the supervision board.</summary>
public enum TimeWarning
{
    Normal,

    /// <summary>黄灯: the used share of a limit reached <see cref="CasePolicy.WarningShare"/>.</summary>
    Yellow,

    /// <summary>红灯: a deadline has passed.</summary>
    Red,

    /// <summary>The clock is stopped (特别程序 or 容缺 grace period).</summary>
    Paused,
}

/// <summary>What <see cref="Case.CheckDeficiency"/> did.</summary>
public enum DeficiencyCheckOutcome
{
    /// <summary>Nothing to do yet: the supplement deadline or the grace period is still running.</summary>
    NotDue,

    /// <summary>The supplement deadline passed: second notice issued, grace period opened, processing suspended.</summary>
    NotifiedAgain,

    /// <summary>The grace period passed: 不予办理, materials returned.</summary>
    Terminated,
}

/// <summary>What a history entry records.</summary>
public enum CaseAction
{
    Drafted,
    Submitted,
    CorrectionRequested,
    CorrectionSupplied,
    AcceptanceRefused,
    Accepted,
    AcceptedWithDeficiency,
    AcceptedUnderCommitment,
    DeficiencySupplemented,
    DeficiencyNotifiedAgain,
    Terminated,
    StepApproved,
    StepSentBack,
    StepTransferred,
    StepSkipped,
    SpecialProcedureStarted,
    SpecialProcedureEnded,
    Extended,
    InstantlyApproved,
    Approved,
    Denied,
    Issued,
    Delivered,
    Completed,
    Withdrawn,
    Revoked,

    /// <summary>收受分离: received at another region's hall and handed over online to the competent authority.</summary>
    RemotelyReceived,
}

/// <summary>Chinese names for messages and pages.</summary>
public static class CaseNames
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Draft => "草稿",
        CaseStatus.Submitted => "待受理",
        CaseStatus.AwaitingCorrection => "待补正",
        CaseStatus.Refused => "不予受理",
        CaseStatus.Accepted => "办理中",
        CaseStatus.AcceptedWithDeficiency => "容缺受理（待补齐材料）",
        CaseStatus.DeficiencyOverdue => "容缺逾期（已再次告知）",
        CaseStatus.Approved => "准予许可",
        CaseStatus.Denied => "不予许可",
        CaseStatus.Issued => "已制证",
        CaseStatus.Delivered => "已送达",
        CaseStatus.Completed => "已办结",
        CaseStatus.Withdrawn => "已撤回",
        CaseStatus.Terminated => "不予办理（材料已退回）",
        CaseStatus.Revoked => "已撤销",
    };

    /// <summary>What a history entry says, to the applicant and to staff alike.</summary>
    public static string Of(CaseAction action) => action switch
    {
        CaseAction.Drafted => "创建草稿",
        CaseAction.Submitted => "提交申请",
        CaseAction.CorrectionRequested => "补正告知",
        CaseAction.CorrectionSupplied => "提交补正材料",
        CaseAction.AcceptanceRefused => "不予受理",
        CaseAction.Accepted => "受理",
        CaseAction.AcceptedWithDeficiency => "容缺受理",
        CaseAction.AcceptedUnderCommitment => "告知承诺受理",
        CaseAction.DeficiencySupplemented => "补交容缺材料",
        CaseAction.DeficiencyNotifiedAgain => "再次告知补齐材料",
        CaseAction.Terminated => "不予办理，退还材料",
        CaseAction.StepApproved => "环节通过",
        CaseAction.StepSentBack => "退回",
        CaseAction.StepTransferred => "转办",
        CaseAction.StepSkipped => "跳过环节",
        CaseAction.SpecialProcedureStarted => "进入特别程序（暂停计时）",
        CaseAction.SpecialProcedureEnded => "特别程序结束（恢复计时）",
        CaseAction.Extended => "延长办理时限",
        CaseAction.InstantlyApproved => "秒批通过",
        CaseAction.Approved => "准予许可",
        CaseAction.Denied => "不予许可",
        CaseAction.Issued => "制证",
        CaseAction.Delivered => "送达",
        CaseAction.Completed => "办结",
        CaseAction.Withdrawn => "撤回申请",
        CaseAction.Revoked => "撤销许可（虚假承诺）",
        CaseAction.RemotelyReceived => "异地代收（收受分离）",
    };

    public static string Of(SpecialProcedure procedure) => procedure switch
    {
        SpecialProcedure.Hearing => "听证",
        SpecialProcedure.Tendering => "招标",
        SpecialProcedure.Auction => "拍卖",
        SpecialProcedure.Inspection => "检验",
        SpecialProcedure.Testing => "检测",
        SpecialProcedure.Quarantine => "检疫",
        SpecialProcedure.Appraisal => "鉴定",
        SpecialProcedure.ExpertReview => "专家评审",
        SpecialProcedure.SiteSurvey => "现场勘察",
    };
}
