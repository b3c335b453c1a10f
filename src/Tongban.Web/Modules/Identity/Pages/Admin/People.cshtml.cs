using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Identity.Features.ListPeople;
using Tongban.Platform.Http;

namespace Tongban.Modules.Identity.Pages.Admin;

/// <summary>自然人名录: ID numbers and phones masked; every view is audited as a personal-data read.</summary>
[Authorize(Policy = Policies.PersonDirectory)]
public sealed class PeopleModel(ListPeopleHandler listPeople) : PageModel
{
    private string? _next;

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<PersonListItem> People { get; private set; } = [];

    public DirectoryPager Pager => new("/admin/people", After, _next);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await listPeople.HandleAsync(new ListPeopleRequest(After), cancellationToken)).TryGet(out var page, out var error))
        {
            ModelState.AddError(error);
            return;
        }

        People = page.Items;
        _next = page.Next;
    }
}
