using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Platform.Http;
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
    string? ConsentReference = null);

/// <summary>
/// 窗口收件 / 帮办代办: a window clerk files for a walk-in applicant found in the directory; the case is
/// filed by the clerk through the Window channel and received like any other (it joins the intake queue).
/// With <c>onBehalfOf</c> the case records for whom the clerk filed and the person's consent.
/// </summary>
public sealed class FileAtWindowHandler(SubmitApplicationHandler submit, CurrentUser user)
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

        var window = new WindowFiling(request.ApplicantIdentifier, string.IsNullOrWhiteSpace(request.OnBehalfOf) ? null : request.OnBehalfOf, request.ConsentText, request.ConsentReference);
        var application = new ApplicationRequest(request.ImplementationCode, request.Answers, request.FormValues, request.Materials);
        return await submitted(application, new Filing(CaseChannel.Window, Window: window, Prefill: true));
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
