using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Cases;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Pages.Me;

/// <summary>提交成功: the 办件编号, what happens next and by when, and the PDF receipt.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class SubmittedModel(CaseAccess access, ICatalog catalog) : PageModel
{
    public Case? Case { get; private set; }

    public string ItemName { get; private set; } = "";

    /// <summary>The window decides on acceptance by then (5 working days from receipt).</summary>
    public DateTimeOffset? IntakeDeadline { get; private set; }

    /// <summary>承诺办结: the promised limit counted from receipt.</summary>
    public DateTimeOffset? PromisedBy { get; private set; }

    /// <summary>承诺办结时限 of the published version the case was filed under.</summary>
    public CaseTimeLimit? PromisedLimit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string caseNumber, CancellationToken cancellationToken)
    {
        if (!(await access.FindAsync(caseNumber, CaseReach.Applicant, cancellationToken)).TryGet(out var found, out _))
        {
            return NotFound();
        }

        Case = found;
        var item = await catalog.FindPublishedAsync(found.ImplementationCode, found.ImplementationVersion, cancellationToken);
        ItemName = item?.Content.Name ?? found.ImplementationCode.Value;
        IntakeDeadline = found.IntakeDeadline(access.Calendar, access.Zone);
        PromisedLimit = item is null ? null : CaseTermsOf.Limit(item.Content.PromisedLimit);
        PromisedBy = item is not null && found.ReceivedAt is { } received
            ? SubmitApplicationHandler.PromisedBy(received, item.Content, access.Calendar, access.Zone)
            : null;
        return Page();
    }
}
