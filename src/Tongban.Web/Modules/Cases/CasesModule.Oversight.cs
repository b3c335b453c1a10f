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
    /// Back-office steps that went late inside <paramref name="scope"/> (everywhere when null; and of one competent department):
    /// approved after the case's promised deadline within [from, to), or active and held past it now.
    /// </summary>
    IAsyncEnumerable<LateStep> LateStepsAsync(RegionCode? scope, Guid? department, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>效能监管's daily counts: the cases filed (submitted) in [start, end), with how a window received them.</summary>
    Task<IReadOnlyList<FiledCase>> FiledBetweenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>The cases accepted in [start, end), and how.</summary>
    Task<IReadOnlyList<AcceptedCase>> AcceptedBetweenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>The cases finished (办结) in [start, end) with their figures, streamed (each is read whole: its pauses move its deadline).</summary>
    IAsyncEnumerable<FinishedCase> FinishedBetweenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>在办 and 在办已超期 now among the cases matching <paramref name="filter"/>.</summary>
    Task<(long Open, long Overdue)> OpenAndOverdueAsync(CaseFilter filter, CancellationToken cancellationToken);
}

/// <summary>Where a case counts: its region, competent department, item, intake hall and channel.</summary>
public sealed record CaseDimensions(RegionCode Region, Guid DepartmentId, string ImplementationCode, Guid? IntakeHallId, CaseChannel Channel);

public sealed record FiledCase(CaseDimensions Dimensions, WindowKind? IntakeWindowKind);

public sealed record AcceptedCase(CaseDimensions Dimensions, AcceptanceKind? AcceptedAs);

public sealed record FinishedCase(CaseDimensions Dimensions, CaseFigures Figures);

/// <summary>Cases inside a region, optionally of one department, item, intake hall and channel.</summary>
public sealed record CaseFilter(RegionCode Region, Guid? DepartmentId = null, ImplementationCode? Item = null, Guid? IntakeHallId = null, CaseChannel? Channel = null);

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
