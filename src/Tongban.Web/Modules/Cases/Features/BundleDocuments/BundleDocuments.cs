using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.CaseDocuments;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowBundleCase;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Documents;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Tongban.Platform.Web;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Cases.Features.BundleDocuments;

/// <summary>The notices of a 一件事: one set for the whole bundle, whatever each member's department sends.</summary>
public enum BundleDocumentKind
{
    /// <summary>一件事受理回执: the members, their cases (or that they are applied for later), the promised date.</summary>
    Receipt,

    /// <summary>一次性补正告知书: every member's correction items merged, while any is pending.</summary>
    Correction,

    /// <summary>一件事办结通知书: each member's result, once every member is finished.</summary>
    Completion,
}

/// <summary>A notice available for a bundle case: its kind, its name in the URL and its Chinese title.</summary>
public sealed record BundleDocumentLink(BundleDocumentKind Kind, string Slug, string Name)
{
    public string PathFor(string bundleCaseNumber) => BundleDocuments.PathOf(bundleCaseNumber, Kind);
}

/// <summary>Which notices a bundle case has produced so far.</summary>
public static class BundleDocuments
{
    /// <param name="memberCases">the member cases as they stand now (their statuses decide what is available).</param>
    public static IReadOnlyList<BundleDocumentLink> AvailableFor(BundleCase bundleCase, IReadOnlyList<Case> memberCases) =>
        [.. Enum.GetValues<BundleDocumentKind>().Where(k => IsAvailable(bundleCase, memberCases, k)).Select(k => new BundleDocumentLink(k, SlugOf(k), NameOf(k)))];

    /// <summary>GET /bundle-cases/{number}/documents/{slug}.pdf.</summary>
    public static string PathOf(string bundleCaseNumber, BundleDocumentKind kind) => $"/bundle-cases/{bundleCaseNumber}/documents/{SlugOf(kind)}.pdf";

    public static bool IsAvailable(BundleCase bundleCase, IReadOnlyList<Case> memberCases, BundleDocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        ArgumentNullException.ThrowIfNull(memberCases);
        return kind switch
        {
            BundleDocumentKind.Receipt => true,
            BundleDocumentKind.Correction => memberCases.Any(c => c.Status == CaseStatus.AwaitingCorrection && c.CorrectionNotice.Count > 0),
            BundleDocumentKind.Completion => bundleCase.Members.All(m => m.Finished),
        };
    }

    public static BundleDocumentKind? KindOf(string slug) =>
        Enum.GetValues<BundleDocumentKind>().Select(k => (BundleDocumentKind?)k).FirstOrDefault(k => SlugOf(k!.Value) == slug);

    public static string SlugOf(BundleDocumentKind kind) => kind switch
    {
        BundleDocumentKind.Receipt => "receipt",
        BundleDocumentKind.Correction => "correction",
        BundleDocumentKind.Completion => "completion",
    };

    public static string NameOf(BundleDocumentKind kind) => kind switch
    {
        BundleDocumentKind.Receipt => "一件事受理回执",
        BundleDocumentKind.Correction => "一次性补正告知书",
        BundleDocumentKind.Completion => "一件事办结通知书",
    };
}

