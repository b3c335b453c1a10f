using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.Grants;
using Tongban.Modules.Licences.Features.Wallet;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Licences.Pages.Wallet;

/// <summary>
/// One of the holder's licences: its public fields, state and verification QR, the PDF, 亮证, and
/// 用证授权: create a grant (the code is shown once, after the redirect), see the grants with their
/// state and uses, revoke one.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class LicenceModel(LicenceCards cards, LicenceGrants grants, IOptions<LicenceOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    private const string IssuedKey = "licences.issued-code";

    [FromRoute]
    public string Identifier { get; set; } = "";

    [BindProperty]
    public string? Grantee { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public int? Duration { get; set; } = 7;

    [BindProperty]
    public string Unit { get; set; } = "days";

    public LicenceCard? Card { get; private set; }

    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    public IssuedCode? Issued { get; private set; }

    public int MaxDays => (int)options.Value.LongestGrant.TotalDays;

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (TempData[IssuedKey] is string issued)
        {
            Issued = JsonSerializer.Deserialize<IssuedCode>(issued);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        if (!LicenceIdentifier.Parse(Identifier).TryGet(out var id, out _))
        {
            return NotFound();
        }

        var hours = Unit == "hours" ? GrantsApi.HoursOf(Duration ?? 0, null) : GrantsApi.HoursOf(null, Duration ?? 0);
        if (!(await grants.ShareAsync(id, Grantee, Purpose, hours, cancellationToken)).TryGet(out var issued, out var error))
        {
            if (error is Tongban.Domain.Primitives.NotFound)
            {
                return NotFound();
            }

            ModelState.AddError(error);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        TempData[IssuedKey] = JsonSerializer.Serialize(issued);
        return Redirect($"/me/licences/{id.Value}#grants");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid grantId, CancellationToken cancellationToken)
    {
        if (!(await grants.RevokeAsync(grantId, cancellationToken)).TryGet(out var id, out var error))
        {
            ModelState.AddError(error);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        TempData.Notice(t["授权已撤销，对方不能再查看该证照。"]);
        return Redirect($"/me/licences/{id.Value}#grants");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!LicenceIdentifier.Parse(Identifier).TryGet(out var id, out _) || await cards.MineAsync(id, cancellationToken) is not { } card)
        {
            return false;
        }

        Card = card;
        Grants = (await grants.ListAsync(id, cancellationToken)).TryGet(out var rows, out _) ? rows : [];
        return true;
    }
}
