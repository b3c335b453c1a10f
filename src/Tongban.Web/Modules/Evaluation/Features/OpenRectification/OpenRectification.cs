using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Evaluation.Features.OpenRectification;

/// <summary>Tells the responsible department that a 差评 opened a work order (SMS, the department's own system ...).</summary>
public interface IRectificationNotifier
{
    Task OpenedAsync(Rectification order, CancellationToken cancellationToken);
}

/// <summary>
/// No messaging channel connected: a log line per work order, without personal data. The department's staff
/// also find the order on their workbench, which reads the open orders from the database (so every app node
/// shows the same notice).
/// </summary>
internal sealed partial class LoggingRectificationNotifier(ILogger<LoggingRectificationNotifier> logger) : IRectificationNotifier
{
    public Task OpenedAsync(Rectification order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        Log(logger, order.Id, order.DepartmentId, order.Deadline);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "差评整改 work order {Order} opened for department {Department}, due {Deadline}")]
    private static partial void Log(ILogger logger, Guid order, Guid department, DateTimeOffset deadline);
}

/// <summary>
/// A 差评 (level 1-2, given actively) opens its work order in the unit of work that records the rating, due
/// the configured working days later; a defaulted or good rating opens none.
/// </summary>
internal sealed class OpenRectificationOnBadRating(
    EvaluationStore store, EvaluationPolicy policy, WorkingCalendar calendar, CityClock clock, AuditTrail audit, IRectificationNotifier notifier) : IOnRatingRecorded
{
    public async Task RunAsync(Rating rating, CancellationToken cancellationToken)
    {
        if (!Rectification.Open(rating, policy, calendar, clock.Zone, clock.UtcNow).TryGet(out var order, out _))
        {
            return;
        }

        store.Add(order);
        audit.Record("evaluation.rectification.open", nameof(Rectification), order.Id.ToString(),
            after: new { state = order.State.ToString(), rating = rating.Id, department = order.DepartmentId, deadline = order.Deadline });
        await notifier.OpenedAsync(order, cancellationToken);
    }
}