/// <summary>
/// A bundle case's notice as PDF, in the layout of the case notices, written from the bundle case and its
/// member cases as they stand: for the applicant and the lead department's staff (404 for anyone else, and
/// for a notice the bundle has not produced). Audited.
/// </summary>
public sealed class ShowBundleDocumentHandler(
    CaseStore cases, CurrentUser user, CaseAccess access, AuditTrail audit, ICatalog catalog, IOrganisationDirectory organisation,
    PdfDocumentWriter writer, CityClock clock, IStringLocalizer<SharedResource> t)
{
    public async Task<Result<CaseDocumentFile>> HandleAsync(string number, string slug, CancellationToken cancellationToken)
    {
        var parsed = BundleCaseNumber.Parse(number ?? "");
        var bundleCase = parsed.IsSuccess ? await cases.BundleCases.AsNoTracking().FirstOrDefaultAsync(b => b.Number == parsed.Value, cancellationToken) : null;
        if (bundleCase is null || !Reaches(bundleCase))
        {
            return new NotFound("bundles.case-not-found", number ?? "");
        }

        if (BundleDocuments.KindOf(slug) is not { } kind)
        {
            return new NotFound("cases.document-not-available", slug ?? "");
        }

        var memberCases = await cases.Cases.AsNoTracking().Where(c => c.BundleCaseId == bundleCase.Id).ToListAsync(cancellationToken);
        BundleProgress.Observe(bundleCase, memberCases.Select(c => (c.Number!.Value.Value, c.Status)));
        var name = t[BundleDocuments.NameOf(kind)].Value;
        if (!BundleDocuments.IsAvailable(bundleCase, memberCases, kind))
        {
            return new NotFound("cases.document-not-available", name);
        }

        audit.Record("bundles.document", nameof(BundleCase), bundleCase.Number.Value, after: new { kind = BundleDocuments.SlugOf(kind) });
        await cases.SaveChangesAsync(cancellationToken);
        var published = await catalog.FindBundleAsync(bundleCase.BundleCode, cancellationToken);
        var lead = (await organisation.FindDepartmentAsync(bundleCase.LeadDepartmentId, cancellationToken))?.Name ?? "";
        var names = await ShowBundleCaseHandler.NamesAsync(catalog, bundleCase, cancellationToken);
        var composer = new Composer(bundleCase, memberCases, published?.Bundle.Name ?? bundleCase.BundleCode.Value, lead, names, clock, t);
        var pdf = writer.Write($"{name} {bundleCase.Number.Value}", layout => composer.Write(layout, kind, name));
        return new CaseDocumentFile($"{name}-{bundleCase.Number.Value}.pdf", pdf);
    }

    /// <summary>The applicant, or staff of the lead department (platform admins too).</summary>
    private bool Reaches(BundleCase bundleCase) =>
        access.IsApplicant(bundleCase.Applicant)
        || (user.IsStaff && (user.IsPlatformAdmin || user.Scope?.DepartmentId == bundleCase.LeadDepartmentId));

    /// <summary>Lays out one notice: the bundle case's particulars, then what the notice says.</summary>
    private sealed class Composer(
        BundleCase bundleCase, IReadOnlyList<Case> memberCases, string bundleName, string lead, IReadOnlyDictionary<string, string> names,
        CityClock clock, IStringLocalizer<SharedResource> t)
    {
        public void Write(PdfLayout layout, BundleDocumentKind kind, string name)
        {
            layout.Title(name).Caption($"{t["一件事编号"]}：{bundleCase.Number.Value}");
            layout.KeyValues([
                (t["一件事编号"], bundleCase.Number.Value),
                (t["一件事"], bundleName),
                (t["申请人"], bundleCase.Applicant.Name),
                (t["牵头部门"], lead),
            ]);
            switch (kind)
            {
                case BundleDocumentKind.Receipt:
                    Receipt(layout);
                    break;
                case BundleDocumentKind.Correction:
                    Correction(layout);
                    break;
                case BundleDocumentKind.Completion:
                    Completion(layout);
                    break;
            }
        }

        private void Receipt(PdfLayout layout)
        {
            layout.KeyValues([
                (t["提交时间"], Formats.Minute(bundleCase.SubmittedAt, clock)),
                (t["承诺办结时间"], t["{0} 前办结", Formats.Day(bundleCase.PromisedBy, clock)]),
            ]);
            layout.Paragraph(t["你（单位）的“一件事”申请已收到，以下事项一次申请、分别办理；需要前序事项结果的，在前序事项办结后自动申请，无需再次提交材料。"]);
            layout.Heading(t["包含的事项"]).Table(
                [new PdfColumn(t["序号"], 0.6), new PdfColumn(t["事项名称"], 3), new PdfColumn(t["办件编号"], 4)],
                bundleCase.Members.Select((m, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    names.GetValueOrDefault(m.Key, m.Key),
                    m.CaseNumber ?? (m.Blocked ? t["无法申请（前序事项未办成）"] : t["待前序办结后自动申请"])]));
            layout.Paragraph($"{lead}\n{Formats.Day(bundleCase.SubmittedAt, clock)}");
        }

        private void Correction(PdfLayout layout)
        {
            var corrections = ShowBundleCaseHandler.CorrectionsOf(memberCases);
            layout.Paragraph(t["你（单位）“一件事”申请中的下列材料不齐全或者不符合法定形式，现一次性告知需要补正的全部内容（同一材料只需补正一次）："]);
            layout.Table(
                [new PdfColumn(t["序号"], 0.6), new PdfColumn(t["材料名称"], 2.5), new PdfColumn(t["补正原因"], 3), new PdfColumn(t["涉及事项"], 2.5)],
                corrections.Select((c, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c.Material, c.Reason,
                    string.Join("、", c.CaseNumbers.Select(n => bundleCase.MemberWithCase(n) is { } m ? names.GetValueOrDefault(m.Key, m.Key) : n))]));
            layout.Heading(t["如何补正"]).Paragraph(t["请登录一网通办平台，在“我的一件事”中打开本件，一次性补正全部材料后提交，补正材料将同时用于上述各事项；也可携带材料到任一综合窗口办理。"]);
            var requested = memberCases.Where(c => c.Status == CaseStatus.AwaitingCorrection).Select(c => c.CorrectionRequestedAt).OfType<DateTimeOffset>().ToList();
            layout.Paragraph($"{lead}\n{Formats.Day(requested.Count > 0 ? requested.Max() : clock.UtcNow, clock)}");
        }

        private void Completion(PdfLayout layout)
        {
            layout.Paragraph(bundleCase.Status switch
            {
                BundleCaseStatus.Completed => t["你（单位）申请的“一件事”已全部办结，各事项办理结果如下："],
                BundleCaseStatus.PartlyCompleted => t["你（单位）申请的“一件事”已办结，其中部分事项未办成，各事项办理结果如下："],
                _ => t["你（单位）申请的“一件事”已办结，各事项均未办成，办理情况如下："],
            });
            layout.Table(
                [new PdfColumn(t["序号"], 0.6), new PdfColumn(t["事项名称"], 2.5), new PdfColumn(t["办件编号"], 3.5), new PdfColumn(t["办理结果"], 4)],
                bundleCase.Members.Select((m, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    names.GetValueOrDefault(m.Key, m.Key),
                    m.CaseNumber ?? "—",
                    ResultOf(m)]));
            var finished = memberCases.Select(c => c.CompletedAt ?? c.IssuedAt ?? c.DecidedAt ?? c.WithdrawnAt ?? c.IntakeDecidedAt).OfType<DateTimeOffset>().ToList();
            layout.Paragraph($"{lead}\n{Formats.Day(finished.Count > 0 ? finished.Max() : clock.UtcNow, clock)}");
        }

        /// <summary>What a member came to: its licence (or result document), or why it ended without one.</summary>
        private string ResultOf(BundleCaseMember member)
        {
            var c = memberCases.FirstOrDefault(x => x.Number?.Value == member.CaseNumber);
            if (c is null)
            {
                return t["未能申请：前序事项未办成"];
            }

            return c.Status switch
            {
                CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed => c.Issuance?.LicenceId is { } licence
                    ? t["已办成，电子证照：{0}", licence]
                    : c.Issuance?.DocumentId is { } document ? t["已办成，结果文书：{0}", document] : t["已办成"],
                CaseStatus.Denied => t["不予许可：{0}", c.Decision?.Reasons ?? ""],
                CaseStatus.Refused => t["不予受理：{0}", c.RefusalReason ?? ""],
                CaseStatus.Withdrawn => t["申请人撤回：{0}", c.WithdrawalReason ?? ""],
                CaseStatus.Revoked => t["已撤销：{0}", c.RevocationReason ?? ""],
                _ => CaseNames.Of(c.Status),
            };
        }
    }
}

/// <summary>GET /bundle-cases/{number}/documents/{kind}.pdf.</summary>
public static class ShowBundleDocumentEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/bundle-cases/{number}/documents/{kind}.pdf", HandleAsync)
            .RequireAuthorization()
            .WithTags("Cases")
            .WithName("ShowBundleDocument")
            .WithSummary("A 一件事's notice as PDF")
            .WithDescription("kind = receipt (一件事受理回执: the members, their case numbers or 待前序办结后自动申请, the promised date), correction (一次性补正告知书, while a member's "
                + "correction is pending: every item merged by material name), completion (一件事办结通知书, once every member is finished: each member's licence or why it ended). "
                + "The applicant and the lead department's staff, by cookie or bearer token; 404 for anyone else and for a notice not produced yet. Audited.")
            .Produces(StatusCodes.Status200OK, contentType: PdfDocumentWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(string number, string kind, ShowBundleDocumentHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(number, kind, cancellationToken)).TryGet(out var file, out var error)
            ? TypedResults.File(file.Content, PdfDocumentWriter.ContentType, file.FileName)
            : error.ToProblem();
}
