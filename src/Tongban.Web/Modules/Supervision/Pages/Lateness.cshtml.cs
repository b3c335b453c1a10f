using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Supervision.Features.Lateness;
using Tongban.Platform.Http;

namespace Tongban.Modules.Supervision.Pages;

/// <summary>超时记录: late steps per clerk in a period, 屡次超时 flagged, each clerk's steps expandable.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LatenessModel(ListLatenessHandler list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public LatenessReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await list.HandleAsync(Region, Department, From, To, cancellationToken);
        if (listed.TryGet(out var report, out var error))
        {
            Report = report;
            return Page();
        }

        switch (error)
        {
            case Forbidden:
                return Forbid();
            case Domain.Primitives.NotFound:
                return NotFound();
            default:
                ModelState.AddError(error);
                return Page();
        }
    }
}
