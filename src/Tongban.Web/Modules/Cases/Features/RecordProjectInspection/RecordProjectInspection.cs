using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.RecordProjectInspection;

/// <summary><c>schedule</c> (with <see cref="At"/>, when it takes place) or <c>record</c> (it took place, now).</summary>
public sealed record ProjectInspectionRequest(string? Stage, string? Action, DateTimeOffset? At);

/// <summary>
/// 联合踏勘 / 联合验收: the stage's shared on-site step, scheduled and recorded once for every department
/// taking part, by staff who handle one of the stage's cases. Recording it may complete the stage.
/// </summary>
public sealed class RecordProjectInspectionHandler(TongbanDbContext db, ProjectAccess projects, ShowProjectHandler show, AuditTrail audit, CityClock clock)
{
    public async Task<Result<ProjectView>> HandleAsync(string number, ProjectInspectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProjectAccess.ParseStage(request.Stage).TryGet(out var stage, out var unknown))
        {
            return unknown;
        }

        if (!(await projects.FindAsStaffAsync(number, stage, cancellationToken, "projects.view-for-inspection")).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        var project = found.Project;
        var result = request.Action switch
        {
            "schedule" when request.At is { } at => project.ScheduleInspection(stage, at),
            "schedule" => new Invalid("projects.inspection-time-required") { Field = "at" },
            "record" => project.CompleteInspection(stage, clock.UtcNow),
            _ => new Invalid("projects.inspection-action-unknown", request.Action ?? "") { Field = "action" },
        };
        if (result.Error is { } error)
        {
            return error;
        }

        audit.Record("projects.inspection-" + request.Action, nameof(ConstructionProject), project.Number.Value, after: new { stage = ProjectAccess.Wire(stage), request.At });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("projects.changed-meanwhile");
        }

        return await show.ViewAsync(project, found.Cases, cancellationToken);
    }
}
