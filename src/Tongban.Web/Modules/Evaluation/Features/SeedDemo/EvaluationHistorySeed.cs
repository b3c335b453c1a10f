using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Modules.Identity;
using Tongban.Platform;
using Tongban.Platform.Demo;

namespace Tongban.Modules.Evaluation.Features.SeedDemo;

/// <summary>
/// The demo city's 好差评 history, for the cases its history finished: each 办结 sent its invitation then; most applicants
/// rated within the active period, mostly 非常满意 or 满意, a few late, and the rest got the default once its day passed
/// (recent ones still wait). A 差评 opened its 差评整改 work order, which moved on through 回访, 整改, the rater's
/// confirmation and the supervisor's check as far as its own timeline reached by now, so some are closed and some are still
/// open (the old open ones overdue). Drawn from the history's fixed seed; skipped when any invitation exists.
/// </summary>
internal sealed partial class EvaluationHistorySeed(
    EvaluationStore store, ICaseDirectory cases, IPeopleDirectory people, IStaffDirectory staff, EvaluationPolicy policy, WorkingCalendar calendar,
    CityClock clock, IOptions<DemoHistoryOptions> options, ILogger<EvaluationHistorySeed> logger) : IDemoSeed
{
    private static readonly string[] GoodTags = ["办事效率高", "服务态度好", "材料要求清楚"];
    private static readonly string[] BadTags = ["等候时间长", "多次跑动", "材料要求不清", "态度不好", "系统操作不便"];
    private static readonly RatingChannel[] Channels = [RatingChannel.SmsLink, RatingChannel.SmsLink, RatingChannel.Web, RatingChannel.Mobile, RatingChannel.WindowPad];

    public int Order => 42;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await store.Invitations.AnyAsync(cancellationToken))
        {
            return;
        }

        // The demo citizens have accounts (their ratings are real-name and visited back); the history's others rate by the SMS link.
        var accounts = new Dictionary<string, (Guid Account, string? Phone)>(StringComparer.Ordinal);
        foreach (var citizen in DemoCity.Citizens)
        {
            var id = DemoCity.IdNumberFor(citizen);
            if (await people.FindApplicantAccountAsync(id, null, null, cancellationToken) is { } account)
            {
                accounts[id.Value] = (account, citizen.Phone);
            }
        }

        var supervisor = (await staff.FindAsync("SN-SUPERVISOR", cancellationToken))?.AccountId ?? Guid.Empty;
        var handlers = new Dictionary<Guid, Guid>();
        var random = new Random(DemoHistoryOptions.RandomSeed + 1);
        var now = clock.UtcNow;
        var finished = await cases.CompletedBetweenAsync(clock.StartOf(options.Value.FirstDay(clock.Today)), now, cancellationToken);
        var (rated, defaulted, orders) = (0, 0, 0);
        foreach (var summary in finished)
        {
            var completedAt = summary.CompletedAt!.Value;
            var scope = new RatingScope(summary.Region, summary.DepartmentId, summary.ImplementationCode, ClerkId: summary.AcceptedBy);
            var holder = summary.Applicant.IdNumber is { } idNumber && accounts.TryGetValue(idNumber.Value, out var known) ? known : ((Guid Account, string? Phone)?)null;
            var invitation = RatingInvitation.Send(summary.Number, RatingStage.Completion, scope, holder?.Account ?? Guid.Empty, policy, calendar, clock.Zone, completedAt);
            store.Add(invitation);
            var draw = random.NextDouble();
            if (draw >= 0.85)
            {
                // Nobody rated: the reminder went out on its day (so the sweep does not send them all now), and the default once its day passed.
                if (invitation.ReminderDue(now))
                {
                    _ = invitation.Remind(invitation.RemindAt.AddMinutes(1));
                }

                if (invitation.DefaultDue(now) && invitation.ApplyDefault(invitation.DefaultAt!.Value.AddMinutes(random.Next(1, 120))).TryGet(out var fallback, out _))
                {
                    store.Add(fallback);
                    defaulted++;
                }

                continue;
            }

            // Rated within the active period, one in twenty later (before the default).
            var ratedAt = draw < 0.81
                ? completedAt + ((invitation.ActiveBy - completedAt) * random.NextDouble())
                : invitation.ActiveBy + (((invitation.DefaultAt ?? invitation.ActiveBy.AddDays(7)) - invitation.ActiveBy) * random.NextDouble());
            if (ratedAt > now)
            {
                continue;
            }

            var level = Level(random.NextDouble());
            var bad = level <= 2;
            var tags = random.NextDouble() < (bad ? 1 : 0.5) ? [(bad ? BadTags : GoodTags)[random.Next(bad ? BadTags.Length : GoodTags.Length)]] : Array.Empty<string>();
            var rater = holder is { } h ? new Rater(h.Account, summary.Applicant.Name, h.Phone) : new Rater(null, summary.Applicant.Name, null);
            if (!Rating.Give(RatingSubject.Case(summary.Number), RatingStage.Completion, scope with { }, level, tags, bad ? "希望缩短办理时间，减少跑动。" : null,
                Channels[random.Next(Channels.Length)], rater, ratedAt).TryGet(out var rating, out _) || !invitation.Answered(rating).IsSuccess)
            {
                continue;
            }

            store.Add(rating);
            rated++;
            if (bad && Rectification.Open(rating, policy, calendar, clock.Zone, ratedAt).TryGet(out var order, out _))
            {
                if (!handlers.TryGetValue(summary.DepartmentId, out var handler))
                {
                    handlers[summary.DepartmentId] = handler = (await staff.InDepartmentAsync(summary.DepartmentId, Role.Approver, cancellationToken)).FirstOrDefault()?.AccountId ?? summary.DepartmentId;
                }

                Progress(order, random, handler, supervisor, ratedAt, now);
                store.Add(order);
                orders++;
            }

            if ((rated + defaulted) % 500 == 0)
            {
                await store.SaveChangesAsync(cancellationToken);
            }
        }

        await store.SaveChangesAsync(cancellationToken);
        LogSeeded(logger, finished.Count, rated, defaulted, orders);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history: {Invitations} rating invitations, {Rated} ratings, {Defaulted} defaults, {Orders} 差评整改 work orders")]
    private static partial void LogSeeded(ILogger logger, int invitations, int rated, int defaulted, int orders);

    /// <summary>Mostly 非常满意 and 满意; one in twenty a 差评.</summary>
    private static int Level(double draw) => draw switch
    {
        < 0.70 => 5,
        < 0.88 => 4,
        < 0.95 => 3,
        < 0.98 => 2,
        _ => 1,
    };

    /// <summary>
    /// Moves a work order on to the state its draw aims at (open, visited, rectified, confirmed or closed), one step every
    /// working day or two, stopping at now: the most closed, the rest in every earlier state.
    /// </summary>
    private void Progress(Rectification order, Random random, Guid handler, Guid supervisor, DateTimeOffset openedAt, DateTimeOffset now)
    {
        var aim = random.NextDouble() switch
        {
            < 0.15 => 0,
            < 0.25 => 1,
            < 0.35 => 2,
            _ => 4,
        };
        var at = openedAt;
        DateTimeOffset Next() => at = calendar.DeadlineFor(at, random.Next(1, 3), TimeLimitUnit.WorkingDays, clock.Zone).AddHours(-random.Next(2, 7));
        for (var step = 1; step <= aim && Next() <= now; step++)
        {
            var moved = step switch
            {
                1 => order.RealName ? order.ReturnVisit("电话回访申请人，了解不满意的原因。", handler, at) : order.Rectify("已优化窗口引导和办理流程，缩短等候时间。", handler, at),
                2 => order.RealName ? order.Rectify("已优化窗口引导和办理流程，缩短等候时间。", handler, at) : order.SupervisorChecks(true, "整改到位，办结。", supervisor, at),
                3 => order.RealName ? order.RaterConfirms(true, "认可整改", at) : Result.Success,
                _ => order.RealName ? order.SupervisorChecks(true, "整改到位，办结。", supervisor, at) : Result.Success,
            };
            if (!moved.IsSuccess)
            {
                return;
            }
        }
    }
}
