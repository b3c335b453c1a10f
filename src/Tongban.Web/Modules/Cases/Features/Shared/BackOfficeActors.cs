using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// Who acts in the back office: a step is acted on in the step's own role (审批人员, or the
/// department's system for a step it took over); decisions, 制证, 送达 and 办结 by approvers and
/// department admins, never by a department system.
/// </summary>
public static class BackOfficeActors
{
    /// <summary>The caller acting in the role of the case's step, or 403 when they do not hold it (an unknown step is the aggregate's 404-like rule).</summary>
    public static Result<CaseActor> ForStep(CaseAccess access, Case @case, string stepKey, IStringLocalizer<SharedResource> t)
    {
        var step = @case.Steps.FirstOrDefault(s => s.Key == stepKey?.Trim());
        if (step is null)
        {
            return CaseErrors.StepNotFound(stepKey ?? "");
        }

        return access.ActingAs(step.Role) is { } actor ? actor : new Forbidden("cases.step-role-required", step.Name, RoleName(step.Role, t));
    }

    /// <summary>An approver or department admin (or the platform admin) acting as a person of the back office.</summary>
    public static Result<CaseActor> Staff(CaseAccess access) =>
        access.User.HasAnyRole(Role.Approver, Role.DepartmentAdmin, Role.PlatformAdmin)
            ? access.Actor(CaseReach.BackOffice)
            : new Forbidden("cases.back-office-staff-only");

    /// <summary>Runs the transition as the actor found, or answers why there is none.</summary>
    public static Result Then(this Result<CaseActor> actor, Func<CaseActor, Result> transition) =>
        actor.TryGet(out var found, out var error) ? transition(found) : error;

    /// <summary>The Chinese name of a step role, for pages and messages; a role the platform does not know is shown as written.</summary>
    public static string RoleName(string role, IStringLocalizer<SharedResource> t) =>
        Enum.TryParse<Role>(role, out var known) ? RoleNames.Of(known, t) : role;
}
