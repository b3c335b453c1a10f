using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Licences.Features.VerifyLicence;

/// <summary>One logged verification as the issuer sees it: when, how, what was answered, and whether the verifier was signed in (not who).</summary>
public sealed record VerificationEntry(DateTimeOffset At, string Channel, string Status, bool SignedIn);

public sealed record LicenceVerifications(string Identifier, IReadOnlyList<VerificationEntry> Verifications);

/// <summary>The verifications of one licence, for the staff of its issuing department (an audited read).</summary>
public sealed class ListVerificationsHandler(TongbanDbContext db, VerificationLog log, IOrganisationDirectory organisation, CurrentUser me, AuditTrail audit)
{
    public const int Limit = 200;

    public async Task<Result<LicenceVerifications>> HandleAsync(string identifierText, CancellationToken cancellationToken)
    {
        if (!LicenceIdentifier.Parse(identifierText).TryGet(out var identifier, out var error))
        {
            return error with { Field = "identifier" };
        }

        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(l => l.Identifier == identifier, cancellationToken);
        var issuer = licence is null ? null : await organisation.FindDepartmentAsync(licence.IssuerDepartmentId, cancellationToken);
        if (licence is null || issuer is null || !me.CanActOn(issuer.Region, issuer.Id))
        {
            // Outside the caller's department a licence is as good as absent.
            return new NotFound("licences.licence-not-found", identifier.Value);
        }

        var entries = await log.OfAsync(identifier.Value, Limit, cancellationToken);
        audit.Record("licences.verifications-read", nameof(Licence), identifier.Value, after: new { count = entries.Count });
        await db.SaveChangesAsync(cancellationToken);
        return new LicenceVerifications(identifier.Value, [.. entries.Select(e => new VerificationEntry(e.At, e.Channel, e.Status, e.AccountId is not null))]);
    }
}
