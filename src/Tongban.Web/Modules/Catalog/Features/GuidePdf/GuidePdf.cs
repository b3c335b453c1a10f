using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ShowGuide;
using Tongban.Platform;
using Tongban.Platform.Documents;
using Tongban.Platform.Http;
using Tongban.Platform.Web;
using NotFound = Microsoft.AspNetCore.Http.HttpResults.NotFound;

namespace Tongban.Modules.Catalog.Features.GuidePdf;

public sealed record GuidePdfFile(string FileName, byte[] Content);

/// <summary>
/// 办事指南 PDF: the guide page (<see cref="ShowGuideHandler"/>, the current published version) as a
/// document to print or keep, section by section in the page's words. Public like the page; the
/// situation questionnaire becomes the list of which answers add or remove which materials.
/// </summary>
public sealed class GuidePdfHandler(ShowGuideHandler guides, PdfDocumentWriter writer, CityClock clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>Characters no file system on the reader's side accepts in a name.</summary>
    private static readonly char[] NotInFileNames = ['\\', '/', ':', '*', '?', '"', '<', '>', '|'];

    public async Task<Result<GuidePdfFile>> HandleAsync(string implementationCode, CancellationToken cancellationToken)
    {
        if (!(await guides.HandleAsync(implementationCode, cancellationToken)).TryGet(out var guide, out var error))
        {
            return error;
        }

        var pdf = writer.Write(t["办事指南：{0}", guide.Content.Name], layout => Compose(layout, guide));
        return new GuidePdfFile(string.Concat(t["办事指南-{0}.pdf", guide.Content.Name].Value.Split(NotInFileNames)), pdf);
    }

    private void Compose(PdfLayout layout, Guide guide)
    {
        var c = guide.Content;
        var section = new Sections(layout);
        layout.Title(c.Name)
            .Caption($"{t["办事指南"]} · {t["实施编码"]}：{guide.ImplementationCode.Value} · {t["第 {0} 版", guide.Version]} · {t["{0} 发布", Formats.Day(guide.PublishedAt, clock)]}")
            .Caption(string.Join(" · ", Badges(c)));

        section.Next(t["基本信息"]).KeyValues([
            (t["事项名称"], c.Name),
            (t["事项类型"], CatalogNames.Of(guide.ItemType, t)),
            (t["基本编码"], guide.Code.Value),
            (t["实施编码"], guide.ImplementationCode.Value),
            (t["实施主体"], $"{c.ImplementingBody}（{c.ImplementingBodyNature}）"),
            (t["实施部门"], guide.Department),
            (t["行使层级"], CatalogNames.Of(guide.ImplementationCode.ExerciseLevel, t)),
            (t["所在区划"], guide.RegionName),
            (t["设定依据"], guide.LegalBasis),
            (t["服务对象"], CatalogNames.Of(c.Audience, t)),
            (t["办件类型"], CatalogNames.Of(c.HandlingKind, t)),
            (t["通办范围"], CatalogNames.Of(c.ServiceScope, t)),
            (t["是否进驻政务服务大厅"], c.InServiceHall ? t["是"] : t["否"]),
            (t["联办机构"], c.JointAgencies.Count == 0 ? t["无"] : string.Join("、", c.JointAgencies)),
            .. c.Variants.Count == 0 ? [] : new[] { (t["业务办理项"].Value, string.Join("\n", c.Variants.Select(v => $"{v.Name}（{guide.ImplementationCode.Value}{v.Suffix}）"))) },
        ]);

        section.Next(t["受理条件"]).Paragraph(c.AcceptanceConditions);
        if (c.CommitmentAllowed)
        {
            layout.Paragraph(t["本事项实行告知承诺制：对标明“可告知承诺”的材料，您签署书面承诺后即可不再提交。"]);
        }

        section.Next(t["办理时限"]).KeyValues([
            (t["法定办结时限"], Limit(c.StatutoryLimit)),
            (t["承诺办结时限"], c.HandlingKind == HandlingKind.Instant ? t["即办（当场办结）"] : Limit(c.PromisedLimit)),
            .. guide.Compression > 0 ? new[] { (t["提速"].Value, t["比法定时限缩短 {0}", Formats.Percent(guide.Compression)].Value) } : [],
        ]);

        section.Next(t["特别程序"]);
        if (c.SpecialProcedures.Count == 0)
        {
            layout.Paragraph(t["无。"]);
        }
        else
        {
            layout.Paragraph(string.Join("、", c.SpecialProcedures.Select(p => CatalogNames.Of(p, t))))
                .Paragraph(t["特别程序所需时间不计入办结时限。"]);
        }

        section.Next(t["办理流程"]).Paragraph(string.Join("\n", c.Process.Select((step, index) =>
            $"{Number(index)}. {step.Name}{(step.ParallelGroup is null ? "" : t["（并联办理）"])}{(string.IsNullOrWhiteSpace(step.Description) ? "" : "：" + step.Description)}")));

        Materials(section.Next(t["申请材料"]), c);

        section.Next(t["收费"]);
        if (!c.Charged)
        {
            layout.Paragraph(t["本事项不收费。"]);
        }
        else
        {
            layout.Table(
                [new PdfColumn(t["收费项目"], 2), new PdfColumn(t["收费标准"], 2), new PdfColumn(t["收费依据"], 3)],
                c.Fees.Select(f => (IReadOnlyList<string>)[f.Name, f.Standard, f.Basis]));
            if (c.OnlinePayment)
            {
                layout.Paragraph(t["支持网上缴费。"]);
            }
        }

        section.Next(t["办理地点和时间"]).KeyValues([
            (t["办理地点"], c.Location),
            (t["办理时间"], c.OfficeHours),
            (t["到办事现场次数"], CatalogNames.Of(c.Visits, t)),
            (t["预约办理"], c.Appointment ? t["支持预约"] : t["无需预约"]),
        ]);

        section.Next(t["咨询与投诉"]).KeyValues([
            (t["咨询方式"], c.Consultation),
            (t["监督投诉方式"], c.Complaint),
        ]);

        section.Next(t["网上办理"]).KeyValues([
            (t["网上办理深度"], CatalogNames.Of(c.OnlineDepth, t)),
            (t["能否全程网办"], c.OnlineDepth == OnlineDepth.FullyOnline ? t["能，可全程网上办理，无需到现场"] : t["否"]),
            (t["网上支付"], c.OnlinePayment ? t["支持"] : t["不支持"]),
            (t["物流快递"], c.ExpressDelivery ? t["办理结果可寄递送达"] : t["不提供，请到现场领取"]),
        ]);

        section.Next(t["办理结果"]).KeyValues([
            (t["审批结果类型"], c.ResultType),
            (t["审批结果名称"], c.ResultName),
            (t["审批结果样本"], string.IsNullOrWhiteSpace(c.ResultSample) ? t["无"] : c.ResultSample),
            (t["电子证照"], c.LicenceTypeCode is { Length: > 0 } licence ? t["同步发放电子证照（证照类型 {0}）", licence] : t["无"]),
        ]);
    }

    private IEnumerable<string> Badges(ImplementationContent c)
    {
        if (c.OnlineDepth == OnlineDepth.FullyOnline)
        {
            yield return t["全程网办"];
        }

        yield return CatalogNames.Of(c.ServiceScope, t);
        yield return $"{t["跑动次数"]}：{CatalogNames.Of(c.Visits, t)}";
        if (c.CommitmentAllowed)
        {
            yield return t["告知承诺制"];
        }
    }

    /// <summary>The materials as the printed guide page lists them: the base list, then what particular situations add.</summary>
    private void Materials(PdfLayout layout, ImplementationContent c)
    {
        if (c.Materials.Count == 0)
        {
            layout.Paragraph(t["本事项无需提交申请材料（零材料）。"]);
            return;
        }

        var conditional = c.Materials.Where(m => m.Conditional).ToList();
        if (c.Situations.Count > 0)
        {
            layout.Subheading(t["基本材料"]).Paragraph(t["以下材料每位申请人都需要准备；部分情形还需补充的材料列在其后。"]);
        }

        MaterialTable(layout, [.. c.Materials.Where(m => !m.Conditional)]);
        if (conditional.Count == 0)
        {
            return;
        }

        string Names(IEnumerable<string> keys) => string.Join("、", keys.Select(k => c.Materials.FirstOrDefault(m => m.Key == k)?.Name ?? k));
        layout.Subheading(t["特定情形下需要的材料"]);
        MaterialTable(layout, conditional);
        layout.Paragraph(string.Join("\n", c.Situations.SelectMany(situation => situation.Answers
            .Where(a => a.Adds.Count > 0 || a.Removes.Count > 0)
            .Select(answer => $"{situation.Question} —— {answer.Text}：" + string.Join(" ",
                answer.Adds.Count > 0 ? t["需提交 {0}", Names(answer.Adds)].Value : "",
                answer.Removes.Count > 0 ? t["无需提交 {0}", Names(answer.Removes)].Value : "").Trim()))));
    }

    private void MaterialTable(PdfLayout layout, IReadOnlyList<MaterialRequirement> materials) => layout.Table(
        [
            new PdfColumn(t["序号"], 0.6), new PdfColumn(t["材料名称"], 2.3), new PdfColumn(t["必要性"], 0.8),
            new PdfColumn(t["形式和份数"], 1.2), new PdfColumn(t["来源渠道"], 1.4), new PdfColumn(t["免提交和容缺"], 2.4),
        ],
        materials.Select((m, index) => (IReadOnlyList<string>)
        [
            Number(index), MaterialName(m), CatalogNames.Of(m.Necessity, t), t["{0} {1} 份", CatalogNames.Of(m.Form, t), m.Copies],
            CatalogNames.Of(m.Source, t), ExemptionsAndDeficiency(m),
        ]));

    private string MaterialName(MaterialRequirement m) => string.Join("\n", new[]
    {
        m.Name,
        string.IsNullOrWhiteSpace(m.AcceptanceCriteria) ? null : t["受理标准：{0}", m.AcceptanceCriteria].Value,
        string.IsNullOrWhiteSpace(m.BlankForm) ? null : t["空白表格：{0}", m.BlankForm].Value,
        string.IsNullOrWhiteSpace(m.Sample) ? null : t["填写样例：{0}", m.Sample].Value,
    }.OfType<string>());

    private string ExemptionsAndDeficiency(MaterialRequirement m) =>
        CatalogNames.ExemptionsAndDeficiencyOf(m, t) is { Count: > 0 } lines ? string.Join("\n", lines) : t["需提交"];

    private string Limit(TimeLimit limit) =>
        string.IsNullOrWhiteSpace(limit.Explanation) ? CatalogNames.Of(limit, t) : $"{CatalogNames.Of(limit, t)}（{limit.Explanation}）";

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Headings numbered 一、二、三 … as a printed Chinese guide reads.</summary>
    private sealed class Sections(PdfLayout layout)
    {
        private const string Numerals = "一二三四五六七八九十";
        private int _count;

        public PdfLayout Next(string title)
        {
            _count++;
            var number = _count <= Numerals.Length ? Numerals[_count - 1].ToString() : _count.ToString(CultureInfo.InvariantCulture);
            return layout.Heading($"{number}、{title}");
        }
    }
}

