using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Licences;
using Tongban.Platform;
using Tongban.Platform.Documents;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Web;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Cases.Features.CaseDocuments;

public sealed record CaseDocumentFile(string FileName, byte[] Content);

/// <summary>
/// A case's notice as PDF (收件回执, 受理通知书, 补正告知书, 不予受理通知书, 容缺受理通知书 and its
/// second notice, 告知承诺书, 许可决定书), written from the case as it stands: for the applicant (own)
/// and staff in reach, only once the case reached the state that produces it (404 before). Audited.
/// </summary>
public sealed class ShowCaseDocumentHandler(CaseAccess access, ICatalog catalog, ILicences licences, PdfDocumentWriter writer, CityClock clock, IStringLocalizer<SharedResource> t)
{
    public async Task<Result<CaseDocumentFile>> HandleAsync(string caseNumber, string kindSlug, CancellationToken cancellationToken)
    {
        if (CaseDocuments.KindOf(kindSlug) is not { } kind)
        {
            return new NotFound("cases.document-not-available", kindSlug);
        }

        if (!(await access.FindInAnyReachAsync(caseNumber, cancellationToken, "cases.document", new { kind = CaseDocuments.SlugOf(kind) })).TryGet(out var found, out var error))
        {
            return error;
        }

        var c = found.Case;
        if (!CaseDocuments.IsAvailable(c, kind))
        {
            return new NotFound("cases.document-not-available", CaseDocuments.NameOf(kind, c));
        }

        var item = (await catalog.FindPublishedAsync(c.ImplementationCode, c.ImplementationVersion, cancellationToken))?.Content;
        var name = t[CaseDocuments.NameOf(kind, c)].Value;
        var pdf = writer.Write($"{name} {c.Number!.Value.Value}", layout => new Composer(layout, c, item?.Name ?? c.ImplementationCode.Value, item?.ImplementingBody ?? "", access, licences, clock, t).Write(kind, name));
        return new CaseDocumentFile($"{name}-{c.Number!.Value.Value}.pdf", pdf);
    }

    /// <summary>Lays out one notice: the case's particulars, then what the notice says.</summary>
    private sealed class Composer(PdfLayout layout, Case c, string itemName, string body, CaseAccess access, ILicences licences, CityClock clock, IStringLocalizer<SharedResource> t)
    {
        private const string Remedies = "如不服本决定，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。";

        public void Write(CaseDocumentKind kind, string name)
        {
            layout.Title(name).Caption($"{t["办件编号"]}：{c.Number!.Value.Value}");
            layout.KeyValues([
                (t["办件编号"], c.Number!.Value.Value),
                (t["申请人"], c.Applicant.Name),
                (t["申请事项"], itemName),
                (t["实施机关"], body),
            ]);
            switch (kind)
            {
                case CaseDocumentKind.Receipt:
                    Receipt();
                    break;
                case CaseDocumentKind.Acceptance:
                    Acceptance();
                    break;
                case CaseDocumentKind.Correction:
                    Correction();
                    break;
                case CaseDocumentKind.Refusal:
                    layout.Heading(t["不予受理的理由"]).Paragraph(c.RefusalReason ?? "")
                        .Heading(t["救济途径"]).Paragraph(t[Remedies]);
                    Dated(c.IntakeDecidedAt);
                    break;
                case CaseDocumentKind.Deficiency:
                    Deficiency();
                    break;
                case CaseDocumentKind.DeficiencyReminder:
                    Reminder();
                    break;
                case CaseDocumentKind.Commitment:
                    layout.Heading(t["承诺内容"]).Paragraph(c.Commitment ?? "");
                    Materials(t["以承诺代替的材料"], c.Materials.Where(m => m.Route == MaterialRoute.Commitment));
                    layout.Paragraph(t["申请人已知悉：承诺不实的，行政机关将依法撤销行政许可，并记入信用记录。"]);
                    Dated(c.AcceptedAt);
                    break;
                case CaseDocumentKind.Decision:
                    Decision();
                    break;
            }
        }

