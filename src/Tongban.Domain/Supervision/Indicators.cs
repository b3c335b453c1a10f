namespace Tongban.Domain.Supervision;

/// <summary>
/// What the indicators are computed from, for one period and scope: counts of items and cases, and the
/// histogram of handling times in working days. The platform keeps these as daily pre-aggregates, so a
/// period over a 10-million-case history adds up a few thousand rows instead of reading the cases.
/// </summary>
public sealed record IndicatorCounts
{
    /// <summary>Published implementations in scope.</summary>
    public long Implementations { get; init; }

    /// <summary>… of which can be applied for online (网上可办: online depth 网上预审 or deeper).</summary>
    public long OnlineImplementations { get; init; }

    /// <summary>… of which are 全程网办.</summary>
    public long FullyOnlineImplementations { get; init; }

    /// <summary>Σ of the promised limits and Σ of the statutory limits of those implementations, in working days.</summary>
    public long PromisedLimitDays { get; init; }
    public long StatutoryLimitDays { get; init; }

    /// <summary>Cases filed (submitted online or received at a window) in the period.</summary>
    public long CasesFiled { get; init; }

    /// <summary>… filed online (web, mobile API, department systems), not at a window.</summary>
    public long CasesFiledOnline { get; init; }

    /// <summary>… received at a window.</summary>
    public long CasesFiledAtWindow { get; init; }

    /// <summary>… received at a 综合窗口 (无差别受理), not a department's own window.</summary>
    public long CasesFiledAtComprehensiveWindow { get; init; }

    /// <summary>Cases finished (办结: completed, denied, refused …) in the period.</summary>
    public long CasesFinished { get; init; }

    /// <summary>… of which were 全程网办 cases.</summary>
    public long CasesFinishedFullyOnline { get; init; }

    /// <summary>… that took at most one in-person visit, and none.</summary>
    public long CasesFinishedWithAtMostOneVisit { get; init; }
    public long CasesFinishedWithZeroVisits { get; init; }

    /// <summary>… finished by their promised deadline.</summary>
    public long CasesFinishedOnTime { get; init; }

    /// <summary>Cases past their promised deadline: finished late in the period, or still open and overdue at its end.</summary>
    public long CasesOverdue { get; init; }

    /// <summary>Cases still open at the period's end (the overdue rate's denominator adds them to the finished).</summary>
    public long CasesOpen { get; init; }

    /// <summary>Cases accepted in the period, and of them 容缺受理 and 告知承诺.</summary>
    public long CasesAccepted { get; init; }
    public long CasesAcceptedWithDeficiency { get; init; }
    public long CasesAcceptedUnderCommitment { get; init; }

    /// <summary>
    /// Handling time of the finished cases: entry <c>d</c> counts the cases finished after <c>d</c> working
    /// days (the last entry gathers everything longer).
    /// </summary>
    public IReadOnlyList<long> HandlingDays { get; init; } = [];

    /// <summary>Rating invitations sent in the period (one per case stage rated).</summary>
    public long RatingInvitations { get; init; }

    /// <summary>Ratings actively given (not defaulted, not excluded by an upheld appeal), and of them 好评 (3-5).</summary>
    public long ActiveRatings { get; init; }
    public long GoodRatings { get; init; }

    /// <summary>Of the active ratings, those given at the 办结 stage by the invitation's active-rating day: the invitations answered in time.</summary>
    public long AnsweredInvitations { get; init; }

    /// <summary>Ratings the default produced (shown, never counted as active).</summary>
    public long DefaultedRatings { get; init; }

    /// <summary>差评 counted (active, not excluded), and their work orders closed.</summary>
    public long BadRatings { get; init; }
    public long RectificationsClosed { get; init; }
}

/// <summary>One indicator: its value (a share 0..1, or working days), the numerator and denominator it comes from, and its formula as printed.</summary>
/// <param name="Value">Null when the denominator is zero: nothing to measure, never shown as 0% or 100%.</param>
public sealed record Indicator(string Name, string ChineseName, decimal? Value, decimal Numerator, decimal Denominator, string Formula, string Unit = Indicator.Share)
{
    public const string Share = "share";
    public const string WorkingDays = "workingDays";
}

