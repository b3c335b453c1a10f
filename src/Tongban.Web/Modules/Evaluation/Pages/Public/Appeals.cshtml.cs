using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Evaluation.Features.ListPublicAppeals;

namespace Tongban.Modules.Evaluation.Pages.Public;

/// <summary>申诉公开: every reviewed appeal against a 差评 with its outcome and reason; anyone, no account, no personal data.</summary>
[AllowAnonymous]
public sealed class AppealsModel(ListPublicAppealsHandler list) : PageModel
{
    public PublicAppealList Appeals { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Appeals = await list.HandleAsync(cancellationToken);
}
