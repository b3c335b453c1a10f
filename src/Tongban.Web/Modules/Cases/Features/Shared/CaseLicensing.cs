using Tongban.Domain.Cases;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog;
using Tongban.Modules.Licences;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// 制证 of an item whose result is an e-licence (its published version names a licence type): the
/// licence is issued from the case — the applicant holds it, the competent department issues it, its
/// fields come from the e-form values with the same keys — into the case's unit of work.
/// </summary>
public sealed class CaseLicensing(ICatalog catalog, ILicences licences)
{
    /// <summary>The licence type the case's item issues, or null when its result is not an e-licence.</summary>
    private async Task<string?> LicenceTypeOfAsync(Case c, CancellationToken cancellationToken) =>
        (await catalog.FindPublishedAsync(c.ImplementationCode, c.ImplementationVersion, cancellationToken))?.Content.LicenceTypeCode is { Length: > 0 } code ? code : null;

    /// <summary>Issues the case's licence and answers its identifier; null when the item issues none.</summary>
    public async Task<Result<string?>> IssueAsync(Case c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (await LicenceTypeOfAsync(c, cancellationToken) is not { } code)
        {
            return (string?)null;
        }

        if (c.Status != CaseStatus.Approved)
        {
            return CaseErrors.OnlyAnApprovedCaseIsIssued(c.Status);
        }

        if (!LicenceTypeCode.Parse(code).TryGet(out var type, out var error))
        {
            return error;
        }

        var holder = HolderOf(c);
        var data = c.FormValues.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal);
        var issued = await licences.IssueForCaseAsync(new LicenceToIssue(type, c.DepartmentId, holder, data, CaseNumber: c.Number!.Value.Value), cancellationToken);
        return issued.Map(identifier => (string?)identifier.Value);
    }

    /// <summary>The applicant as a licence holder: a person by ID number (111), an enterprise by USCC (001).</summary>
    public static LicenceHolder HolderOf(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Applicant.IdNumber is { } idNumber
            ? LicenceHolder.Person(idNumber, c.Applicant.Name)
            : LicenceHolder.Enterprise(c.Applicant.Uscc!.Value, c.Applicant.Name);
    }
}

/// <summary>
/// What runs right after a transition decides a case (a decision, the last step, 秒批), in the same
/// unit of work and in registration order: an approved licence item's e-licence is issued and the
/// result recorded (制证), then the decision document is sealed.
/// </summary>
public interface IAfterDecision
{
    Task RunAsync(Case @case, CaseActor actor, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// Issues an approved case's e-licence at once. When it cannot be issued (the form lacks a field the
/// licence needs), the case stays approved and the 制证 action shows why.
/// </summary>
internal sealed partial class IssueLicenceOnApproval(CaseLicensing licensing, ILogger<IssueLicenceOnApproval> logger) : IAfterDecision
{
    public async Task RunAsync(Case @case, CaseActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (@case.Status != CaseStatus.Approved)
        {
            return;
        }

        if (!(await licensing.IssueAsync(@case, cancellationToken)).TryGet(out var licence, out var error))
        {
            NotIssued(logger, @case.Number?.Value ?? "", error.Code);
            return;
        }

        if (licence is null)
        {
            return;
        }

        var number = @case.Number!.Value.Value;
        @case.RecordIssue(new CaseIssuance(CaseDocuments.CaseDocuments.PathOf(number, CaseDocuments.CaseDocumentKind.Decision), licence), actor, now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseNumber} approved but its licence was not issued: {Reason}")]
    private static partial void NotIssued(ILogger logger, string caseNumber, string reason);
}
