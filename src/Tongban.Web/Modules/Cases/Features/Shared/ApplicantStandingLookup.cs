using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Modules.Cases.Persistence;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// Credit flags the city's credit system (信用信息共享平台) reports, until it is connected: the ID
/// numbers and USCCs with serious bad credit (严重失信), from configuration so every node reads the same list.
/// </summary>
public sealed class CreditOptions
{
    public const string Section = "Tongban:Credit";

    public IReadOnlyList<string> SeriousBadCredit { get; init; } = [];
}

/// <summary>
/// An applicant's standing for 告知承诺 and 秒批: serious bad credit from the credit flags, and a past
/// false commitment from their own history (a case of theirs revoked for a false commitment).
/// </summary>
public sealed class ApplicantStandingLookup(CaseStore cases, IOptions<CreditOptions> credit)
{
    public async Task<ApplicantStanding> StandingOfAsync(Applicant applicant, CancellationToken cancellationToken)
    {
        var identifier = applicant.Identifier;
        var badCredit = credit.Value.SeriousBadCredit.Contains(identifier, StringComparer.OrdinalIgnoreCase);
        var query = cases.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Revoked);
        query = applicant.Kind == ApplicantKind.LegalPerson
            ? query.Where(c => c.Applicant.Uscc == applicant.Uscc)
            : query.Where(c => c.Applicant.IdNumber == applicant.IdNumber);
        var falseCommitment = await query.AnyAsync(cancellationToken);
        return new ApplicantStanding(badCredit, falseCommitment);
    }
}
