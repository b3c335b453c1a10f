namespace Tongban.Domain.Primitives;

/// <summary>
/// 特别程序 (行政许可法 第四十五条): time spent in them does not count towards the time limits. Shared by
/// the catalog (which procedures an item may need) and cases (which one stopped the clock).
/// </summary>
public enum SpecialProcedure
{
    Hearing,        // 听证
    Tendering,      // 招标
    Auction,        // 拍卖
    Inspection,     // 检验
    Testing,        // 检测
    Quarantine,     // 检疫
    Appraisal,      // 鉴定
    ExpertReview,   // 专家评审
    SiteSurvey,     // 现场勘察
}
