using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.ExtendDeadline;

/// <param name="RequestedBy">The employee id of the approver who asked for the extension.</param>
public sealed record ExtendDeadlineRequest(int WorkingDays, string? Reason, string? RequestedBy, int? ExpectedVersion);

/// <summary>
/// 延长办理时限: an approver asks, a superior approves. The superior is a department admin of the
/// case's department (本机关负责人), signed in; they record the approval naming the approver who asked.
/// The case keeps both (<see cref="CaseExtension.RequestedBy"/>, <see cref="CaseExtension.ApprovedBy"/>);
/// the history entry is the requester's, the audit entry the superior's.
/// </summary>
public sealed class ExtendDeadlineHandler(CaseAccess access, IStaffDirectory staff)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, ExtendDeadlineRequest request, CancellationToken cancellationToken)
    {
        if (!access.User.HasAnyRole(Role.DepartmentAdmin, Role.PlatformAdmin) || access.User.AccountId is not { } superior)
        {
            return new Forbidden("cases.extension-superior-only");
        }

        var requester = string.IsNullOrWhiteSpace(request.RequestedBy) ? null : await staff.FindAsync(request.RequestedBy.Trim(), cancellationToken);
        return (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.extend",
                (c, _) => requester is null || requester.DepartmentId != c.DepartmentId || !requester.Roles.Contains(Role.Approver)
                    ? (Result)new Invalid("cases.extension-requester-unknown", request.RequestedBy ?? "") { Field = "RequestedBy" }
                    : c.Extend(request.WorkingDays, superior, request.Reason ?? "", new CaseActor(requester.AccountId, nameof(Role.Approver)), access.Now, access.Calendar, access.Zone),
                cancellationToken, new { request.WorkingDays, requestedBy = request.RequestedBy }))
            .Map(c => ShowCaseHandler.ViewOf(c, access));
    }
}

/// <summary>POST /api/v1/cases/{caseNumber}/extension.</summary>
public static class ExtendDeadlineApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/extension", HandleAsync)
            .WithName("ExtendDeadline")
            .WithSummary("Approve an extension of the statutory limit")
            .WithDescription("Called by the superior: a department admin of the case's department (an approver alone gets 403). "
                + "Body: workingDays (1 to 10, 15 for joint handling), reason, requestedBy (the employee id of the approver who asked; not the superior), expectedVersion. "
                + "Once per case; the statutory deadline moves by the working days. Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, ExtendDeadlineRequest request, ExtendDeadlineHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).ToOkOrProblem();
}