        private void Receipt()
        {
            layout.KeyValues([
                (t["收件时间"], Formats.Minute(c.ReceivedAt!.Value, clock)),
                (t["受理期限"], t["{0} 前作出受理决定（5 个工作日）", Formats.Day(c.IntakeDeadline(access.Calendar, access.Zone)!.Value, clock)]),
            ]);
            layout.Heading(t["已收材料"]).Table(
                [new PdfColumn(t["材料名称"], 3), new PdfColumn(t["提交方式"], 2), new PdfColumn(t["收到时间"], 2)],
                c.Materials.Select(m => (IReadOnlyList<string>)[m.Name, CaseDocuments.RouteName(m, t), m.ProvidedAt is { } at ? Formats.Minute(at, clock) : "—"]));
            layout.Paragraph(t["逾期未作出受理决定的，自收到申请材料之日起即为受理。"]);
        }

        private void Acceptance()
        {
            layout.Paragraph(c.AcceptedAs switch
            {
                AcceptanceKind.WithDeficiency => t["你（单位）提出的申请，主要材料齐全，本机关决定容缺受理；尚欠材料见容缺受理通知书。"],
                AcceptanceKind.UnderCommitment => t["你（单位）已作出书面承诺，本机关按告知承诺制决定予以受理。"],
                _ => t["你（单位）提出的申请，材料齐全、符合法定形式，本机关决定予以受理。"],
            });
            var rows = new List<(string, string)> { (t["受理时间"], Formats.Minute(c.AcceptedAt!.Value, clock)) };
            if (c.DeemedAccepted)
            {
                rows.Add((t["视为受理"], t["逾期未作受理决定，自收到申请之日（{0}）起视为受理", Formats.Day(c.ReceivedAt!.Value, clock)]));
            }

            if (c.Deadlines(access.Now, access.Calendar, access.Zone).TryGet(out var deadlines, out _))
            {
                rows.Add((t["承诺办结时限"], t["{0}，{1} 前办结", LimitTexts.Of(c.PromisedLimit, t), Due(deadlines.Promised, c.PromisedLimit)]));
                rows.Add((t["法定办结时限"], t["{0}，{1} 前办结", LimitTexts.Of(c.StatutoryLimit, t), Due(deadlines.Statutory, c.StatutoryLimit)]));
            }

            layout.KeyValues(rows).Paragraph(t["听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审、现场勘察等特别程序所需时间不计入办结时限。"]);
            Dated(c.AcceptedAt);
        }

