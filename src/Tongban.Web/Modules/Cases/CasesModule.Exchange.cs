using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.ExchangeRecords;

namespace Tongban.Modules.Cases;

/// <summary>Which cases an exchange export reads: accepted in the period, finished (办结) in it, or in handling at some time in it.</summary>
public enum CaseActivity
{
    AcceptedIn,
    FinishedIn,
    HandledIn,
}

/// <summary>
/// What the 数据共享交换 module may read of cases for the national 办件信息 exchange: one view per case with
/// its acceptance, steps, result and 特别程序. Read-only; callers check scope and audit.
/// </summary>
public interface ICaseExchange
{
    /// <summary>
    /// The cases inside <paramref name="scope"/> (everywhere when null) with the given activity in [start, end), streamed in
    /// id order so a year of a city is never held at once.
    /// </summary>
    IAsyncEnumerable<CaseExchangeView> CasesAsync(CaseActivity activity, RegionCode? scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}

/// <param name="AcceptedBy">The account that accepted the case at intake; null when it was deemed accepted or accepted by the platform.</param>
/// <param name="HandlingWorkingDays">For a finished case: working days from the clock's start to 办结 (<see cref="CaseFigures"/>).</param>
/// <param name="LicenceId">The e-licence identifier issued as the result, if any.</param>
/// <param name="DocumentId">The result document (decision) reference, if any.</param>
public sealed record CaseExchangeView(
    string CaseNumber, string ImplementationCode, Guid DepartmentId, RegionCode Region, Applicant Applicant, CaseChannel Channel,
    AcceptanceKind? AcceptedAs, bool DeemedAccepted, DateTimeOffset? AcceptedAt, Guid? AcceptedBy,
    IReadOnlyList<CaseExchangeStep> Steps, DecisionOutcome? Outcome, string? DocumentId, string? LicenceId, DateTimeOffset? CompletedAt, int? HandlingWorkingDays,
    IReadOnlyList<CaseExchangePause> SpecialProcedures);

/// <param name="HandlerId">Who decided the step, or holds it while active; null when nobody has taken it.</param>
/// <param name="EndedAt">When it was approved, sent back or skipped; null while active.</param>
public sealed record CaseExchangeStep(string Key, string Name, Guid? HandlerId, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, CaseStepStatus Status, string? Comment);

/// <param name="Sequence">The pause's place among the case's 特别程序, from 1: with the case number it names the record.</param>
public sealed record CaseExchangePause(int Sequence, SpecialProcedure Procedure, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Reason);

public static partial class CasesModule
{
    private static void AddExchange(IServiceCollection services) => services.AddScoped<ICaseExchange, CaseExchangeReader>();
}
