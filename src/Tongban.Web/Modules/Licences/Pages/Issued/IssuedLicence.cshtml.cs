using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.ChangeLicenceStatus;
using Tongban.Modules.Licences.Features.ListIssuedLicences;
using Tongban.Modules.Licences.Features.ReissueLicence;
using Tongban.Modules.Licences.Features.Wallet;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Licences.Pages.Issued;

/// <summary>
/// One issued licence for its issuer's staff: holder, validity, data, state and history (an audited read
/// through <see cref="ShowIssuedLicenceHandler"/>), with the forms 暂停 / 恢复 / 撤销 / 变更换发 the current
/// status allows. Each form carries the version it was read at; a post against a changed licence changes
/// nothing and says so.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IssuedLicenceModel(
    ShowIssuedLicenceHandler show,
    ChangeLicenceStatusHandler change,
    ReissueLicenceHandler reissue,
    IssuerAccess access,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Identifier { get; set; } = "";

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Data { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The form that failed (suspend, reinstate, revoke, reissue): its fields keep what was typed.</summary>
    public string? FailedForm { get; private set; }

    public IssuedLicenceView Licence { get; private set; } = null!;

    public Tongban.Platform.CityClock Clock => access.Clock;

    public bool MaySuspend => Licence.Status == LicenceStatus.Valid;

    public bool MayReinstate => Licence.Status == LicenceStatus.Suspended;

    public bool MayRevoke => Licence.Status is LicenceStatus.Valid or LicenceStatus.Suspended;

    public bool MayReissue => MayRevoke;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) =>
        ChangeAsync(LicenceStatusAction.Suspend, "suspend", "已暂停该证照。", cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(CancellationToken cancellationToken) =>
        ChangeAsync(LicenceStatusAction.Reinstate, "reinstate", "已恢复该证照。", cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) =>
        ChangeAsync(LicenceStatusAction.Revoke, "revoke", "已撤销该证照。", cancellationToken);

    public async Task<IActionResult> OnPostReissueAsync(CancellationToken cancellationToken)
    {
        var result = await reissue.HandleAsync(Identifier, new ReissueLicenceRequest(Data, Version), cancellationToken);
        if (result.TryGet(out var next, out var error))
        {
            TempData.Notice(string.Format(System.Globalization.CultureInfo.InvariantCulture, t["已变更换发，新版本为 {0}。"].Value, next.Identifier));
            return Redirect(LinkTo(next.Identifier));
        }

        return await FailAsync("reissue", error, field => $"Data_{field}", cancellationToken);
    }

    public static string LinkTo(string identifier) => "/licences/issued/" + Uri.EscapeDataString(identifier);

    /// <summary>The form's post target: the page with its named handler.</summary>
    public string ActionOf(string form) => LinkTo(Identifier) + "?handler=" + form;

    public string ReasonId(string form) => form + "-reason";

    private async Task<IActionResult> ChangeAsync(LicenceStatusAction action, string form, string done, CancellationToken cancellationToken)
    {
        var result = await change.HandleAsync(Identifier, action, new ChangeLicenceStatusRequest(Reason, Version), cancellationToken);
        if (result.IsSuccess)
        {
            TempData.Notice(t[done]);
            return Redirect(LinkTo(Identifier));
        }

        return await FailAsync(form, result.Error!, field => field == "reason" ? ReasonId(form) : field, cancellationToken);
    }

    private async Task<IActionResult> FailAsync(string form, Error error, Func<string, string> fieldKey, CancellationToken cancellationToken)
    {
        if (error is NotFound && error.Code == IssuerAccess.LicenceNotFound.Code)
        {
            return NotFound();
        }

        // Nothing of the refused change may be saved with the audited read that shows the page again.
        access.Db.ChangeTracker.Clear();
        if (error.Code == ChangeLicenceStatusHandler.StaleVersion.Code)
        {
            ModelState.AddModelError(string.Empty, t["这张证照刚被他人修改，未作任何变更。请查看下面的最新内容后重试。"]);
        }
        else
        {
            ModelState.AddError(error with { Field = error.Field is { } f ? fieldKey(f) : null });
            FailedForm = form;
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await show.HandleAsync(Identifier, cancellationToken)).TryGet(out var licence, out _))
        {
            return NotFound();
        }

        Licence = licence;
        Version = licence.Version;
        if (FailedForm != "reissue")
        {
            Data = licence.Data.ToDictionary(d => d.Key, d => (string?)d.Value, StringComparer.Ordinal);
        }

        if (FailedForm is null)
        {
            Reason = null;
        }

        return null;
    }

    public static string StatusName(LicenceStatus status) => LicenceCards.StateName(Domain.Licences.Licence.StateOf(status));
}
