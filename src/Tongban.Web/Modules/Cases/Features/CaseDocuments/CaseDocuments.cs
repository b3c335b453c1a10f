using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Features.CaseDocuments;

/// <summary>The notices a case produces, in the order a case reaches them.</summary>
public enum CaseDocumentKind
{
    /// <summary>收件回执.</summary>
    Receipt,

    /// <summary>受理通知书.</summary>
    Acceptance,

    /// <summary>补正告知书.</summary>
    Correction,

    /// <summary>不予受理通知书.</summary>
    Refusal,

    /// <summary>容缺受理通知书.</summary>
    Deficiency,

    /// <summary>容缺材料补齐再次告知书 (the second notice with the grace deadline).</summary>
    DeficiencyReminder,

    /// <summary>告知承诺书, as signed.</summary>
    Commitment,

    /// <summary>准予 / 不予行政许可决定书.</summary>
    Decision,
}

/// <summary>A document available for a case: its kind, its name in the URL and its Chinese title.</summary>
public sealed record CaseDocumentLink(CaseDocumentKind Kind, string Slug, string Name)
{
    public string PathFor(string caseNumber) => CaseDocuments.PathOf(caseNumber, Kind);
}

/// <summary>Which notices a case has produced so far (each once the case reached the state that produces it).</summary>
public static class CaseDocuments
{
    public static IReadOnlyList<CaseDocumentLink> AvailableFor(Case c) =>
        [.. Enum.GetValues<CaseDocumentKind>().Where(kind => IsAvailable(c, kind)).Select(kind => LinkOf(kind, c))];

    /// <summary>Where a case's notice of that kind is downloaded (GET /cases/{caseNumber}/documents/{kind}.pdf).</summary>
    public static string PathOf(string caseNumber, CaseDocumentKind kind) => $"/cases/{caseNumber}/documents/{SlugOf(kind)}.pdf";

    public static bool IsAvailable(Case c, CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.Receipt => c.ReceivedAt is not null,
        CaseDocumentKind.Acceptance => c.AcceptedAt is not null,
        CaseDocumentKind.Correction => c.CorrectionNotice.Count > 0,
        CaseDocumentKind.Refusal => c.Status == CaseStatus.Refused,
        CaseDocumentKind.Deficiency => c.Deficiency is not null,
        CaseDocumentKind.DeficiencyReminder => c.Deficiency?.NotifiedAgainAt is not null,
        CaseDocumentKind.Commitment => c.AcceptedAs == AcceptanceKind.UnderCommitment && c.Commitment is not null,
        CaseDocumentKind.Decision => c.Decision is not null,
    };

    /// <summary>The kind a URL names (receipt, acceptance, correction, refusal, deficiency, deficiency-reminder, commitment, decision).</summary>
    public static CaseDocumentKind? KindOf(string slug) =>
        Enum.GetValues<CaseDocumentKind>().Select(k => (CaseDocumentKind?)k).FirstOrDefault(k => SlugOf(k!.Value) == slug);

    public static string SlugOf(CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.Receipt => "receipt",
        CaseDocumentKind.Acceptance => "acceptance",
        CaseDocumentKind.Correction => "correction",
        CaseDocumentKind.Refusal => "refusal",
        CaseDocumentKind.Deficiency => "deficiency",
        CaseDocumentKind.DeficiencyReminder => "deficiency-reminder",
        CaseDocumentKind.Commitment => "commitment",
        CaseDocumentKind.Decision => "decision",
    };

    public static string NameOf(CaseDocumentKind kind, Case c) => kind switch
    {
        CaseDocumentKind.Receipt => "收件回执",
        CaseDocumentKind.Acceptance => "受理通知书",
        CaseDocumentKind.Correction => "补正告知书",
        CaseDocumentKind.Refusal => "不予受理通知书",
        CaseDocumentKind.Deficiency => "容缺受理通知书",
        CaseDocumentKind.DeficiencyReminder => "容缺材料补齐再次告知书",
        CaseDocumentKind.Commitment => "告知承诺书",
        CaseDocumentKind.Decision => c.Decision?.Outcome == DecisionOutcome.Deny ? "不予行政许可决定书" : "准予行政许可决定书",
    };

    /// <summary>How a material reached the case, as the receipt and the intake page say it.</summary>
    public static string RouteName(CaseMaterial m, IStringLocalizer<SharedResource> t) => m.Route switch
    {
        MaterialRoute.Uploaded => t["上传电子材料（{0}）", m.File!.FileName],
        MaterialRoute.HeldLicence => t["电子证照（{0}）", m.LicenceId ?? ""],
        MaterialRoute.SharedData => t["共享数据（{0}）", m.ResourceReference ?? ""],
        MaterialRoute.Commitment => t["告知承诺"],
        MaterialRoute.Missing => t["未提交"],
    };

    private static CaseDocumentLink LinkOf(CaseDocumentKind kind, Case c) => new(kind, SlugOf(kind), NameOf(kind, c));
}
