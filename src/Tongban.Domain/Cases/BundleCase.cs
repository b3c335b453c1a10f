using Tongban.Domain.Primitives;

namespace Tongban.Domain.Cases;

/// <summary>What the applicant reads for the whole bundle: one status, whatever each department is doing.</summary>
public enum BundleCaseStatus
{
    /// <summary>待受理: no member accepted yet.</summary>
    Submitted,

    /// <summary>待补正: a member's window asked for corrections; the applicant answers once, through the bundle.</summary>
    AwaitingCorrection,

    /// <summary>办理中: members are being handled (or wait for a predecessor's result).</summary>
    InProgress,

    /// <summary>已出结果: every member has its result.</summary>
    Completed,

    /// <summary>部分办结: every member is finished, some with a result and some without (denied, refused, or unable to start).</summary>
    PartlyCompleted,

    /// <summary>未办成: every member is finished and none has a result.</summary>
    NotCompleted,

    /// <summary>已撤回 by the applicant.</summary>
    Withdrawn,
}

/// <summary>
/// One member of a bundle case: the members it waits for (as the bundle said at submission), its own
/// case once started (<see cref="CaseNumber"/>), the status last seen on it, and whether it can no
/// longer start because a member it waits for ended without a result.
/// </summary>
public sealed record BundleCaseMember(string Key, IReadOnlyList<string> After, string? CaseNumber = null, CaseStatus? Status = null, bool Blocked = false)
{
    public bool Started => CaseNumber is not null;

    /// <summary>It produced its result (制证 or later): dependants may start.</summary>
    public bool HasResult => Status is CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed;

    /// <summary>Nothing more will happen to it.</summary>
    public bool Finished => Blocked || HasResult || Status is CaseStatus.Refused or CaseStatus.Denied or CaseStatus.Withdrawn or CaseStatus.Terminated or CaseStatus.Revoked;
}

/// <summary>
/// 一件事办件: one submission of a bundle. Each member runs as its own case in its department's
/// workflow; the bundle case keeps the member graph as it was at submission (as a case keeps its
/// implementation version), records which case each member is, follows their statuses and says
/// which waiting members may start now. A member whose predecessor ends without a result cannot start.
/// </summary>
public sealed class BundleCase : IVersioned
{
    private BundleCase()
    {
    }

    public Guid Id { get; private init; }
    public BundleCode BundleCode { get; private init; }
    public int BundleVersion { get; private init; }
    public DateTimeOffset SubmittedAt { get; private init; }
    public IReadOnlyList<BundleCaseMember> Members { get; private set; } = [];
    public int Version { get; set; }

    /// <param name="members">each member's key with the keys it waits for, in the bundle's order.</param>
    public static BundleCase Open(BundleCode code, int bundleVersion, IReadOnlyDictionary<string, IReadOnlyList<string>> members, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(members);
        return new BundleCase
        {
            Id = Guid.NewGuid(),
            BundleCode = code,
            BundleVersion = bundleVersion,
            SubmittedAt = now,
            Members = [.. members.Select(m => new BundleCaseMember(m.Key, [.. m.Value]))],
        };
    }

    public BundleCaseMember Member(string key) =>
        Members.FirstOrDefault(m => m.Key == key) ?? throw new ArgumentException($"No member {key} in bundle {BundleCode}", nameof(key));

    /// <summary>The members that may start now: not started, not blocked, and every member they wait for has its result.</summary>
    public IReadOnlyList<BundleCaseMember> ReadyToStart =>
        [.. Members.Where(m => m is { Started: false, Blocked: false } && m.After.All(a => Member(a).HasResult))];

    /// <summary>A member's case was created.</summary>
    public Result Started(string key, string caseNumber, CaseStatus status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseNumber);
        var member = Member(key);
        if (member.Started || member.Blocked)
        {
            return new Conflict("bundle-case.member-started", key);
        }

        Replace(member with { CaseNumber = caseNumber, Status = status });
        return Result.Success;
    }

    /// <summary>
    /// A member's case moved on. When it ended without a result, every member waiting for it (directly or
    /// through others) is blocked, since it can never start.
    /// </summary>
    public void Observe(string key, CaseStatus status)
    {
        var member = Member(key);
        if (!member.Started)
        {
            throw new InvalidOperationException($"Member {key} has no case yet");
        }

        Replace(member with { Status = status });
        var updated = Member(key);
        if (updated.Finished && !updated.HasResult)
        {
            var graph = Members.ToDictionary(m => m.Key, m => m.After, StringComparer.Ordinal);
            foreach (var waiting in Members.Where(m => !m.Started && Waits.PredecessorsOf(graph, m.Key).Contains(key)).ToList())
            {
                Replace(Member(waiting.Key) with { Blocked = true });
            }
        }
    }

    public BundleCaseStatus Status
    {
        get
        {
            if (Members.Any(m => m.Status == CaseStatus.AwaitingCorrection))
            {
                return BundleCaseStatus.AwaitingCorrection;
            }

            if (Members.All(m => m.Finished))
            {
                return Members.All(m => m.HasResult) ? BundleCaseStatus.Completed
                    : Members.All(m => m.Status == CaseStatus.Withdrawn || (m.Blocked && !m.Started)) ? BundleCaseStatus.Withdrawn
                    : Members.Any(m => m.HasResult) ? BundleCaseStatus.PartlyCompleted
                    : BundleCaseStatus.NotCompleted;
            }

            return Members.Where(m => m.Started).All(m => m.Status is CaseStatus.Submitted or CaseStatus.Draft)
                ? BundleCaseStatus.Submitted
                : BundleCaseStatus.InProgress;
        }
    }

    private void Replace(BundleCaseMember member) =>
        Members = [.. Members.Select(m => m.Key == member.Key ? member : m)];
}
