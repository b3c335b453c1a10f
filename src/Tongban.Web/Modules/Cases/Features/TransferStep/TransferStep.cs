using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Features.TransferStep;

public sealed record TransferStepRequest(string? ToEmployeeId, string? Reason, int? ExpectedVersion);

/// <summary>
/// 转办: hands a step not yet done to another active member of the department performing it (the
/// case's, or for a 多地联办 step the department it names) who holds the step's role, with a reason; from then on only that person may act on it. The step's current holder
/// or a department admin transfers.
/// </summary>
public sealed class TransferStepHandler(CaseAccess access, IStaffDirectory staff, IStringLocalizer<SharedResource> t)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, string stepKey, TransferStepRequest request, CancellationToken cancellationToken)
    {
        var target = string.IsNullOrWhiteSpace(request.ToEmployeeId) ? null : await staff.FindAsync(request.ToEmployeeId.Trim(), cancellationToken);
        return (await access.ActOnStepAsync(caseNumber, stepKey, request.ExpectedVersion, "cases.step.transfer",
                (c, _) => TransferActor(c, stepKey).Then(actor => Transfer(c, stepKey, target, request, actor)),
                cancellationToken, new { step = stepKey, to = request.ToEmployeeId }))
            .Map(c => ShowCaseHandler.ViewOf(c, access));
    }

    private Result<CaseActor> TransferActor(Case c, string stepKey)
    {
        if (access.User.HasAnyRole(Role.DepartmentAdmin, Role.PlatformAdmin))
        {
            return access.Actor(CaseReach.BackOffice);
        }

        if (!BackOfficeActors.ForStep(access, c, stepKey, t).TryGet(out var actor, out var error))
        {
            return error;
        }

        var step = c.Steps.First(s => s.Key == stepKey.Trim());
        return step.Assignee is { } assignee && assignee != actor.AccountId ? CaseErrors.StepIsAssignedToSomeoneElse(step.Name) : actor;
    }

    private Result Transfer(Case c, string stepKey, StaffProfile? target, TransferStepRequest request, CaseActor actor)
    {
        var step = c.Steps.First(s => s.Key == stepKey.Trim());
        if (string.IsNullOrWhiteSpace(request.ToEmployeeId))
        {
            return CaseErrors.TransferNeedsAnAccount();
        }

        // A 多地联办 step stays with the department performing it.
        if (target is null || target.DepartmentId != (step.DepartmentId ?? c.DepartmentId) || !target.Roles.Any(r => r.ToString() == step.Role))
        {
            return new Invalid("cases.transfer-target-not-eligible", request.ToEmployeeId.Trim(), step.Name, BackOfficeActors.RoleName(step.Role, t)) { Field = "ToEmployeeId" };
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "" : $"转办给{target.DisplayName}：{request.Reason.Trim()}";
        return c.Transfer(stepKey, target.AccountId, reason, actor, access.Now);
    }
}

/// <summary>POST /api/v1/cases/{caseNumber}/steps/{stepKey}/transfer.</summary>
public static class TransferStepApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/steps/{stepKey}/transfer", HandleAsync)
            .WithName("TransferStep")
            .WithSummary("Transfer a step to another approver")
            .WithDescription("Body: toEmployeeId (an active member of the department performing the step — the case's, or a 多地联办 step's own — holding the step's role), reason (required), expectedVersion. "
                + "The step's holder or a department admin transfers; afterwards only the new assignee may act on the step. Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, string stepKey, TransferStepRequest request, TransferStepHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, stepKey, request, cancellationToken)).ToOkOrProblem();
}
