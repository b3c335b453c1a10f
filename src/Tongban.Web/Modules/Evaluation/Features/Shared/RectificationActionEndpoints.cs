namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>What every work order action's endpoint answers, for the OpenAPI document.</summary>
public static class RectificationActionEndpoints
{
    /// <summary>
    /// 200 with the order as it stands after the action; 403 for a rule about who may act, 404 for an order
    /// outside the caller's reach, 409 when the order is in another state or moved on since expectedVersion,
    /// 422 for input that breaks a rule.
    /// </summary>
    public static RouteHandlerBuilder ProducesRectificationAction(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<RectificationView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
