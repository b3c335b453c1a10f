namespace Tongban.Domain.Cases;

/// <summary>What the applicant reads for a bundle case's one status.</summary>
public static class BundleCaseNames
{
    public static string Of(BundleCaseStatus status) => status switch
    {
        BundleCaseStatus.Submitted => "待受理",
        BundleCaseStatus.AwaitingCorrection => "待补正",
        BundleCaseStatus.InProgress => "办理中",
        BundleCaseStatus.Completed => "已出结果",
        BundleCaseStatus.PartlyCompleted => "部分办结",
        BundleCaseStatus.NotCompleted => "未办成",
        BundleCaseStatus.Withdrawn => "已撤回",
    };
}