/// <summary>
/// 效能监管's indicators, each with its formula written next to it (the UI and docs print <see cref="Indicator.Formula"/>).
/// Names are the API's stable camelCase names.
/// </summary>
public static class Indicators
{
    public static IReadOnlyList<Indicator> From(IndicatorCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var handled = c.HandlingDays.Sum();
        return
        [
            Rate("onlineAvailabilityRate", "网上可办率", c.OnlineImplementations, c.Implementations, "网上可办事项数 ÷ 已发布事项数"),
            Rate("fullyOnlineRate", "全程网办率（事项）", c.FullyOnlineImplementations, c.Implementations, "全程网办事项数 ÷ 已发布事项数"),
            Rate("fullyOnlineCaseRate", "全程网办率（办件）", c.CasesFinishedFullyOnline, c.CasesFinished, "全程网办办结件数 ÷ 办结件数"),
            Rate("oneWindowRate", "一窗受理率", c.CasesFiledAtComprehensiveWindow, c.CasesFiledAtWindow, "综合窗口收件数 ÷ 窗口收件数"),
            Rate("atMostOneVisitRate", "最多跑一次率", c.CasesFinishedWithAtMostOneVisit, c.CasesFinished, "跑动不超过一次的办结件数 ÷ 办结件数"),
            Rate("zeroVisitRate", "零跑动率", c.CasesFinishedWithZeroVisits, c.CasesFinished, "零跑动办结件数 ÷ 办结件数"),
            Rate("onlineApplicationShare", "网办比例", c.CasesFiledOnline, c.CasesFiled, "网上申请件数 ÷ 申请件数"),
            new Indicator("averageHandlingDays", "平均办理时长", handled == 0 ? null : Round(Weighted(c.HandlingDays) / handled), Weighted(c.HandlingDays), handled,
                "办结件办理工作日之和 ÷ 办结件数", Indicator.WorkingDays),
            new Indicator("p90HandlingDays", "办理时长 P90", Percentile(c.HandlingDays, 0.9m), Math.Ceiling(0.9m * handled), handled,
                "按办理工作日排序的第 ⌈0.9 × 办结件数⌉ 件的工作日数（90% 的办结件不超过该值）", Indicator.WorkingDays),
            new Indicator("limitCompressionRate", "承诺时限压缩率", c.StatutoryLimitDays == 0 ? null : Round(1 - ((decimal)c.PromisedLimitDays / c.StatutoryLimitDays)),
                c.StatutoryLimitDays - c.PromisedLimitDays, c.StatutoryLimitDays, "（法定时限之和 − 承诺时限之和）÷ 法定时限之和"),
            Rate("onTimeRate", "按时办结率", c.CasesFinishedOnTime, c.CasesFinished, "承诺时限内办结件数 ÷ 办结件数"),
            Rate("overdueRate", "超期率", c.CasesOverdue, c.CasesFinished + c.CasesOpen, "超期件数（超期办结 + 在办已超期）÷（办结件数 + 在办件数）"),
            Rate("activeRatingRate", "主动评价率", c.AnsweredInvitations, c.RatingInvitations, "按时主动评价数（办结环节、评价期限内，不含默认评价和申诉成立的评价）÷ 评价邀请数"),
            Rate("goodRatingRate", "好评率", c.GoodRatings, c.ActiveRatings, "好评数（非常满意、满意、基本满意）÷ 主动评价数"),
            Rate("rectificationRate", "差评整改率", c.RectificationsClosed, c.BadRatings, "整改办结的差评数 ÷ 差评数（不含申诉成立的）"),
            Rate("deficiencyAcceptanceRate", "容缺受理率", c.CasesAcceptedWithDeficiency, c.CasesAccepted, "容缺受理件数 ÷ 受理件数"),
            Rate("commitmentRate", "告知承诺率", c.CasesAcceptedUnderCommitment, c.CasesAccepted, "告知承诺受理件数 ÷ 受理件数"),
        ];
    }

    /// <summary>
    /// The smallest number of working days within which at least <paramref name="share"/> of the cases of the
    /// histogram finished (nearest-rank); null for an empty histogram.
    /// </summary>
    public static decimal? Percentile(IReadOnlyList<long> histogram, decimal share)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var total = histogram.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(share * total);
        long seen = 0;
        for (var days = 0; days < histogram.Count; days++)
        {
            seen += histogram[days];
            if (seen >= rank)
            {
                return days;
            }
        }

        return histogram.Count - 1;
    }

    private static decimal Weighted(IReadOnlyList<long> histogram) => histogram.Select((count, days) => (decimal)count * days).Sum();

    private static Indicator Rate(string name, string chinese, long numerator, long denominator, string formula) =>
        new(name, chinese, denominator == 0 ? null : Round((decimal)numerator / denominator), numerator, denominator, formula);

    private static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
