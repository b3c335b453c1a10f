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

/// <summary>What a bundle case is opened with (the bundle as defined, who applies, the promised time).</summary>
public sealed record BundleCaseOpening(
    BundleCaseNumber Number, BundleCode Code, int BundleVersion, string Definition, Guid LeadDepartmentId,
    Applicant Applicant, Guid FiledBy, CaseChannel Channel, DateTimeOffset PromisedBy, bool DeliverTogether, BundleSubmission Submission);

/// <summary>
/// One member of a bundle case: the members it waits for (as the bundle said at submission), its own
/// case once started (<see cref="CaseNumber"/>), the status last seen on it, and whether it can no
/// longer start because a member it waits for ended without a result. <see cref="Failure"/> says why it
/// could not be filed when its predecessors were done, until it is filed.
/// </summary>
public sealed record BundleCaseMember(
    string Key, IReadOnlyList<string> After, string? CaseNumber = null, CaseStatus? Status = null, bool Blocked = false, MemberStartFailure? Failure = null)
{
    public bool Started => CaseNumber is not null;

    /// <summary>It produced its result (制证 or later): dependants may start.</summary>
    public bool HasResult => Status is CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed;

    /// <summary>Nothing more will happen to it.</summary>
    public bool Finished => Blocked || HasResult || Status is CaseStatus.Refused or CaseStatus.Denied or CaseStatus.Withdrawn or CaseStatus.Terminated or CaseStatus.Revoked;
}

/// <summary>
/// Why a member could not be filed when its predecessors were done (its item no longer published, a held
/// licence no longer valid, a flowed value missing): the rule's code, the sentence the lead department and
/// the applicant read, when it was last tried and how often.
/// </summary>
public sealed record MemberStartFailure(string Code, string Message, DateTimeOffset At, int Attempts = 1);

/// <summary>
/// A material as the applicant supplied it once for the bundle, recorded for each member that uses it
/// under that member's own material key (the same routes as a single application).
/// </summary>
public sealed record SuppliedMaterial(string Member, string Key, string Route, Guid? FileId = null, string? Reference = null);

/// <summary>
/// What the applicant filled in once for the whole bundle: situation answers, the merged form's values and
/// the merged materials. Kept on the bundle case, since members that wait for a predecessor's result are
/// filed from it later.
/// </summary>
public sealed record BundleSubmission(
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, string> FormValues,
    IReadOnlyList<SuppliedMaterial> Materials);

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
    public BundleCaseNumber Number { get; private init; }
    public BundleCode BundleCode { get; private init; }
    public int BundleVersion { get; private init; }

    /// <summary>The bundle's definition as the catalog wrote it at submission; members filed later follow it, not a later edit.</summary>
    public string Definition { get; private init; } = "";

    /// <summary>The lead department (牵头部门) answers for the bundle's limit; its staff follow the bundle case.</summary>
    public Guid LeadDepartmentId { get; private init; }
    public Applicant Applicant { get; private init; } = null!;

    /// <summary>The account that submitted; members filed later are filed as theirs.</summary>
    public Guid FiledBy { get; private init; }
    public CaseChannel Channel { get; private init; }
    public DateTimeOffset SubmittedAt { get; private init; }

    /// <summary>承诺办结 of the whole bundle: its promised limit counted from submission.</summary>
    public DateTimeOffset PromisedBy { get; private init; }

    /// <summary>Results reach the applicant together: no member is delivered before every member is finished.</summary>
    public bool DeliverTogether { get; private init; }
    public BundleSubmission Submission { get; private init; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), []);
    public IReadOnlyList<BundleCaseMember> Members { get; private set; } = [];
    public int Version { get; set; }

    /// <param name="members">each member's key with the keys it waits for, in the bundle's order.</param>
    public static BundleCase Open(BundleCaseOpening opening, IReadOnlyDictionary<string, IReadOnlyList<string>> members, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(members);
        return new BundleCase
        {
            Id = Guid.NewGuid(),
            Number = opening.Number,
            BundleCode = opening.Code,
            BundleVersion = opening.BundleVersion,
            Definition = opening.Definition,
            LeadDepartmentId = opening.LeadDepartmentId,
            Applicant = opening.Applicant,
            FiledBy = opening.FiledBy,
            Channel = opening.Channel,
            SubmittedAt = now,
            PromisedBy = opening.PromisedBy,
            DeliverTogether = opening.DeliverTogether,
            Submission = opening.Submission,
            Members = [.. members.Select(m => new BundleCaseMember(m.Key, [.. m.Value]))],
        };
    }

    /// <summary>The member a case is, if it is one of this bundle's.</summary>
    public BundleCaseMember? MemberWithCase(string caseNumber) => Members.FirstOrDefault(m => m.CaseNumber == caseNumber);

    /// <summary>
    /// 送达 of a member's result: at once when results go out as ready; when they go out together, only
    /// once every member is finished, so the applicant receives them in one delivery.
    /// </summary>
    public Result MayDeliver(string key)
    {
        var waiting = Members.Where(m => m.Key != key && !m.Finished).Select(m => m.Key).ToList();
        return !DeliverTogether || waiting.Count == 0
            ? Result.Success
            : new Conflict("bundle-case.deliver-together", string.Join("、", waiting));
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

        Replace(member with { CaseNumber = caseNumber, Status = status, Failure = null });
        return Result.Success;
    }

    /// <summary>
    /// A member free to start could not be filed: the reason is kept on it (the latest, with the number of
    /// attempts) for the lead department to fix and retry, and for the applicant to read.
    /// </summary>
    public Result FailedToStart(string key, string code, string message, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var member = Member(key);
        if (member.Started || member.Blocked)
        {
            return new Conflict("bundle-case.member-started", key);
        }

        Replace(member with { Failure = new MemberStartFailure(code, message ?? code, at, (member.Failure?.Attempts ?? 0) + 1) });
        return Result.Success;
    }

    /// <summary>
    /// 重新发起: the lead department may file again only a member that failed to start, is not blocked, and
    /// whose predecessors all have their result.
    /// </summary>
    public Result MayRetry(string key)
    {
        var member = Members.FirstOrDefault(m => m.Key == key);
        if (member is null)
        {
            return new NotFound("bundle-case.member-unknown", key ?? "");
        }

        if (member.Started || member.Blocked || member.Failure is null)
        {
            return new Conflict("bundle-case.retry-not-failed", key);
        }

        return member.After.All(a => Member(a).HasResult) ? Result.Success : new Conflict("bundle-case.retry-waiting", key);
    }

    /// <summary>Members that could not be filed and still wait to be.</summary>
    public IReadOnlyList<BundleCaseMember> MembersFailedToStart() => [.. Members.Where(m => m is { Started: false, Blocked: false, Failure: not null })];

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
