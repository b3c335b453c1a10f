using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.OpenWindow;

public sealed record OpenWindow(Guid HallId, string? Number, string? Name, WindowKind Kind, Guid? DepartmentId);

/// <summary>Opens a window in a hall: 综合窗口 take any item, a 专窗 serves one department in the administrator's scope.</summary>
public sealed class OpenWindowHandler(TongbanDbContext db, OrganisationScope scope, AuditTrail audit)
{
    public async Task<Result<Guid>> HandleAsync(OpenWindow request, CancellationToken cancellationToken)
    {
        if (await scope.FindHallAsync(request.HallId, cancellationToken) is not { } hall)
        {
            return new NotFound("hall.not-found");
        }

        if (request.Kind == WindowKind.Dedicated && request.DepartmentId is { } departmentId
            && await scope.FindDepartmentAsync(departmentId, cancellationToken) is null)
        {
            return new Invalid("window.department-not-found") { Field = nameof(ServiceWindow.DepartmentId) };
        }

        var opened = hall.OpenWindow(Guid.CreateVersion7(), request.Number ?? "", request.Name ?? "", request.Kind, request.DepartmentId);
        if (!opened.TryGet(out var window, out var error))
        {
            return error;
        }

        // The window is new; the hall's version moves so a concurrent change to the hall is detected.
        db.Add(window);
        db.MarkChanged(hall);
        audit.Record("hall.window-open", nameof(ServiceHall), hall.Id.ToString(), after: WindowSnapshot.Of(window));
        var saved = await db.SaveUnlessStaleAsync(cancellationToken);
        return saved.IsSuccess ? window.Id : saved.Error;
    }
}
