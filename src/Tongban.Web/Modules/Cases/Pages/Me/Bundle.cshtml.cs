using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Cases;
using Tongban.Modules.Cases.Features.ShowBundleCase;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Cases.Pages.Me;

/// <summary>
/// The applicant's 一件事: one status, the promised date, each member with its case (or what it waits
/// for, or that it cannot be handled), and the corrections every member asks for, answered once.
/// Anyone else's bundle case is 404; the read is audited by <see cref="ShowBundleCaseHandler"/>.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class BundleModel(ShowBundleCaseHandler show, ICatalog catalog) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public BundleCaseView? View { get; private set; }

    public BundleCaseStatus Status { get; private set; }

    public string BundleName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await show.HandleAsync(Number, cancellationToken)).TryGet(out var found, out _))
        {
            return NotFound();
        }

        (var bundleCase, View) = found;
        Status = bundleCase.Status;
        BundleName = (await catalog.FindBundleAsync(bundleCase.BundleCode, cancellationToken))?.Bundle.Name ?? bundleCase.BundleCode.Value;
        return Page();
    }

    /// <summary>A member's status as the applicant reads it.</summary>
    public static string StatusName(BundleCaseMemberView member) =>
        member.Status is { } status ? CaseNames.Of(Enum.Parse<CaseStatus>(status, ignoreCase: true)) : "";

    /// <summary>The names of the members this one waits for.</summary>
    public string Predecessors(BundleCaseMemberView member) =>
        string.Join("、", member.After.Select(key => View!.Members.FirstOrDefault(m => m.Key == key)?.Name ?? key));
}
