using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Catalog.Features.SearchItems;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Pages.Public;

/// <summary>事项搜索: a GET form, so a search is a link people can keep, share and go back to.</summary>
[AllowAnonymous]
public sealed class SearchModel(SearchItemsHandler search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "audience")]
    public string? Audience { get; set; }

    [BindProperty(SupportsGet = true, Name = "department")]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true, Name = "lifeEvent")]
    public string? LifeEvent { get; set; }

    /// <summary>From ?page= (read by hand: "page" is also the route value naming the Razor page).</summary>
    public int? PageNumber { get; private set; }

    public SearchOptions Options { get; private set; } = new([], [], []);

    /// <summary>Null until something was asked, or when the request could not be understood.</summary>
    public SearchResults? Results { get; private set; }

    public bool Asked => !string.IsNullOrWhiteSpace(Q) || HasFilters;

    public bool HasFilters => new[] { Region, Audience, Department, LifeEvent }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await search.OptionsAsync(cancellationToken);
        if (Request.Query["page"].ToString() is { Length: > 0 } page)
        {
            // Anything but a whole number is page 0, which the search refuses with its own message.
            PageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        }

        if (!Asked || !ModelState.IsValid)
        {
            return;
        }

        var found = await search.HandleAsync(new SearchItemsRequest(Q, Region, Audience, Department, LifeEvent, PageNumber, null), cancellationToken);
        if (found.TryGet(out var results, out var error))
        {
            Results = results;
        }
        else
        {
            ModelState.AddError(error);
        }
    }

    /// <summary>This search on another page (or, with <paramref name="keepFilters"/> false, the same words without filters).</summary>
    public string Link(int page, bool keepFilters = true)
    {
        var query = new QueryBuilder();
        Add("q", Q);
        if (keepFilters)
        {
            Add("region", Region);
            Add("audience", Audience);
            Add("department", Department);
            Add("lifeEvent", LifeEvent);
        }

        if (page > 1)
        {
            query.Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        return "/items" + query.ToQueryString();

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name, value.Trim());
            }
        }
    }
}
