using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Identity.Pages;

/// <summary>The applicant's own home: who they are signed in as (identifiers masked).</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class MeModel(CurrentUser me, TongbanDbContext db) : PageModel
{
    public string Name { get; private set; } = "";
    public string MaskedIdNumber { get; private set; } = "";
    public string? EnterpriseName { get; private set; }
    public string? EnterpriseUscc { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = me.DisplayName;
        MaskedIdNumber = me.Person?.Masked ?? "";
        if (me.LegalPerson is { } uscc)
        {
            EnterpriseUscc = uscc.Value;
            EnterpriseName = await db.Set<LegalPerson>().AsNoTracking()
                .Where(p => p.Uscc == uscc)
                .Select(p => p.Name)
                .FirstOrDefaultAsync(cancellationToken);
        }
    }
}
