using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.CloseWindow;

public sealed record CloseWindow(Guid HallId, Guid WindowId);

/// <summary>Closes (removes) a window of a hall in the administrator's scope.</summary>
public sealed class CloseWindowHandler(TongbanDbContext db, OrganisationScope scope, AuditTrail audit)
{
    public async Task<Result<WindowSnapshot>> HandleAsync(CloseWindow request, CancellationToken cancellationToken)
    {
        if (await scope.FindHallAsync(request.HallId, cancellationToken) is not { } hall)
        {
            return new NotFound("hall.not-found");
        }

        if (hall.Windows.FirstOrDefault(w => w.Id == request.WindowId) is not { } window)
        {
            return new NotFound("window.not-found");
        }

        var closed = hall.CloseWindow(window.Id);
        if (!closed.IsSuccess)
        {
            return closed.Error;
        }

        db.Remove(window);
        db.MarkChanged(hall);
        var snapshot = WindowSnapshot.Of(window);
        audit.Record("hall.window-close", nameof(ServiceHall), hall.Id.ToString(), before: snapshot);
        var saved = await db.SaveUnlessStaleAsync(cancellationToken);
        return saved.IsSuccess ? snapshot : saved.Error;
    }
}
