using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.ListIntakeQueue;

/// <summary>One case in the window queue; the applicant's ID number masked.</summary>
/// <param name="PastIntakeDeadline">逾期未处理，依法视为受理: the 5 working days passed without a decision.</param>
public sealed record IntakeQueueEntry(
    string CaseNumber, string ItemName, string ApplicantName, string ApplicantIdentifier, string Channel, string ChannelName,
    DateTimeOffset ReceivedAt, DateTimeOffset IntakeDeadline, bool PastIntakeDeadline, DateTimeOffset? CorrectionRequestedAt, int Version,
    bool RemoteIntake = false, string? Status = null);

/// <summary>The oldest entries of each list (<see cref="ListIntakeQueueHandler.PageSize"/> at most) and how many there are in all.</summary>
/// <param name="ReceivedForOthers">代收件: cases this region's halls received for another region's competent authority (收受分离), newest first, read-only here.</param>
public sealed record IntakeQueue(IReadOnlyList<IntakeQueueEntry> AwaitingIntake, int AwaitingIntakeTotal, IReadOnlyList<IntakeQueueEntry> AwaitingCorrection, int AwaitingCorrectionTotal,
    IReadOnlyList<IntakeQueueEntry>? ReceivedForOthers = null);

/// <summary>
/// 综合窗口 queue: the cases in the clerk's region awaiting intake (online submissions and walk-ins
/// alike, oldest first, each with its 5-working-day intake deadline and a flag once it passed) and
/// those awaiting the applicant's correction. Filters and sorts on (region_code, status, received_at),
/// the cases index, and shows the oldest page (bounded) with the totals.
/// </summary>
public sealed class ListIntakeQueueHandler(CaseStore cases, CaseAccess access, ICatalog catalog, AuditTrail audit)
{
    public const int PageSize = 50;

    public async Task<Result<IntakeQueue>> HandleAsync(CancellationToken cancellationToken)
    {
        var user = access.User;
        if (!user.IsStaff || !user.HasAnyRole(Role.WindowClerk, Role.PlatformAdmin))
        {
            return new Forbidden("cases.intake-clerks-only");
        }

        var (awaiting, awaitingTotal) = await ListAsync(CaseStatus.Submitted, cancellationToken);
        var (correcting, correctingTotal) = await ListAsync(CaseStatus.AwaitingCorrection, cancellationToken);
        var receivedForOthers = await ReceivedForOthersAsync(cancellationToken);
        var names = new Dictionary<(ImplementationCode, int), string>();
        foreach (var key in awaiting.Concat(correcting).Concat(receivedForOthers).Select(c => (c.ImplementationCode, c.ImplementationVersion)).Distinct())
        {
            names[key] = (await catalog.FindPublishedAsync(key.ImplementationCode, key.ImplementationVersion, cancellationToken))?.Content.Name ?? key.ImplementationCode.Value;
        }

        // The list shows applicants' names and masked IDs: a read of personal data.
        audit.Record("cases.intake-queue", nameof(Case), user.Scope?.Region.Value ?? "all", after: new { shown = awaiting.Count + correcting.Count });
        await cases.SaveChangesAsync(cancellationToken);
        return new IntakeQueue(
            [.. awaiting.Select(c => EntryOf(c, names))], awaitingTotal,
            [.. correcting.Select(c => EntryOf(c, names))], correctingTotal,
            [.. receivedForOthers.Select(c => EntryOf(c, names))]);
    }

    /// <summary>How a channel reads in the queue: online (web, mobile app), at the window, at a self-service kiosk.</summary>
    public static string ChannelName(CaseChannel channel) => channel switch
    {
        CaseChannel.Web => "网上申报",
        CaseChannel.MobileApi => "移动端申报",
        CaseChannel.Window => "窗口收件",
        CaseChannel.KioskApi => "自助终端",
    };

    private async Task<(List<Case> Page, int Total)> ListAsync(CaseStatus status, CancellationToken cancellationToken)
    {
        var query = cases.Cases.AsNoTracking().Where(c => c.Status == status);
        if (!access.User.IsPlatformAdmin)
        {
            query = access.User.Scope is { } scope ? query.Within(c => c.RegionCode, scope.Region) : query.Where(_ => false);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).Take(PageSize).ToListAsync(cancellationToken);
        return (page, total);
    }

    /// <summary>代收件: received in the clerk's region for a competent authority outside it (on (received_in_region, received_at)).</summary>
    private async Task<List<Case>> ReceivedForOthersAsync(CancellationToken cancellationToken)
    {
        if (access.User.Scope is not { } scope || access.User.IsPlatformAdmin)
        {
            return [];
        }

        var received = await cases.Cases.AsNoTracking().Where(c => c.ReceivedInRegion != null).Within(c => c.ReceivedInRegion, scope.Region)
            .OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Take(PageSize).ToListAsync(cancellationToken);
        return [.. received.Where(c => !scope.CoversRegion(c.RegionCode))];
    }

    private IntakeQueueEntry EntryOf(Case c, Dictionary<(ImplementationCode, int), string> names)
    {
        var identifier = c.Applicant.Kind == ApplicantKind.LegalPerson ? c.Applicant.Identifier : c.Applicant.IdNumber!.Value.Masked;
        return new IntakeQueueEntry(
            c.Number!.Value.Value, names[(c.ImplementationCode, c.ImplementationVersion)], c.Applicant.Name, identifier, c.Channel.ToString(), ChannelName(c.Channel),
            c.ReceivedAt!.Value, c.IntakeDeadline(access.Calendar, access.Zone)!.Value, c.Status == CaseStatus.Submitted && c.IsDeemedAccepted(access.Now, access.Calendar, access.Zone),
            c.CorrectionRequestedAt, c.Version, c.RemoteIntake is not null, CaseNames.Of(c.Status));
    }
}

/// <summary>GET /api/v1/intake/queue.</summary>
public static class ListIntakeQueueApi
{
    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/intake/queue", HandleAsync)
            .WithName("ListIntakeQueue")
            .WithSummary("The window's intake queue (综合窗口)")
            .WithDescription("Window clerks: the cases in their region awaiting intake, oldest first (number, item, applicant with masked ID, channel, received time, "
                + "the 5-working-day intake deadline and pastIntakeDeadline once it passed: 逾期未处理，依法视为受理), and the cases awaiting the applicant's correction. "
                + $"Each list holds its oldest {ListIntakeQueueHandler.PageSize} cases with the total. Entries received at another region's hall (收受分离) have remoteIntake true (异地代收). "
                + "receivedForOthers (代收件): the newest cases this region's halls received for another region's competent authority, with their status; open them read-only at GET /api/v1/cases/{caseNumber}. 403 for other staff.")
            .Produces<IntakeQueue>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<IntakeQueue>, ProblemHttpResult>> HandleAsync(ListIntakeQueueHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(cancellationToken)).ToOkOrProblem();
}
