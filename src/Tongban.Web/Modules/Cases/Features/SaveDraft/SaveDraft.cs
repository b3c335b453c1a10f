using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.SaveDraft;

/// <summary>
/// 保存草稿: keeps the application as far as it goes (answers, form values, the materials provided so
/// far) as a draft case without a number, to resume later from “我的办件”. Nothing is checked for
/// completeness; what is given must still be valid (an allowed route, one's own upload).
/// </summary>
public sealed class SaveDraftHandler(ApplicationAssembly assembly, CaseStore cases, AuditTrail audit)
{
    public async Task<Result<Guid>> HandleAsync(ApplicationRequest request, Guid? draftId, CancellationToken cancellationToken)
    {
        if (!(await assembly.AssembleAsync(request, new Filing(CaseChannel.Web, draftId, Prefill: true), complete: false, cancellationToken)).TryGet(out var application, out var error))
        {
            return error;
        }

        var draft = application.Draft;
        if (application.IsNew)
        {
            cases.Add(draft);
        }

        audit.Record("cases.draft-save", nameof(Case), draft.Id.ToString(), after: new
        {
            implementation = draft.ImplementationCode.Value,
            materials = draft.Materials.Select(m => new { m.Key, route = m.Route.ToString() }),
        });
        await cases.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }
}
