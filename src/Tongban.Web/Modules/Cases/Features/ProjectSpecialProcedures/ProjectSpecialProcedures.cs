using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.ProjectSpecialProcedures;

/// <summary>A 特别程序 of a running stage: <see cref="Procedure"/> (expertReview, siteSurvey, testing …) to start, none to end the running one.</summary>
public sealed record ProjectSpecialProcedureRequest(string? Stage, string? Procedure, string? Note);

/// <summary>
/// 特别程序 (专家评审, 现场勘察, 检测 …) of a project stage: started and ended by staff who handle one of the
/// stage's cases; the working days they touch are off the project clock.
/// </summary>
public sealed class ProjectSpecialProceduresHandler(TongbanDbContext db, ProjectAccess projects, ShowProjectHandler show, AuditTrail audit, CityClock clock)
{
    public Task<Result<ProjectView>> StartAsync(string number, ProjectSpecialProcedureRequest request, CancellationToken cancellationToken) =>
        ActAsync(number, request, true, cancellationToken);

    public Task<Result<ProjectView>> EndAsync(string number, ProjectSpecialProcedureRequest request, CancellationToken cancellationToken) =>
        ActAsync(number, request, false, cancellationToken);

    private async Task<Result<ProjectView>> ActAsync(string number, ProjectSpecialProcedureRequest request, bool start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProjectAccess.ParseStage(request.Stage).TryGet(out var stage, out var unknown))
        {
            return unknown;
        }

        SpecialProcedure procedure = default;
        if (start && !Enum.GetValues<SpecialProcedure>().Any(p => string.Equals(ProjectAccess.Wire(procedure = p), request.Procedure?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return new Invalid("projects.procedure-unknown", request.Procedure ?? "") { Field = "procedure" };
        }

        if (!(await projects.FindAsStaffAsync(number, stage, cancellationToken, "projects.view-for-special-procedure")).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        var project = found.Project;
        var now = clock.UtcNow;
        var result = start ? project.StartPause(procedure, stage, now, request.Note?.Trim()) : project.EndPause(stage, now);
        if (result.Error is { } error)
        {
            return error;
        }

        audit.Record(start ? "projects.special-procedure-start" : "projects.special-procedure-end", nameof(ConstructionProject), project.Number.Value,
            after: new { stage = ProjectAccess.Wire(stage), procedure = start ? ProjectAccess.Wire(procedure) : null, request.Note });
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
