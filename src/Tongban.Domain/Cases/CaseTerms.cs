using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Cases;

/// <summary>A time limit: an amount of working days, natural days or working hours (工作小时, promised limits only).</summary>
public sealed record CaseTimeLimit(int Amount, TimeLimitUnit Unit)
{
    public static CaseTimeLimit WorkingDays(int amount) => new(amount, TimeLimitUnit.WorkingDays);

    public static CaseTimeLimit NaturalDays(int amount) => new(amount, TimeLimitUnit.NaturalDays);

    public static CaseTimeLimit WorkingHours(int amount) => new(amount, TimeLimitUnit.WorkingHours);
}

/// <summary>
/// What case handling needs from the implementation version the case started with, passed in by the
/// caller at acceptance (the Cases domain does not read the catalog): the limits, the back-office
/// step plan, whether 告知承诺 is allowed, and how far a superior may extend the statutory limit.
/// </summary>
/// <param name="StatutoryLimit">法定办结时限 (行政许可法: 20 working days; joint handling 45).</param>
/// <param name="PromisedLimit">承诺办结时限.</param>
/// <param name="Steps">The back-office steps, in order.</param>
public sealed record CaseTerms(CaseTimeLimit StatutoryLimit, CaseTimeLimit PromisedLimit, IReadOnlyList<StepPlan> Steps)
{
    /// <summary>告知承诺制: the item lets a signed commitment replace proofs.</summary>
    public bool CommitmentAllowed { get; init; }

    /// <summary>涉及国家安全、公共安全 ... and other high-risk matters: never under 告知承诺.</summary>
    public bool PublicSafety { get; init; }

    /// <summary>The most working days one extension may add: 10 (行政许可法 20+10); 15 for joint handling (45+15).</summary>
    public int MaxExtensionWorkingDays { get; init; } = 10;
}

/// <summary>The city's configurable case-handling numbers.</summary>
public sealed record CasePolicy
{
    public static CasePolicy Default { get; } = new();

    /// <summary>容缺: after the second notice, how long the applicant still has (15 natural days in the city plans).</summary>
    public CaseTimeLimit DeficiencyGracePeriod { get; init; } = CaseTimeLimit.NaturalDays(15);

    /// <summary>Yellow warning when this share of a limit is used (0.8 = 80%).</summary>
    public double WarningShare { get; init; } = 0.8;
}

/// <summary>One rule of a 秒批 (instant approval) check over verified data, and whether it held.</summary>
public sealed record InstantApprovalRule(string Name, bool Passed, string Detail = "");

/// <summary>The deadlines in force now: the base deadlines moved later by the paused working days.</summary>
public sealed record CaseDeadlines(DateTimeOffset Promised, DateTimeOffset Statutory);

/// <summary>Where one deadline stands.</summary>
/// <param name="Deadline">The effective deadline (pauses included).</param>
/// <param name="RemainingWorkingDays">Working days left (0 on the deadline day, negative once overdue).</param>
/// <param name="LimitWorkingDays">The working days the limit spans from the clock start (extension included, pauses not).</param>
/// <param name="UsedShare">The share of the limit used, 0 to 1 and beyond once overdue; for an hour limit, of its office time.</param>
public sealed record DeadlineStatus(DateTimeOffset Deadline, int RemainingWorkingDays, int LimitWorkingDays, double UsedShare, TimeWarning Level)
{
    /// <summary>How the limit is counted; <see cref="TimeLimitUnit.WorkingHours"/> makes the two office-time figures meaningful.</summary>
    public TimeLimitUnit Unit { get; init; } = TimeLimitUnit.WorkingDays;

    /// <summary>For an hour limit: office time left (negative once overdue, at most minus one minute). Zero for day limits.</summary>
    public TimeSpan RemainingWorkingTime { get; init; }

    /// <summary>For an hour limit: the office time the limit spans from the clock start (pauses not included). Zero for day limits.</summary>
    public TimeSpan LimitWorkingTime { get; init; }

    /// <summary>Whole minutes of office time left, rounded down toward the deadline (so 0 in its last minute); negative once overdue.</summary>
    public int RemainingWorkingMinutes => (int)Math.Floor(RemainingWorkingTime.TotalMinutes);
}

/// <summary>
/// The time status of an accepted case. <see cref="Level"/> is <see cref="TimeWarning.Paused"/> while the
/// clock is stopped, otherwise the worse of the two deadlines' levels. Once the clock has ended
/// (decision, withdrawal, termination) it is evaluated at that instant and <see cref="Ended"/> is true.
/// </summary>
public sealed record CaseTimeStatus(TimeWarning Level, DeadlineStatus Promised, DeadlineStatus Statutory, bool Ended);