/// <summary>GET /items/{implementationCode}/guide.pdf: anonymous, like the guide page.</summary>
public static class GuidePdfEndpoint
{
    public static IEndpointRouteBuilder MapGuidePdf(this IEndpointRouteBuilder app)
    {
        app.MapGet("/items/{implementationCode}/guide.pdf", HandleAsync)
            .AllowAnonymous()
            .WithTags("Catalog")
            .WithName("GetItemGuidePdf")
            .WithSummary("Download an item guide (办事指南) as PDF")
            .WithDescription("The current published version of the implementation with every guide element, as application/pdf (attachment named 办事指南-<name>.pdf). "
                + "404 for an unknown or unpublished implementation code: ProblemDetails when the caller accepts JSON, the Chinese not-found page otherwise.")
            .Produces(StatusCodes.Status200OK, contentType: PdfDocumentWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, NotFound>> HandleAsync(
        string implementationCode, HttpRequest request, GuidePdfHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(implementationCode, cancellationToken);
        if (result.IsSuccess)
        {
            return TypedResults.File(result.Value.Content, PdfDocumentWriter.ContentType, result.Value.FileName);
        }

        // A browser gets the site's Chinese not-found page (status code pages); an API client its ProblemDetails.
        return WantsJson(request) ? result.Error.ToProblem() : TypedResults.NotFound();
    }

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.HasValue
            && (a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || a.MediaType.Value.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
}
