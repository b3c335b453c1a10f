using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.OpenProject;

/// <param name="Code">项目代码 (the investment project code).</param>
public sealed record OpenProjectRequest(string? Code, string? Name);

/// <summary>
/// An enterprise agent opens a 工程建设项目 for the enterprise: it gets its 审批编号 (GCXM…) and the items of
/// each stage (<see cref="ProjectTemplateOptions"/>), each with its implementation and department; a stage
/// whose items span several departments plans a 联合踏勘 of them, 竣工验收 a 联合验收 of every department.
/// </summary>
public sealed class OpenProjectHandler(
    TongbanDbContext db, CaseStore cases, ApplicationAssembly assembly, ICatalog catalog, IOptions<ProjectTemplateOptions> template,
    CurrentUser user, AuditTrail audit, CityClock clock, ShowProjectHandler show)
{
    public async Task<Result<ProjectView>> HandleAsync(OpenProjectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (user.LegalPerson is null || !(await assembly.ApplicantAsync(cancellationToken)).TryGet(out var applicant, out _))
        {
            return new Forbidden("projects.enterprise-only");
        }

        await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
        if (!(await cases.NextProjectNumberAsync(clock.Today, cancellationToken)).TryGet(out var number, out var numberError))
        {
            return numberError;
        }

        if (!ConstructionProject.Open(number, request.Code ?? "", request.Name ?? "", applicant, clock.UtcNow).TryGet(out var project, out var invalid))
        {
            return invalid;
        }

        foreach (var (stage, items) in template.Value.StagesOrDefault().OrderBy(s => s.Key))
        {
            foreach (var item in items)
            {
                var published = ImplementationCode.Parse(item.Implementation).TryGet(out var code, out _) ? await catalog.FindPublishedAsync(code, null, cancellationToken) : null;
                if (published is null)
                {
                    return new Conflict("projects.item-not-published", item.Key, item.Implementation);
                }

                if (project.AddItem(stage, item.Key, item.Implementation, published.DepartmentId) is { IsSuccess: false } refused)
                {
                    return refused.Error!;
                }
            }
        }

        var all = project.Stages.SelectMany(s => s.Items).Select(i => i.DepartmentId).Distinct().ToList();
        foreach (var plan in project.Stages)
        {
            var departments = plan.Stage == ProjectStage.CompletionAcceptance ? all : [.. plan.Items.Select(i => i.DepartmentId).Distinct()];
            if ((plan.Stage == ProjectStage.CompletionAcceptance || departments.Count > 1) && departments.Count > 0)
            {
                project.PlanInspection(plan.Stage, departments);
            }
        }

        db.Add(project);
        audit.Record("projects.open", nameof(ConstructionProject), number.Value, after: new { project.Code, project.Name, applicant = applicant.Identifier });
        await cases.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await show.ViewAsync(project, new Dictionary<string, Case>(), cancellationToken);
    }
}
