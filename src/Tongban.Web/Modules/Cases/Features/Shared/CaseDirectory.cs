using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Persistence;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>Reads cases for other modules (<see cref="ICaseDirectory"/>): the facts, never the aggregate to change.</summary>
internal sealed class CaseDirectory(CaseStore cases, CaseAccess access) : ICaseDirectory
{
    public async Task<CaseSummary?> FindAsync(string caseNumber, CancellationToken cancellationToken) =>
        CaseNumber.Parse(caseNumber ?? "") is { IsSuccess: true } number && await cases.FindAsync(number.Value, cancellationToken) is { } found
            ? CaseSummary.Of(found)
            : null;

    public async Task<CaseSummary?> FindOwnAsync(string caseNumber, CancellationToken cancellationToken) =>
        await FindAsync(caseNumber, cancellationToken) is { } found && access.IsApplicant(found.Applicant) ? found : null;

    public async Task<IReadOnlyList<CaseSummary>> CompletedBetweenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        [.. (await cases.Cases.AsNoTracking().Where(c => c.CompletedAt >= start && c.CompletedAt < end).ToListAsync(cancellationToken))
            .OrderBy(c => c.CompletedAt).ThenBy(c => c.Number!.Value.Value, StringComparer.Ordinal).Select(CaseSummary.Of)];
}
