using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Catalog;
using Tongban.Modules.Catalog.Features.ShowGuide;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Pages.Public;

/// <summary>
/// 办事指南: the current published version in plain Chinese. The 办理情形 questionnaire is a GET form,
/// so the exact material list for the answers is a link, works without JavaScript and prints.
/// </summary>
[AllowAnonymous]
public sealed class GuideModel(ShowGuideHandler guides) : PageModel
{
    /// <summary>Situation key → chosen answer key (Answers[key]=answer in the query string).</summary>
    [BindProperty(SupportsGet = true)]
    public Dictionary<string, string> Answers { get; set; } = [];

    public Guide? Guide { get; private set; }

    /// <summary>The exact list for the answers given; null until the questionnaire is answered.</summary>
    public IReadOnlyList<MaterialRequirement>? AnsweredMaterials { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!(await guides.HandleAsync(code, cancellationToken)).TryGet(out var guide, out _))
        {
            // Rendered here (not the generic error page) so the person is offered the search.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Guide = guide;
        var answers = Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        if (answers.Count > 0)
        {
            if (MaterialList.For(guide.Content, answers).TryGet(out var materials, out var error))
            {
                AnsweredMaterials = materials;
            }
            else
            {
                ModelState.AddError(error, "situation");
            }
        }

        return Page();
    }

    public bool Chosen(Situation situation, SituationAnswer answer) =>
        Answers.TryGetValue(situation.Key, out var chosen) && string.Equals(chosen, answer.Key, StringComparison.Ordinal);
}
