using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.InstantApproval;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.SubmitApplication;

public sealed record SubmittedCase(string CaseNumber, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? PromisedBy);

/// <summary>
/// 一网申报: the one submission path for the API, the apply pages, resumed drafts and window filing.
/// The application is assembled (<see cref="ApplicationAssembly"/>), numbered inside one transaction
/// and received. Under an idempotency key (the API's header, a form's one-time token) a retry answers
/// the first submission and never creates a second case. An item with 秒批 checks is accepted by the
/// system and approved at once when every check holds on a complete application (无人干预自动审批);
/// otherwise it goes to the window like any other.
/// </summary>
public sealed class SubmitApplicationHandler(
    TongbanDbContext db, CaseStore cases, ApplicationAssembly assembly, ICatalog catalog, CurrentUser user,
    AuditTrail audit, CityClock clock, WorkingCalendar calendar, InstantApprovalChecker instantApproval)
{
    /// <summary>The API: the same key with the same body answers the first submission; with another body, 422.</summary>
    public Task<Result<SubmittedCase>> HandleAsync(ApplicationRequest request, Filing filing, string idempotencyKey, CancellationToken cancellationToken) =>
        SubmitAsync(request, filing, idempotencyKey, Hash(CaseJson.Write(new { request, filing.Window })), cancellationToken);

    /// <summary>
    /// A page's form: the token is generated with the form, so a retried or double-clicked post (whose
    /// uploads get new file ids) is the same submission whatever it carries.
    /// </summary>
    public Task<Result<SubmittedCase>> HandleFormAsync(ApplicationRequest request, Filing filing, string formToken, CancellationToken cancellationToken) =>
        SubmitAsync(request, filing, FormKey(formToken), Hash(FormKey(formToken)), cancellationToken);

    /// <summary>The case a form token already submitted, if any.</summary>
    public async Task<SubmittedCase?> SubmittedWithFormAsync(string formToken, CancellationToken cancellationToken) =>
        await ReplayAsync(user.AccountId ?? Guid.Empty, FormKey(formToken), Hash(FormKey(formToken)), cancellationToken) is { IsSuccess: true } replay ? replay.Value : null;

    /// <summary>承诺办结: the promised limit counted from receipt on the working-day calendar.</summary>
    public static DateTimeOffset PromisedBy(DateTimeOffset receivedAt, ImplementationContent content, WorkingCalendar calendar, TimeZoneInfo zone) =>
        calendar.DeadlineFor(receivedAt, content.PromisedLimit.Amount, content.PromisedLimit.Unit, zone);

    /// <summary>The wire name of a status (camelCase), as the API answers it.</summary>
    public static string WireStatus(CaseStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static string FormKey(string formToken) => "form:" + formToken;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<Result<SubmittedCase>> SubmitAsync(ApplicationRequest request, Filing filing, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var account = user.AccountId ?? throw new InvalidOperationException("Applying needs a signed-in account.");
        if (await ReplayAsync(account, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        if (!(await assembly.AssembleAsync(request, filing, complete: true, cancellationToken)).TryGet(out var application, out var error))
        {
            return error;
        }

        try
        {
            await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
            if (!(await FileAsync(application, filing, account, cancellationToken)).TryGet(out var response, out var fileError))
            {
                return fileError;
            }

            db.Add(new SubmissionKey
            {
                AccountId = account,
                Key = idempotencyKey,
                RequestHash = requestHash,
                CaseNumber = response.CaseNumber,
                Response = CaseJson.Write(response),
                CreatedAt = clock.UtcNow,
            });
            await cases.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException)
        {
            // The same key won a race in another request: answer what it stored. Without one, another
            // request (another tab) submitted the same draft first.
            db.ChangeTracker.Clear();
            return await ReplayAsync(account, idempotencyKey, requestHash, cancellationToken)
                ?? (filing.DraftId is not null ? new NotFound("cases.draft-not-found") : throw new InvalidOperationException("Submission failed."));
        }
    }

    /// <summary>
    /// Numbers and submits an assembled application inside the caller's transaction, with 秒批 where the
    /// item has it, and stages it (with its audit record) for the caller's save: one submission, or each
    /// member of a 一件事.
    /// </summary>
    public async Task<Result<SubmittedCase>> FileAsync(AssembledApplication application, Filing filing, Guid account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(filing);
        var @case = application.Draft;
        var now = clock.UtcNow;
        if (!(await cases.NextNumberAsync(@case.ImplementationCode, clock.Today, cancellationToken)).TryGet(out var caseNumber, out var numberError))
        {
            return numberError;
        }

        var actor = filing.Window is null ? CaseActor.Applicant(account) : new CaseActor(account, nameof(Domain.Identity.Role.WindowClerk));
        if (@case.Submit(caseNumber, application.Specs, actor, now) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        // After Submit: the checks read the material terms (required, 容缺) that submission copies onto the case.
        await ApproveInstantlyAsync(@case, application.Item.Content, now, cancellationToken);
        var response = new SubmittedCase(caseNumber.Value, WireStatus(@case.Status), @case.ReceivedAt!.Value,
            PromisedBy(@case.ReceivedAt.Value, application.Item.Content, calendar, clock.Zone));
        if (application.IsNew)
        {
            cases.Add(@case);
        }

        await catalog.RecordCaseStartedAsync(@case.ImplementationCode, clock.Today, cancellationToken);
        audit.Record("cases.submit", nameof(Case), caseNumber.Value, after: new
        {
            implementation = @case.ImplementationCode.Value,
            channel = @case.Channel.ToString(),
            applicant = @case.Applicant.Identifier,
            filedBy = @case.FiledBy,
            assisted = @case.AssistedFiling?.OnBehalfOf,
            bundleCase = @case.BundleCaseId,
            materials = @case.Materials.Select(m => new { m.Key, route = m.Route.ToString() }),
        });
        return response;
    }

    /// <summary>
    /// What an idempotency key already answered for the account: the stored response when the request is the
    /// same, 422 when the key was used for another request, null when it is new.
    /// </summary>
    internal static async Task<Result<T>?> ReplayAsync<T>(TongbanDbContext db, Guid account, string key, string requestHash, CancellationToken cancellationToken)
    {
        var stored = await db.Set<SubmissionKey>().AsNoTracking().FirstOrDefaultAsync(k => k.AccountId == account && k.Key == key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        return stored.RequestHash == requestHash
            ? CaseJson.Read<T>(stored.Response)
            : new Invalid("cases.idempotency-key-reused") { Field = "Idempotency-Key" };
    }

    /// <summary>秒批 at receipt: every check holds on a complete application, so the system accepts and approves it; the rules are recorded and audited.</summary>
    private async Task ApproveInstantlyAsync(Case @case, ImplementationContent content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (content.InstantApprovalRules.Count == 0 || @case.MissingMaterials.Count > 0)
        {
            return;
        }

        var rules = await instantApproval.EvaluateAsync(@case, content, cancellationToken);
        if (rules.Any(r => !r.Passed)
            || @case.Accept(CaseTermsOf.From(content), CaseActor.System, now, calendar, clock.Zone) is { IsSuccess: false }
            || @case.ApproveInstantly(rules, CaseActor.System, now) is { IsSuccess: false })
        {
            return;
        }

        audit.Record("cases.instant-approval", nameof(Case), @case.Number!.Value.Value, after: new { rules = rules.Select(r => r.Name) });
    }

    private Task<Result<SubmittedCase>?> ReplayAsync(Guid account, string key, string requestHash, CancellationToken cancellationToken) =>
        ReplayAsync<SubmittedCase>(db, account, key, requestHash, cancellationToken);
}
