using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Exchange.Features.ExportRecords;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Security;

namespace Tongban.Modules.Exchange.Pages;

/// <summary>办件数据交换导出: the form (kind, period, format); posting it creates the batch and downloads its file.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExportModel(ExportRecordsHandler export, CurrentUser me) : PageModel
{
    [BindProperty]
    public string Kind { get; set; } = "accepted";

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string Format { get; set; } = "csv";

    [BindProperty]
    public bool Resend { get; set; }

    public IActionResult OnGet() => me.IsStaff && me.HasAnyRole(ExportRecordsHandler.Exporters) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var exported = await export.HandleAsync(new ExportQuery(Kind, From, To, Format, Resend), cancellationToken);
        if (exported.TryGet(out var file, out var error))
        {
            return File(file.Content, file.ContentType, file.FileName);
        }

        if (error is Forbidden)
        {
            return Forbid();
        }

        ModelState.AddError(error);
        return Page();
    }
}
