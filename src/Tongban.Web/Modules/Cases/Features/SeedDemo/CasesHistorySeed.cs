using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Documents;

namespace Tongban.Modules.Cases.Features.SeedDemo;

/// <summary>
/// The demo city's case history: <see cref="DemoHistoryOptions.Months"/> months of filings across the city's, 蓬溪县's,
/// 射洪市's and 船山区's items, online and at the halls' windows (综合窗口 mostly, 专窗 where the department has one), accepted
/// plainly, 容缺 or 告知承诺, handled through every step of the item's process by the department's staff, most in time and some
/// late, a few denied, then issued, delivered and 办结. Every case runs through the aggregate's own transitions at the instant
/// each happened, and a transition later than now is left for later: the recent ones are still in handling, some of them near
/// (yellow) or past (red) their promised deadline. Drawn from a fixed seed, dates relative to today; skipped when any case
/// has been finished already. All cases are saved through the store in one transaction.
/// </summary>
internal sealed partial class CasesHistorySeed(
    CaseStore cases, ICatalog catalog, IPeopleDirectory people, IStaffDirectory staff, IOrganisationDirectory organisation, IFileStore files,
    PdfDocumentWriter pdf, CityClock clock, WorkingCalendar calendar, IOptions<DemoHistoryOptions> options, ILogger<CasesHistorySeed> logger) : IDemoSeed
{
    /// <summary>The items filed, with their relative frequency: the high-frequency ones of the city plans more often.</summary>
    private static readonly (string Code, int Weight)[] Items =
    [
        ("11510900MB1A00036T3000126001000", 10), // 企业设立登记（市）
        ("11510900MB1A00036T3000126002000", 6),  // 食品经营许可（市）
        ("11510900MB1A00052G3000707001000", 8),  // 不动产转移登记
        ("11510900MB1A00052G3000707003000", 7),  // 不动产抵押登记
        ("11510900MB1A0008733002008001000", 6),  // 就业登记（市）
        ("11510900MB1A0008733002008002000", 5),  // 社会保障卡申领
        ("11510900MB1A00095X3002009001000", 6),  // 城乡居民医保参保登记
        ("11510900MB1A0002803000717001000", 4),  // 出生登记
        ("11510900MB1A0002803000117001000", 4),  // 机动车注册登记
        ("11510900MB1A00116E3000111002000", 3),  // 公共场所卫生许可
        ("11510900MB1A00116E3000111001000", 2),  // 医师执业注册
        ("11510900MB1A00060B3000106001000", 2),  // 建筑工程施工许可
        ("11510900MB1A00060B3000106002000", 2),  // 城镇污水排入排水管网许可
        ("11510900MB1A00060B3000106003000", 2),  // 户外招牌设置审批
        ("11510900MB1A0008733000708001000", 3),  // 单位社会保险登记
        ("11510900MB1A0007983002019001000", 3),  // 新办纳税人涉税事项
        ("11510900MB1A00044M3000104003000", 1),  // 建设用地规划许可
        ("11510921MB1C00011U4000126001000", 5),  // 企业设立登记（蓬溪县）
        ("11510921MB1C00011U4000126002000", 4),  // 食品经营许可（蓬溪县）
        ("11510921MB1C0002XK4000717001000", 3),  // 出生登记（蓬溪县）
        ("11510981MB1D0002094000117002000", 3),  // 特种行业许可（射洪市）
        ("11510981MB1D00012E4000126002000", 4),  // 食品经营许可（射洪市）
        ("11510903MB1B0002914002008001000", 5),  // 就业登记（船山区）
        ("11510904MB1E00013K4000126002000", 3),  // 食品经营许可（安居区）
        ("11510923MB1F00014R4000126002000", 3),  // 食品经营许可（大英县）
    ];

    /// <summary>
    /// The hall receiving an item's window filings (船山区's are received at the city's) and its clerks. 安居区 and 大英县 have no
    /// hall in the demo city: their items are filed online and accepted by the department.
    /// </summary>
    private static readonly Dictionary<string, (Guid Hall, string[] Clerks)> Halls = new(StringComparer.Ordinal)
    {
        ["510900000000"] = (DemoCity.CityHall, ["SN-CLERK", "SN-CLERK-2"]),
        ["510903000000"] = (DemoCity.CityHall, ["SN-CLERK", "SN-CLERK-2"]),
        ["510921000000"] = (DemoCity.PengxiHall, ["PX-CLERK"]),
        ["510981000000"] = (DemoCity.ShehongHall, ["SH-CLERK"]),
    };

    private static readonly string[] CountyAreas = ["510903", "510904", "510921", "510923", "510981"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "唐", "蒋"];
    private static readonly string[] GivenNames = ["建国", "秀兰", "志强", "丽娟", "海燕", "明", "静", "磊", "婷", "洋", "芳", "军", "红梅", "小龙", "文华", "佳怡", "子涵", "浩然", "雪", "德明"];
    private static readonly string[] Trades = ["商贸", "餐饮", "科技", "建筑", "物流", "农业", "食品", "文化"];

    public int Order => 41;

    private CaseStore Cases => cases;

    private WorkingCalendar Calendar => calendar;

    private TimeZoneInfo Zone => clock.Zone;

    private ILogger Logger => logger;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await cases.Cases.AnyAsync(c => c.CompletedAt != null, cancellationToken))
        {
            return;
        }

        var random = new Random(DemoHistoryOptions.RandomSeed);
        var items = new List<(PublishedImplementation Item, int Weight)>();
        foreach (var (code, weight) in Items)
        {
            if (await catalog.FindPublishedAsync(ImplementationCode.FromTrusted(code), null, cancellationToken) is { } item)
            {
                items.Add((item, weight));
            }
        }

        var clerks = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var employeeId in Halls.Values.SelectMany(h => h.Clerks).Distinct())
        {
            if (await staff.FindAsync(employeeId, cancellationToken) is { } profile)
            {
                clerks[employeeId] = profile.AccountId;
            }
        }

        // The department's approvers handle its back-office steps; a department without demo staff signs with its own id.
        var approvers = new Dictionary<Guid, Guid[]>();
        foreach (var department in items.Select(i => i.Item.DepartmentId).Distinct())
        {
            var found = await staff.InDepartmentAsync(department, Role.Approver, cancellationToken);
            approvers[department] = found.Count > 0 ? [.. found.Select(a => a.AccountId)] : [department];
        }

        var windows = new Dictionary<Guid, IReadOnlyList<WindowSummary>>();
        foreach (var hall in Halls.Values.Select(h => h.Hall).Distinct())
        {
            windows[hall] = await organisation.WindowsOfAsync(hall, cancellationToken);
        }

        var citizens = new List<(IdNumber IdNumber, string Name, Guid Account)>();
        foreach (var seed in DemoCity.Citizens)
        {
            var id = DemoCity.IdNumberFor(seed);
            if (await people.FindApplicantAccountAsync(id, null, null, cancellationToken) is { } account)
            {
                citizens.Add((id, seed.Name, account));
            }
        }

        var scan = await ScanAsync(cancellationToken);
        var now = clock.UtcNow;
        var history = new History(this, random, items, clerks, approvers, windows, citizens, scan, now);
        await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
        var workingDays = WorkingDays(options.Value.FirstDay(clock.Today), clock.Today);
        var filed = 0;
        var failed = 0;
        var unsaved = 0;
        foreach (var day in workingDays)
        {
            var count = Math.Max(0, options.Value.CasesPerWorkingDay + random.Next(-4, 5));
            foreach (var minute in Enumerable.Range(0, count).Select(_ => random.Next(0, 7 * 60)).Order())
            {
                var at = At(day, 9, minute);
                if (at > now)
                {
                    break;
                }

                if (await history.FileAsync(day, at, cancellationToken) is { } @case)
                {
                    // Not counted into the items' usage: the catalog's demo seed already gives every item its twelve months of it.
                    cases.Add(@case);
                    filed++;
                    unsaved++;
                }
                else
                {
                    failed++;
                }
            }

            // Saved in batches inside the one transaction: all or nothing, without one save carrying thousands of cases.
            if (unsaved >= 500)
            {
                await cases.SaveChangesAsync(cancellationToken);
                unsaved = 0;
            }
        }

        await cases.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, filed, workingDays.Count, failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history: {Cases} cases over {Days} working days ({Failed} draws left out)")]
    private static partial void LogSeeded(ILogger logger, int cases, int days, int failed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo history: a draw of {Item} left out: {Code}")]
    private static partial void LogLeftOut(ILogger logger, string item, string code);

    private List<DateOnly> WorkingDays(DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    /// <summary>The instant of a city-local time (<paramref name="minutes"/> may run past the hour).</summary>
    private DateTimeOffset At(DateOnly day, int hour, int minutes) => clock.InstantOf(day, new TimeOnly(hour, 0)).AddMinutes(minutes);

    private DateOnly DayOf(DateTimeOffset instant) => clock.DayOf(instant);

    /// <summary>One scanned page every history case's paper materials point to.</summary>
    private Task<FileReference> ScanAsync(CancellationToken cancellationToken) =>
        DemoScan.SaveAsync(pdf, files, "演示材料", "演示城市的历史办件材料（扫描件）", cancellationToken);

    /// <summary>The draws and the walk of one case through its life, up to now.</summary>
    private sealed class History(
        CasesHistorySeed seed, Random random, List<(PublishedImplementation Item, int Weight)> items, Dictionary<string, Guid> clerks, Dictionary<Guid, Guid[]> approvers,
        Dictionary<Guid, IReadOnlyList<WindowSummary>> windows, List<(IdNumber IdNumber, string Name, Guid Account)> citizens, FileReference scan, DateTimeOffset now)
    {
        private readonly int _totalWeight = items.Sum(i => i.Weight);
        private int _serial;
        private string? _failure;

        /// <summary>Files one case at <paramref name="at"/> and moves it on as far as its timeline reached by now; null when a transition refused the draw.</summary>
        public async Task<Case?> FileAsync(DateOnly day, DateTimeOffset at, CancellationToken cancellationToken)
        {
            _failure = null;
            var item = Pick();
            var content = item.Content;
            var (applicant, account) = ApplicantFor(content);
            var hasHall = Halls.TryGetValue(item.Region.Value, out var intake);
            var atWindow = hasHall && content.OnlineDepth switch
            {
                OnlineDepth.FullyOnline => random.NextDouble() < 0.3,
                OnlineDepth.PreReview => random.NextDouble() < 0.55,
                _ => true,
            };
            var clerk = hasHall
                ? new CaseActor(clerks.GetValueOrDefault(intake.Clerks[random.Next(intake.Clerks.Length)]), nameof(Role.WindowClerk))
                : StepActor(item.DepartmentId, nameof(Role.WindowClerk));
            var hall = intake.Hall;
            var filer = atWindow ? clerk : CaseActor.Applicant(account);
            var channel = atWindow ? CaseChannel.Window : random.NextDouble() < 0.75 ? CaseChannel.Web : CaseChannel.MobileApi;
            var implementation = new ImplementationRef(item.Code, item.Version, item.DepartmentId, item.Region) { FullyOnline = content.OnlineDepth == OnlineDepth.FullyOnline };
            if (!Ok(Case.StartDraft(Guid.CreateVersion7(), implementation, applicant, channel, filer, at), out var @case)
                || !Ok(MaterialList.For(content, new Dictionary<string, string>()), out var materials))
            {
                return Failed(item);
            }

            if (atWindow && !Ok(@case.ReceiveAtWindow(hall, WindowKindFor(hall, item.DepartmentId))))
            {
                return Failed(item);
            }

            // How it will be accepted: 告知承诺 replaces a proof, 容缺 leaves a non-key material for later.
            var required = materials.Where(m => m.Necessity == MaterialNecessity.Required).ToList();
            var promised = content.PromisedLimit;
            var committed = content.CommitmentAllowed && !content.PublicSafety && random.NextDouble() < 0.3
                ? required.FirstOrDefault(m => m.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment))
                : null;
            var deferred = committed is null && promised.Unit == TimeLimitUnit.WorkingDays && promised.Amount >= 3 && random.NextDouble() < 0.35
                ? required.FirstOrDefault(m => m.DeficiencyAllowed)
                : null;
            foreach (var material in required)
            {
                var provided = material == committed ? CaseMaterial.Commitment(material.Key, "本人承诺所提交的信息真实有效，并按承诺的期限补齐相关证明。")
                    : material == deferred ? CaseMaterial.Missing(material.Key)
                    : Scanned(material);
                if (!Ok(provided, out var value) || !Ok(@case.ProvideMaterial(value, at)))
                {
                    return Failed(item);
                }
            }

            if (!Ok(await seed.Cases.NextNumberAsync(item.Code, day, cancellationToken), out var number)
                || !Ok(@case.Submit(number, ApplicationAssembly.SpecsOf(materials), filer, at)))
            {
                return Failed(item);
            }

            // Intake: at once at the window, within the day (or the next working day) for an online filing.
            var acceptedAt = atWindow ? at.AddMinutes(random.Next(5, 40)) : Later(at, random.Next(0, 2), 9 + random.Next(0, 7));
            if (acceptedAt > now)
            {
                return @case;
            }

            var terms = CaseTermsOf.From(content);
            var accepted = committed is not null
                ? @case.AcceptUnderCommitment(terms, ApplicantStanding.Good, "申请人书面承诺符合许可条件，承诺的证明以告知承诺书代替。", clerk, acceptedAt, seed.Calendar, seed.Zone)
                : deferred is not null
                    ? @case.AcceptWithDeficiency(terms, "申请人承诺在期限内补齐容缺材料。", CaseTimeLimit.WorkingDays(2), clerk, acceptedAt, seed.Calendar, seed.Zone)
                    : @case.Accept(terms, clerk, acceptedAt, seed.Calendar, seed.Zone);
            if (!Ok(accepted))
            {
                return Failed(item);
            }

            // The handling time: most within the promised limit, one in ten past it.
            var limit = promised.Unit == TimeLimitUnit.NaturalDays ? Math.Max(1, promised.Amount * 5 / 7) : promised.Amount;
            var late = random.NextDouble() < 0.1;
            var handlingDays = late ? limit + random.Next(1, 5) : random.Next(limit / 3, limit + 1);
            handlingDays = Math.Max(handlingDays, deferred is null ? 0 : 2);
            var decidedAt = Later(acceptedAt, handlingDays, 10 + random.Next(0, 6));
            if (decidedAt <= acceptedAt)
            {
                decidedAt = acceptedAt.AddMinutes(random.Next(10, 50));
            }

            if (deferred is not null)
            {
                var supplied = Later(acceptedAt, 1, 10);
                if (supplied > now)
                {
                    return @case;
                }

                if (!Ok(Scanned(deferred), out var owed)
                    || !Ok(@case.SupplementDeficiency([owed], CaseActor.Applicant(account), supplied)))
                {
                    return Failed(item);
                }
            }

            // Every back-office step in turn, spread between acceptance and the decision.
            for (var round = 1; @case.Steps.FirstOrDefault(s => s.Status == CaseStepStatus.Active) is { } step; round++)
            {
                var stepAt = acceptedAt + ((decidedAt - acceptedAt) * round / (@case.Steps.Count + 1));
                if (stepAt > now)
                {
                    return @case;
                }

                if (round > 20 || !Ok(@case.ApproveStep(step.Key, StepActor(item.DepartmentId, step.Role), stepAt, "符合条件，同意")))
                {
                    return Failed(item);
                }
            }

            if (decidedAt > now)
            {
                return @case;
            }

            var decider = StepActor(item.DepartmentId, nameof(Role.Approver));
            var denied = random.NextDouble() < 0.03;
            if (!Ok(@case.Decide(denied ? CaseDecision.Deny("申请材料与实际情况不符，经核查不符合法定条件。", "《中华人民共和国行政许可法》第三十八条") : CaseDecision.Approve("准予许可"), decider, decidedAt)))
            {
                return Failed(item);
            }

            if (!denied && !Ok(@case.RecordIssue(new CaseIssuance($"DOC-{number.Value[^12..]}-{++_serial:D5}", null), decider, decidedAt.AddMinutes(20))))
            {
                return Failed(item);
            }

            // The result handed over: electronic for a 全程网办 item, collected at the window for most walk-ins.
            var deliveredAt = Later(decidedAt, random.Next(0, 2), 9 + random.Next(0, 7));
            if (deliveredAt > now)
            {
                return @case;
            }

            var delivery = @case.FullyOnline || (!atWindow && random.NextDouble() < 0.7) ? CaseDelivery.Electronically()
                : atWindow && random.NextDouble() < 0.7 ? CaseDelivery.WindowPickup(random.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : CaseDelivery.ByPost(applicant.Name + "（申请人地址）", "中国邮政 EMS", "EMS" + random.Next(10000000, 99999999).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var delivered = deliveredAt <= decidedAt ? decidedAt.AddMinutes(40) : deliveredAt;
            if (!Ok(@case.Deliver(delivery, atWindow ? clerk : decider, delivered)) || !Ok(@case.Complete(decider, delivered.AddMinutes(5))))
            {
                return Failed(item);
            }

            return @case;
        }

        /// <summary>The shared scan, named after the material.</summary>
        private Result<CaseMaterial> Scanned(MaterialRequirement material) =>
            FileReference.Create(scan.StorageKey, scan.Sha256, scan.Size, scan.ContentType, material.Name + ".pdf").TryGet(out var file, out var error)
                ? CaseMaterial.Uploaded(material.Key, file)
                : error;

        private PublishedImplementation Pick()
        {
            var draw = random.Next(_totalWeight);
            foreach (var (item, weight) in items)
            {
                if ((draw -= weight) < 0)
                {
                    return item;
                }
            }

            return items[^1].Item;
        }

        /// <summary>A demo citizen now and then (their pages then show history), otherwise someone of the city or an enterprise.</summary>
        private (Applicant Applicant, Guid Account) ApplicantFor(ImplementationContent content)
        {
            var area = CountyAreas[random.Next(CountyAreas.Length)];
            var account = new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]);
            if (content.Audience == Audience.LegalPerson || (content.Audience == Audience.Both && random.NextDouble() < 0.3))
            {
                var body = "MA6H" + random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var name = $"遂宁{GivenNames[random.Next(GivenNames.Length)]}{Trades[random.Next(Trades.Length)]}有限公司";
                return (Applicant.Organisation(DemoCity.UsccFor("91", area + "000000", body), name).Value, account);
            }

            if (citizens.Count > 0 && random.NextDouble() < 0.08)
            {
                // A new value each time: each case owns its applicant record.
                var (idNumber, citizen, citizenAccount) = citizens[random.Next(citizens.Count)];
                return (Applicant.Person(idNumber, citizen).Value, citizenAccount);
            }

            var born = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 52));
            var first17 = area + born.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                + random.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var person = $"{Surnames[random.Next(Surnames.Length)]}{GivenNames[random.Next(GivenNames.Length)]}";
            return (Applicant.Person(IdNumber.FromTrusted(first17 + IdNumber.ComputeCheck(first17)), person).Value, account);
        }

        /// <summary>The department's 专窗 in the hall for two in three of its walk-ins when it has one; otherwise a 综合窗口.</summary>
        private WindowKind WindowKindFor(Guid hall, Guid department) =>
            windows[hall].Any(w => w.Kind == WindowKind.Dedicated && w.DepartmentId == department) && random.NextDouble() < 0.67
                ? WindowKind.Dedicated
                : WindowKind.Comprehensive;

        private CaseActor StepActor(Guid department, string role) => new(approvers[department][random.Next(approvers[department].Length)], role);

        /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="from"/>'s day, at that hour.</summary>
        private DateTimeOffset Later(DateTimeOffset from, int workingDays, int hour)
        {
            var day = seed.DayOf(from);
            var next = workingDays == 0 ? day : seed.Calendar.AddWorkingDays(day, workingDays);
            var at = seed.At(next, hour, random.Next(0, 60));
            return at > from ? at : from.AddMinutes(random.Next(10, 60));
        }

        private bool Ok(Result result)
        {
            _failure ??= result.IsSuccess ? null : result.Error!.Code;
            return result.IsSuccess;
        }

        private bool Ok<T>(Result<T> result, out T value)
        {
            if (result.TryGet(out value!, out var error))
            {
                return true;
            }

            _failure ??= error.Code;
            return false;
        }

        private Case? Failed(PublishedImplementation item)
        {
            LogLeftOut(seed.Logger, item.Content.Name, _failure ?? "");
            return null;
        }
    }
}
