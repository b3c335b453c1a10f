using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.RateCase;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation.Pages;

/// <summary>The applicant's 评价 of a case stage, posted from their case page; on a refusal the form shows again with the reason.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class CaseRateModel(RateCaseHandler handler, IOptions<RatingOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute]
    public string CaseNumber { get; set; } = "";

    [FromForm(Name = "stage")]
    public string? Stage { get; set; }

    public IReadOnlyList<string> Tags => options.Value.OfferedTags;

    public IActionResult OnGet() => Redirect($"/me/cases/{CaseNumber}");

    public async Task<IActionResult> OnPostAsync([FromForm] RatingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await handler.RateOwnAsync(CaseNumber, input.ForStage(Stage), cancellationToken)).TryGet(out _, out var error))
        {
            TempData.Notice(t["感谢您的评价。"]);
            return Redirect($"/me/cases/{CaseNumber}");
        }

        if (error is NotFound)
        {
            return NotFound();
        }

        ModelState.AddError(error);
        return Page();
    }
}
