using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Identity.Features.Authentication;

/// <summary>
/// Checks every cookie session against the account on each request: a disabled account, or one
/// whose security stamp moved (password or roles changed), is signed out at once on every node.
/// </summary>
internal sealed class SessionValidator : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null
            || !Guid.TryParse(principal.FindFirstValue(TongbanClaims.AccountId), out var accountId))
        {
            context.RejectPrincipal();
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<TongbanDbContext>();
        var state = await db.Set<Account>().AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new { a.Status, a.SecurityStamp })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (state is null
            || state.Status != AccountStatus.Active
            || !string.Equals(state.SecurityStamp, principal.FindFirstValue(TongbanClaims.SecurityStamp), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        AnswerApiOr(context, StatusCodes.Status401Unauthorized, () => base.RedirectToLogin(context));

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        AnswerApiOr(context, StatusCodes.Status403Forbidden, () => base.RedirectToAccessDenied(context));

    // API callers get a status code (and ProblemDetails from the status-code middleware), never a redirect.
    private static Task AnswerApiOr(RedirectContext<CookieAuthenticationOptions> context, int status, Func<Task> page)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        return page();
    }
}
