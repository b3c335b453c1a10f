using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Identity.Features.SignIn;

/// <summary>
/// Checks a username and password. Shared by the sign-in page and the token endpoint so both lock
/// out and audit alike. Unknown user, wrong password and disabled account give the same answer, so
/// the response never tells an attacker which accounts exist.
/// </summary>
public sealed class SignInHandler(
    TongbanDbContext db,
    IPasswordHasher<Account> hasher,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<TongbanOptions> options)
{
    public async Task<Result<Account>> HandleAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return new Invalid("sign-in.username-required") { Field = "Username" };
        }

        if (string.IsNullOrEmpty(password))
        {
            return new Invalid("sign-in.password-required") { Field = "Password" };
        }

        var loginName = username.Trim().ToUpper(CultureInfo.InvariantCulture);
        var account = await db.Set<Account>().FirstOrDefaultAsync(a => a.LoginName == loginName, cancellationToken);
        var now = clock.GetUtcNow();
        if (account is null)
        {
            return new Invalid("sign-in.failed");
        }

        if (account.IsLockedOut(now))
        {
            audit.Record("account.sign-in-refused-locked", nameof(Account), account.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            return new Invalid("sign-in.locked-out", (int)Math.Ceiling((account.LockedUntil!.Value - now).TotalMinutes));
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed || !account.IsActive)
        {
            var security = options.Value.Security;
            account.RecordFailedSignIn(now, new SignInPolicy(security.MaxFailedSignIns, TimeSpan.FromMinutes(security.LockoutMinutes)));
            audit.Record("account.sign-in-failed", nameof(Account), account.Id.ToString(), after: new { account.FailedSignIns, locked = account.IsLockedOut(now) });
            await db.SaveChangesAsync(cancellationToken);
            return account.IsLockedOut(now)
                ? new Invalid("sign-in.locked-out", security.LockoutMinutes)
                : new Invalid("sign-in.failed");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.UpgradePasswordHash(hasher.HashPassword(account, password));
        }

        account.RecordSuccessfulSignIn();
        audit.Record("account.sign-in", nameof(Account), account.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }
}