        private void Correction()
        {
            layout.Paragraph(t["你（单位）提交的申请材料不齐全或者不符合法定形式，现一次性告知需要补正的全部内容："]);
            layout.Table(
                [new PdfColumn(t["序号"], 0.6), new PdfColumn(t["材料名称"], 2.5), new PdfColumn(t["补正原因"], 4)],
                c.CorrectionNotice.Select((item, index) => (IReadOnlyList<string>)[
                    (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    c.Materials.FirstOrDefault(m => m.Key == item.MaterialKey)?.Name ?? item.MaterialKey, item.Reason]));
            layout.Heading(t["如何补正"]).Paragraph(t["请登录一网通办平台，在“我的办件”中打开本办件，按本告知书一次性补正全部材料后重新提交；也可携带材料到任一综合窗口办理。补正材料收到之日起重新计算受理期限。"]);
            Dated(c.CorrectionRequestedAt);
        }

        private void Deficiency()
        {
            var d = c.Deficiency!;
            layout.Paragraph(t["你（单位）的申请主要材料齐全，本机关决定容缺受理，并先行办理。请按期补齐下列材料："]);
            Materials(t["容缺材料"], c.Materials.Where(m => m.Required && (m.IsMissing || m.ProvidedAt > c.AcceptedAt)));
            layout.KeyValues([(t["补齐期限"], t["{0} 前", Formats.Day(d.Deadline, clock)])]);
            layout.Heading(t["申请人承诺"]).Paragraph(d.Commitment);
            layout.Paragraph(t["逾期未补齐的，本机关将再次告知；再次告知后仍未在规定期限内补齐的，不予办理，申请材料退回。"]);
            Dated(c.AcceptedAt);
        }

        private void Reminder()
        {
            var d = c.Deficiency!;
            layout.Paragraph(t["你（单位）承诺于 {0} 前补齐的容缺材料至今未补齐，现再次告知。", Formats.Day(d.Deadline, clock)]);
            Materials(t["尚未补齐的材料"], c.OwedMaterials.Count > 0 ? c.OwedMaterials : c.Materials.Where(m => m.ProvidedAt > d.NotifiedAgainAt));
            layout.KeyValues([(t["最后补齐期限"], t["{0} 前", Formats.Day(d.GraceDeadline!.Value, clock)])]);
            layout.Paragraph(t["请在最后补齐期限前登录一网通办平台或到综合窗口补齐；逾期仍未补齐的，不予办理，申请材料退回。补齐期间办理时限暂停计算。"]);
            Dated(d.NotifiedAgainAt);
        }

        private void Decision()
        {
            var decision = c.Decision!;
            if (decision.Outcome == DecisionOutcome.Approve)
            {
                layout.Paragraph(t["经审查，你（单位）的申请符合法定条件、标准，本机关决定准予行政许可。"]);
                if (decision.Comment is { } comment)
                {
                    layout.Paragraph(comment);
                }
            }
            else
            {
                layout.Paragraph(t["经审查，你（单位）的申请不符合法定条件、标准，本机关决定不予行政许可。"])
                    .Heading(t["不予许可的理由"]).Paragraph(decision.Reasons ?? "")
                    .Heading(t["法律依据"]).Paragraph(decision.LegalBasis ?? "")
                    .Heading(t["救济途径"]).Paragraph(t[Remedies]);
            }

            if (c.DecisionSignature is { } signature)
            {
                layout.Sealed(body, Formats.Day(c.DecidedAt!.Value, clock), QrMatrix.For(licences.QrTextOf(signature)),
                    t["扫码核验：本决定书由{0}电子印章签章，任何人可扫描二维码或在本平台“证照核验”中核验真伪。", body]);
            }
            else
            {
                Dated(c.DecidedAt);
            }
        }

        private void Materials(string heading, IEnumerable<CaseMaterial> materials) =>
            layout.Heading(heading).Paragraph(string.Join("\n", materials.Select((m, i) => $"{i + 1}. {m.Name}")) is { Length: > 0 } list ? list : t["无"]);

        private void Dated(DateTimeOffset? at)
        {
            if (at is { } instant)
            {
                layout.Paragraph($"{body}\n{Formats.Day(instant, clock)}");
            }
        }

        private string Due(DateTimeOffset deadline, CaseTimeLimit? limit) =>
            LimitTexts.Deadline(deadline, limit?.Unit ?? Domain.Primitives.Calendar.TimeLimitUnit.WorkingDays, clock);
    }
}

/// <summary>GET /cases/{caseNumber}/documents/{kind}.pdf.</summary>
public static class ShowCaseDocumentEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/cases/{caseNumber}/documents/{kind}.pdf", HandleAsync)
            .RequireAuthorization()
            .WithTags("Cases")
            .WithName("ShowCaseDocument")
            .WithSummary("A case's notice as PDF")
            .WithDescription("kind = receipt (收件回执), acceptance (受理通知书), correction (补正告知书), refusal (不予受理通知书), deficiency (容缺受理通知书), "
                + "deficiency-reminder (容缺再次告知书), commitment (告知承诺书), decision (准予/不予行政许可决定书). The applicant (own cases) and staff in reach, by cookie or bearer token; "
                + "each kind only once the case reached the state that produces it, otherwise 404, as for a case out of reach. Audited.")
            .Produces(StatusCodes.Status200OK, contentType: PdfDocumentWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(string caseNumber, string kind, ShowCaseDocumentHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, kind, cancellationToken)).TryGet(out var file, out var error)
            ? TypedResults.File(file.Content, PdfDocumentWriter.ContentType, file.FileName)
            : error.ToProblem();
}
