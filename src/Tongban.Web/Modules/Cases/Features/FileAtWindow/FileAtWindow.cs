using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Catalog;
using Tongban.Modules.Organisation;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.FileAtWindow;

/// <summary>POST /api/v1/cases plus the walk-in applicant and, for 帮办代办, for whom and their consent.</summary>
public sealed record WindowApplicationRequest(
    string ImplementationCode,
    IReadOnlyDictionary<string, string>? Answers,
    IReadOnlyDictionary<string, string>? FormValues,
    IReadOnlyList<MaterialInput>? Materials,
    string ApplicantIdentifier,
    string? OnBehalfOf = null,
    string? ConsentText = null,
    string? ConsentReference = null,
    bool? IdentityChecked = null,
    string? ResultDelivery = null,
    string? PostAddress = null,
    Guid? ReceivingHallId = null,
    Guid? WindowId = null);

/// <summary>
/// 窗口收件 / 帮办代办: a window clerk files for a walk-in applicant found in the directory; the case is
/// filed by the clerk through the Window channel and received like any other (it joins the intake queue).
/// With <c>onBehalfOf</c> the case records for whom the clerk filed and the person's consent.
/// <para>
/// 收受分离: when the item's competent region lies outside the clerk's region, the item's service scope
/// (全市/全省/跨省通办) must reach the clerk's hall, or the filing is refused and nothing is stored. The
/// case then carries the <see cref="RemoteIntake"/> record (hall, region, clerk, identity checked, result
/// delivery) and goes to the competent authority's intake queue; both sides' actions are audited.
/// </para>
/// </summary>
public sealed class FileAtWindowHandler(SubmitApplicationHandler submit, CurrentUser user, ICatalog catalog, IOrganisationDirectory organisation, AuditTrail audit, TongbanDbContext db)
{
    /// <summary>The API, under its Idempotency-Key.</summary>
    public Task<Result<SubmittedCase>> HandleAsync(WindowApplicationRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        FileAsync(request, (application, filing) => submit.HandleAsync(application, filing, idempotencyKey, cancellationToken));

    /// <summary>The window page, under its form's one-time token.</summary>
    public Task<Result<SubmittedCase>> HandleFormAsync(WindowApplicationRequest request, string formToken, CancellationToken cancellationToken) =>
        FileAsync(request, (application, filing) => submit.HandleFormAsync(application, filing, formToken, cancellationToken));

    private async Task<Result<SubmittedCase>> FileAsync(WindowApplicationRequest request, Func<ApplicationRequest, Filing, Task<Result<SubmittedCase>>> submitted)
    {
        if (!user.IsStaff || !user.HasAnyRole(Role.WindowClerk, Role.PlatformAdmin))
        {
            return new Forbidden("cases.window-clerks-only");
        }

        if (!(await RemoteIntakeForAsync(request)).TryGet(out var remote, out var remoteError))
        {
            return remoteError;
        }

        if (!(await IntakeWindowAsync(request, remote.Intake)).TryGet(out var intakeWindow, out var windowError))
        {
            return windowError;
        }

        var (hallId, windowKind) = intakeWindow;
        var window = new WindowFiling(request.ApplicantIdentifier, string.IsNullOrWhiteSpace(request.OnBehalfOf) ? null : request.OnBehalfOf, request.ConsentText, request.ConsentReference, remote.Intake,
            hallId, windowKind);
        var application = new ApplicationRequest(request.ImplementationCode, request.Answers, request.FormValues, request.Materials);
        var result = await submitted(application, new Filing(CaseChannel.Window, Window: window, Prefill: true));
        if (result.TryGet(out var filed, out _) && remote.Intake is { } intake)
        {
            // The receiving side's part: who received where, for whom, handed over to which authority.
            audit.Record("cases.remote-intake", nameof(Case), filed.CaseNumber, after: new
            {
                receivingHall = intake.ReceivingHallName,
                receivingRegion = intake.ReceivingRegion,
                competentRegion = remote.CompetentRegion,
                competentDepartment = remote.CompetentDepartment,
                identityChecked = intake.IdentityChecked,
                resultDelivery = intake.ResultDelivery.ToString(),
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return result;
    }

    /// <summary>
    /// Where the clerk receives: the 收受分离 receiving hall, else the hall of the window the clerk picked, else the
    /// first hall of the clerk's region. The window kind is the picked window's; without one, the clerk's usual window
    /// (<see cref="WindowsForClerkAsync"/>) decides. A picked window outside the clerk's halls is refused.
    /// </summary>
    private async Task<Result<(Guid? HallId, WindowKind Kind)>> IntakeWindowAsync(WindowApplicationRequest request, RemoteIntake? remote)
    {
        var (windows, usual) = await WindowsForClerkAsync();
        if (request.WindowId is { } wanted)
        {
            return windows.FirstOrDefault(w => w.Id == wanted) is { } picked
                ? (remote?.ReceivingHallId ?? picked.HallId, picked.Kind)
                : new Invalid("cases.window-unknown") { Field = "windowId" };
        }

        if (user.Scope is not { } scope)
        {
            return (remote?.ReceivingHallId, WindowKind.Comprehensive);
        }

        var hallId = remote?.ReceivingHallId ?? (await organisation.HallsOfAsync(scope.Region, CancellationToken.None)).FirstOrDefault()?.Id;
        return (hallId, windows.Any(w => w.HallId == hallId && IsDepartmentsOwn(w, scope)) ? WindowKind.Dedicated : WindowKind.Comprehensive);
    }

    /// <summary>
    /// The windows of the halls of the clerk's region (by hall, then number) and the one the clerk usually sits at: a 专窗
    /// of the clerk's department in the region's first hall, else that hall's first 综合窗口 (无差别受理); none without halls.
    /// </summary>
    public async Task<(IReadOnlyList<WindowSummary> Windows, WindowSummary? Usual)> WindowsForClerkAsync()
    {
        if (user.Scope is not { } scope)
        {
            return ([], null);
        }

        var halls = await organisation.HallsOfAsync(scope.Region, CancellationToken.None);
        var windows = new List<WindowSummary>();
        foreach (var hall in halls)
        {
            windows.AddRange(await organisation.WindowsOfAsync(hall.Id, CancellationToken.None));
        }

        var atFirst = windows.Where(w => w.HallId == halls[0].Id).ToList();
        return (windows, atFirst.FirstOrDefault(w => IsDepartmentsOwn(w, scope)) ?? atFirst.FirstOrDefault(w => w.Kind == WindowKind.Comprehensive));
    }

    private static bool IsDepartmentsOwn(WindowSummary window, StaffScope scope) =>
        window.Kind == WindowKind.Dedicated && scope.DepartmentId is { } department && window.DepartmentId == department;

    /// <summary>The scope's reach as the Cases domain names it.</summary>
    public static IntakeReach ReachOf(ServiceScope scope) => scope switch
    {
        ServiceScope.Local => IntakeReach.Local,
        ServiceScope.CityWide => IntakeReach.City,
        ServiceScope.ProvinceWide => IntakeReach.Province,
        ServiceScope.CrossProvince => IntakeReach.Nationwide,
    };

    public static string ScopeName(ServiceScope scope) => scope switch
    {
        ServiceScope.Local => "本级办理事项",
        ServiceScope.CityWide => "全市通办事项",
        ServiceScope.ProvinceWide => "全省通办事项",
        ServiceScope.CrossProvince => "跨省通办事项",
    };

    /// <summary>
    /// Whether this filing is 收受分离 and its record: none when the clerk's region covers the competent one
    /// (or the item is unknown: submission answers that); refused when the item's scope does not reach the clerk's hall.
    /// </summary>
    public async Task<Result<(RemoteIntake? Intake, string? CompetentRegion, string? CompetentDepartment)>> RemoteIntakeForAsync(WindowApplicationRequest request)
    {
        var none = Result<(RemoteIntake?, string?, string?)>.Success((null, null, null));
        if (user.IsPlatformAdmin || user.Scope is not { } scope || !ImplementationCode.Parse(request.ImplementationCode ?? "").TryGet(out var code, out _)
            || await catalog.FindPublishedAsync(code, null, CancellationToken.None) is not { } item || scope.CoversRegion(item.Region))
        {
            return none;
        }

        var receiving = scope.Region;
        var receivingName = (await organisation.FindRegionAsync(receiving, CancellationToken.None))?.Name ?? receiving.Value;
        if (!CrossRegion.MayReceive(ReachOf(item.Content.ServiceScope), item.Region, receiving))
        {
            return new Invalid("cases.remote-intake-out-of-scope", item.Content.Name, ScopeName(item.Content.ServiceScope), receivingName) { Field = "implementationCode" };
        }

        var halls = await organisation.HallsOfAsync(receiving, CancellationToken.None);
        var hall = request.ReceivingHallId is { } wanted ? halls.FirstOrDefault(h => h.Id == wanted) : halls.FirstOrDefault();
        if (hall is null)
        {
            return new Invalid("cases.remote-intake-no-hall") { Field = "receivingHallId" };
        }

        RemoteResultDelivery? delivery = request.ResultDelivery?.Trim().ToUpperInvariant() switch
        {
            "POST" => RemoteResultDelivery.Post,
            "COLLECT" => RemoteResultDelivery.CollectAtReceivingHall,
            _ => null,
        };
        if (delivery is null)
        {
            return new Invalid("cases.remote-intake-delivery-unknown") { Field = "resultDelivery" };
        }

        if (!RemoteIntake.Create(hall.Id, hall.Name, receiving, receivingName, user.AccountId ?? Guid.Empty, user.DisplayName, request.IdentityChecked == true,
            delivery.Value, request.PostAddress).TryGet(out var intake, out var invalid))
        {
            return invalid;
        }

        var competentRegion = (await organisation.FindRegionAsync(item.Region, CancellationToken.None))?.Name ?? item.Region.Value;
        var department = (await organisation.FindDepartmentAsync(item.DepartmentId, CancellationToken.None))?.Name ?? item.Content.ImplementingBody;
        return (intake, competentRegion, department);
    }
}

/// <summary>POST /api/v1/window/cases.</summary>
public static class FileAtWindowApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/window/cases", HandleAsync)
            .WithName("FileAtWindow")
            .WithSummary("File an application at the window (窗口收件, 帮办代办)")
            .WithDescription("Window clerks, with a bearer token and a required Idempotency-Key header. The body of POST /api/v1/cases plus applicantIdentifier (the walk-in person's ID number "
                + "or the enterprise's USCC, as held in the people directory) and, for 帮办代办, onBehalfOf (name and circumstance: elderly, disabled ...) with consentText and/or consentReference "
                + "(the signed consent's record). A material the walk-in lacks has route missing (缺件), so one 补正告知 can list it all or 容缺 can accept it. Upload materials name files the clerk uploaded (POST /api/v1/files, or the window page). Fields marked 免填写 are filled from the directory. Answers 201 {caseNumber, status, receivedAt, promisedBy}; the case's channel is Window and it is filed by the clerk. "
                + "收受分离 (异地代收代办): when the item's competent region lies outside the clerk's region, the item must be 全市/全省/跨省通办 with a scope reaching the clerk's hall "
                + "(else 422 cases.remote-intake-out-of-scope, nothing stored), and the body adds identityChecked (true: the window checked the applicant's identity and the form), "
                + "resultDelivery (post|collect: posted to postAddress, or collected at the receiving hall; a 全程网办 item is never collected) and optionally receivingHallId "
                + "(a hall of the clerk's region; default the region's first). "
                + "windowId (optional): the window of the clerk's hall receiving it; the case records the hall and the window's kind (综合窗口 or 专窗) for 一窗受理率 (422 cases.window-unknown, nothing stored, for a window outside the halls of the clerk's region). Without it, a 专窗 of the clerk's department in the hall counts it as 专窗, else 综合窗口. "
                + "The case records the receiving hall, region, clerk and handover time and goes to the competent "
                + "authority's intake queue; its material list and limits are the competent implementation's (审批权属不变). "
                + "422 for an applicant not in the directory, 帮办代办 without consent, or the errors of POST /api/v1/cases; 403 for other staff.")
            .Produces<SubmittedCase>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Created<SubmittedCase>, ProblemHttpResult>> HandleAsync(
        WindowApplicationRequest request, FileAtWindowHandler handler,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            return new Invalid("cases.idempotency-key-required") { Field = "Idempotency-Key" }.ToProblem();
        }

        var result = await handler.HandleAsync(request, idempotencyKey.Trim(), cancellationToken);
        return result.TryGet(out var submitted, out var error)
            ? TypedResults.Created($"/api/v1/cases/{submitted.CaseNumber}", submitted)
            : error.ToProblem();
    }
}
