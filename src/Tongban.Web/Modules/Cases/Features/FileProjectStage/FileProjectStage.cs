using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.FileProjectStage;

/// <summary>A material of the stage's application: for every item that lists the key, or for one item when <see cref="Item"/> names it.</summary>
public sealed record ProjectMaterialInput(string Key, string Route, Guid? FileId = null, string? Reference = null, string? Item = null);

/// <summary>
/// One application for a whole stage: the answers and form values once (each item takes what it asks), the
/// one set of drawings (an uploaded file, referenced by every item that asks for drawings) and the materials.
/// </summary>
public sealed record ProjectStageRequest(
    IReadOnlyDictionary<string, string>? Answers,
    IReadOnlyDictionary<string, string>? FormValues,
    Guid? DrawingsFileId,
    IReadOnlyList<ProjectMaterialInput>? Materials);

public sealed record FiledProjectItem(string Key, string Name, string CaseNumber, string Status);

public sealed record FiledProjectStage(string ProjectNumber, string Stage, DateTimeOffset StartedAt, IReadOnlyList<FiledProjectItem> Items);

/// <summary>
/// 多审合一 / 并联审批: a stage is filed once and every item of it becomes its own case, in its department's
/// workflow, in one transaction, so either the stage started with all its cases or nothing changed. A stage
/// starts only after the previous one is complete. Under an idempotency key a retry answers the first filing.
/// </summary>
public sealed class FileProjectStageHandler(
    TongbanDbContext db, CaseStore cases, ProjectAccess projects, ApplicationAssembly assembly, SubmitApplicationHandler submission, ICatalog catalog,
    IOptions<ProjectTemplateOptions> template, CurrentUser user, AuditTrail audit, CityClock clock)
{
    public Task<Result<FiledProjectStage>> HandleAsync(string number, string stage, ProjectStageRequest request, CaseChannel channel, string idempotencyKey, CancellationToken cancellationToken) =>
        FileAsync(number, stage, request, new Filing(channel), "project:" + idempotencyKey, Hash(CaseJson.Write(new { number, stage, request })), cancellationToken);

    /// <summary>A page's form: its one-time token is the key; 免填写 fields come from the directory.</summary>
    public Task<Result<FiledProjectStage>> HandleFormAsync(string number, string stage, ProjectStageRequest request, string formToken, CancellationToken cancellationToken) =>
        FileAsync(number, stage, request, new Filing(CaseChannel.Web, Prefill: true), "project-form:" + formToken, Hash("project-form:" + formToken), cancellationToken);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<Result<FiledProjectStage>> FileAsync(
        string number, string stageName, ProjectStageRequest request, Filing filing, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = user.AccountId ?? throw new InvalidOperationException("Filing needs a signed-in account.");
        if (await SubmitApplicationHandler.ReplayAsync<FiledProjectStage>(db, account, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        if (!(await projects.FindOwnAsync(number, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        if (!ProjectAccess.ParseStage(stageName).TryGet(out var stage, out var unknown))
        {
            return unknown;
        }

        var project = found.Project;
        if (project.MayStart(stage) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        var items = template.Value.StagesOrDefault().TryGetValue(stage, out var configured) ? configured : [];
        if (request.DrawingsFileId is null && items.Any(i => i.DrawingsMaterial is not null))
        {
            return new Invalid("projects.drawings-required") { Field = "drawingsFileId" };
        }

        try
        {
            await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
            var filed = new List<FiledProjectItem>();
            foreach (var item in project.Stage(stage).Items)
            {
                var published = ImplementationCode.Parse(item.ImplementationCode).TryGet(out var code, out _) ? await catalog.FindPublishedAsync(code, null, cancellationToken) : null;
                if (published is null)
                {
                    return new Conflict("projects.item-not-published", item.Key, item.ImplementationCode);
                }

                var drawings = items.FirstOrDefault(i => i.Key == item.Key)?.DrawingsMaterial;
                if (!RequestFor(published, item.Key, drawings, request).TryGet(out var application, out var listError)
                    || !(await assembly.AssembleAsync(application, filing, complete: true, cancellationToken)).TryGet(out var assembled, out listError)
                    || !(await submission.FileAsync(assembled, filing, account, cancellationToken)).TryGet(out var submitted, out listError))
                {
                    return listError;
                }

                filed.Add(new FiledProjectItem(item.Key, published.Content.Name, submitted.CaseNumber, submitted.Status));
            }

            var now = clock.UtcNow;
            if (project.StartStage(stage, filed.ToDictionary(f => f.Key, f => f.CaseNumber, StringComparer.Ordinal), now) is { IsSuccess: false } notStarted)
            {
                return notStarted.Error!;
            }

            var response = new FiledProjectStage(project.Number.Value, ProjectAccess.Wire(stage), now, filed);
            db.Add(new SubmissionKey
            {
                AccountId = account,
                Key = idempotencyKey,
                RequestHash = requestHash,
                CaseNumber = project.Number.Value,
                Response = CaseJson.Write(response),
                CreatedAt = now,
            });
            audit.Record("projects.file-stage", nameof(ConstructionProject), project.Number.Value, after: new
            {
                stage = response.Stage,
                drawings = request.DrawingsFileId,
                items = filed.Select(f => new { f.Key, f.CaseNumber }),
            });
            await cases.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException)
        {
            // The same key won a race in another request: answer what it stored.
            db.ChangeTracker.Clear();
            return await SubmitApplicationHandler.ReplayAsync<FiledProjectStage>(db, account, idempotencyKey, requestHash, cancellationToken)
                ?? new Conflict("projects.changed-meanwhile");
        }
    }

    /// <summary>
    /// One item's own application out of the stage's: the answers and form values it asks, the materials on
    /// its list (given for every item, or for this one), and the stage's drawings for its drawings material.
    /// </summary>
    public static Result<ApplicationRequest> RequestFor(PublishedImplementation item, string itemKey, string? drawingsMaterial, ProjectStageRequest request)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(request);
        var content = item.Content;
        var answers = (request.Answers ?? new Dictionary<string, string>()).Where(a => content.Situations.Any(s => s.Key == a.Key))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var values = (request.FormValues ?? new Dictionary<string, string>()).Where(v => content.Form.Any(f => f.Key == v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        if (!MaterialList.For(content, answers).TryGet(out var list, out var listError))
        {
            return listError;
        }

        var listed = list.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var materials = (request.Materials ?? [])
            .Where(m => (m.Item is null || m.Item == itemKey) && listed.Contains(m.Key ?? "") && m.Key != drawingsMaterial)
            .Select(m => new MaterialInput(m.Key, m.Route, m.FileId, m.Reference))
            .ToList();
        if (drawingsMaterial is not null && listed.Contains(drawingsMaterial) && request.DrawingsFileId is { } drawings)
        {
            materials.Add(new MaterialInput(drawingsMaterial, "upload", drawings));
        }

        return new ApplicationRequest(item.Code.Value, answers, values, materials);
    }
}
