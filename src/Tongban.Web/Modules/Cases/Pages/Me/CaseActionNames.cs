using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Pages.Me;

/// <summary>What each history entry says to the applicant.</summary>
public static class CaseActionNames
{
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
        CaseAction.DeficiencyNotifiedAgain => "再次通知补齐材料",
        CaseAction.Terminated => "不予办理，退还材料",
        CaseAction.StepApproved => "环节通过",
        CaseAction.StepSentBack => "退回上一环节",
        CaseAction.StepTransferred => "转办",
        CaseAction.StepSkipped => "环节跳过",
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
        CaseAction.Revoked => "撤销",
    };

    public static string Of(string action) => Enum.TryParse<CaseAction>(action, out var parsed) ? Of(parsed) : action;
}
