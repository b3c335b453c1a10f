using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>What every case action's endpoint answers, for the OpenAPI document.</summary>
public static class CaseActionEndpoints
{
    /// <summary>
    /// 200 with the case as it stands after the action; 403 for a caller whose role may not take it, 404 for
    /// a case outside the caller's reach, 409 when the case is in another state or moved on since
    /// expectedVersion, 422 for input that breaks a rule.
    /// </summary>
    public static RouteHandlerBuilder ProducesCaseAction(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<CaseView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
