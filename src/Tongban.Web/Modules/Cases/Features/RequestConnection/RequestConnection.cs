using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.RequestConnection;

/// <summary>utility: water | power | gas | telecom.</summary>
public sealed record ConnectionRequestBody(string? Utility);

/// <summary>
/// 水电气信报装 attached to the project by the enterprise, from 工程建设许可 on (报装提前); one per utility,
/// never on the project clock.
/// </summary>
public sealed class RequestConnectionHandler(TongbanDbContext db, ProjectAccess projects, ShowProjectHandler show, AuditTrail audit, CityClock clock)
{
    public async Task<Result<ProjectView>> HandleAsync(string number, ConnectionRequestBody request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kinds = Enum.GetValues<UtilityKind>().Where(k => string.Equals(ProjectAccess.Wire(k), request.Utility?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (!(await projects.FindOwnAsync(number, cancellationToken, "projects.view-for-connection")).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        if (kinds.Count == 0)
        {
            return new Invalid("projects.utility-unknown", request.Utility ?? "") { Field = "utility" };
        }

        var project = found.Project;
        if (project.RequestConnection(kinds[0], clock.UtcNow).Error is { } error)
        {
            return error;
        }

        audit.Record("projects.connection-request", nameof(ConstructionProject), project.Number.Value, after: new { utility = ProjectAccess.Wire(kinds[0]) });
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
