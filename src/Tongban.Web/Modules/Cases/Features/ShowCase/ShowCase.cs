using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.ShowCase;

public sealed record CaseMaterialView(string Key, string Name, string Route, bool Required, string? FileName, string? Sha256, DateTimeOffset? ProvidedAt);

public sealed record CaseStepView(string Key, string Name, string Status, DateTimeOffset? ActivatedAt, DateTimeOffset? DecidedAt);

public sealed record CaseEventView(DateTimeOffset At, string Action, string Status, string? Comment);

public sealed record CaseView(
    string CaseNumber, string ImplementationCode, int ImplementationVersion, string Status, string Channel, string ApplicantName,
    DateTimeOffset? ReceivedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? PromisedDeadline, DateTimeOffset? StatutoryDeadline,
    IReadOnlyList<CaseMaterialView> Materials, IReadOnlyList<CaseStepView> Steps, IReadOnlyList<CaseEventView> History, IReadOnlyList<string> Notices);

/// <summary>One case as its applicant sees it: state, materials, steps with times, history, notices. Someone else's case is not found.</summary>
public sealed class ShowCaseHandler(CaseStore cases, CurrentUser user, AuditTrail audit)
{
    public async Task<Result<Case>> FindOwnAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var number = CaseNumber.Parse(caseNumber);
        var found = number.IsSuccess ? await cases.FindAsync(number.Value, cancellationToken) : null;
        if (found is null || !IsApplicant(found))
        {
            return new NotFound("cases.case-not-found", caseNumber);
        }

        audit.Record("cases.view", nameof(Case), found.Number!.Value.Value);
        return found;
    }

    public async Task<Result<CaseView>> HandleAsync(string caseNumber, CancellationToken cancellationToken) =>
        (await FindOwnAsync(caseNumber, cancellationToken)).Map(ViewOf);

    private bool IsApplicant(Case @case) =>
        (user.LegalPerson is { } uscc && @case.Applicant.Uscc == uscc)
        || (user.LegalPerson is null && user.Person is { } person && @case.Applicant.IdNumber == person);

    private static CaseView ViewOf(Case c) => new(
        c.Number?.Value ?? "", c.ImplementationCode.Value, c.ImplementationVersion, SubmitApplicationHandler.WireStatus(c.Status), c.Channel.ToString(), c.Applicant.Name,
        c.ReceivedAt, c.AcceptedAt, c.PromisedBaseDeadline, c.StatutoryBaseDeadline,
        [.. c.Materials.Select(m => new CaseMaterialView(m.Key, m.Name, m.Route.ToString(), m.Required, m.File?.FileName, m.File?.Sha256, m.ProvidedAt))],
        [.. c.Steps.Select(s => new CaseStepView(s.Key, s.Name, s.Status.ToString(), s.ActivatedAt, s.DecidedAt))],
        [.. c.History.Select(e => new CaseEventView(e.At, e.Action.ToString(), SubmitApplicationHandler.WireStatus(e.Status), e.Comment))],
        [.. c.CorrectionNotice.Select(i => $"{i.MaterialKey}：{i.Reason}")]);
}
