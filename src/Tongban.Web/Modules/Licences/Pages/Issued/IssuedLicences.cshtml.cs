using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.ListIssuedLicences;
using Tongban.Modules.Licences.Features.Wallet;

namespace Tongban.Modules.Licences.Pages.Issued;

/// <summary>
/// The licences issued by the departments the signed-in approver or department admin acts for (all for a
/// platform admin), searched and filtered as <see cref="ListIssuedLicencesHandler"/> does for the API.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IssuedLicencesModel(ListIssuedLicencesHandler handler) : PageModel
{
    /// <summary>The state filter's choices: wire name and label.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> States =
        [.. Enum.GetValues<LicenceState>().Select(s => (s.ToString().ToLowerInvariant(), LicenceCards.StateName(s)))];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expiring { get; set; }

    /// <summary>From the query's "page" (the name Razor Pages also gives its route value, so it is read by hand).</summary>
    public int PageNumber { get; private set; } = 1;

    public IssuedLicencePage Result { get; private set; } = new([], 1, false);

    public int ExpiringWithinDays => ListIssuedLicencesHandler.ExpiringWithinDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = int.TryParse(Request.Query["page"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 1;
        if (!IssuedLicencesApi.TryState(State, out var state))
        {
            State = null;
        }

        if (!(await handler.HandleAsync(Q, state, Expiring, PageNumber, cancellationToken)).TryGet(out var result, out var error))
        {
            return error is Forbidden ? Forbid() : NotFound();
        }

        Result = result;
        return Page();
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        }

        if (!string.IsNullOrEmpty(State))
        {
            query.Add("state=" + Uri.EscapeDataString(State));
        }

        if (Expiring)
        {
            query.Add("expiring=true");
        }

        query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/licences/issued?" + string.Join("&", query);
    }
}
