using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Oversight;

namespace Tongban.Modules.Cases;

/// <summary>
/// What supervision (预警, 督办, lateness) may read of cases: open cases with their time warning now, who
/// owns a case, and the back-office steps that went late. Read-only; callers check scope and audit.
/// </summary>
public interface ICaseOversight
{
    /// <summary>
    /// The cases in handling whose clock runs, inside <paramref name="scope"/> (everywhere when null; and of one department), with
    /// the warning level now; streamed in id order so a city-wide sweep does not hold them all.
    /// </summary>
    IAsyncEnumerable<OpenCaseTime> OpenCasesAsync(RegionCode? scope, Guid? department, CancellationToken cancellationToken);

    /// <summary>The region and competent department of a case, for scope checks; null when there is no such case.</summary>
    Task<CaseOwner?> FindOwnerAsync(string caseNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Back-office steps that went late inside <paramref name="scope"/>: approved after the case's promised
    /// deadline within [from, to), or active and held past it now.
    /// </summary>
    IAsyncEnumerable<LateStep> LateStepsAsync(RegionCode scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <param name="Deadline">The nearer of the promised and statutory deadlines in force.</param>
public sealed record OpenCaseTime(
    Guid CaseId, string CaseNumber, string ImplementationCode, string ApplicantName, RegionCode Region, Guid DepartmentId,
    string StatusName, TimeWarning Level, DateTimeOffset Deadline, int RemainingWorkingDays);

public sealed record CaseOwner(string CaseNumber, RegionCode Region, Guid DepartmentId);

/// <param name="AccountId">Who approved the step, or holds it (its assignee) while it is still active.</param>
/// <param name="DecidedAt">When it was approved; null while still active.</param>
public sealed record LateStep(Guid AccountId, string CaseNumber, Guid DepartmentId, string StepName, DateTimeOffset Deadline, DateTimeOffset? DecidedAt);

public static partial class CasesModule
{
    private static void AddOversight(IServiceCollection services) => services.AddScoped<ICaseOversight, CaseOversight>();
}
