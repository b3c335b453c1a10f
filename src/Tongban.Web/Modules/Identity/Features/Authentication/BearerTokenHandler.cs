using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Identity;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Identity.Features.Authentication;

/// <summary>
/// Opaque bearer tokens looked up by hash in the database, so any node accepts them and disabling an
/// account ends them everywhere at once.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TongbanDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = AccessToken.HashOf(header["Bearer ".Length..].Trim());
        var found = await db.Set<AccessToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Set<Account>().AsNoTracking(), t => t.AccountId, a => a.Id, (t, a) => new { Token = t, Account = a })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsValidFor(found.Account, clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail("invalid token");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(AccountClaims.PrincipalFor(found.Account, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
