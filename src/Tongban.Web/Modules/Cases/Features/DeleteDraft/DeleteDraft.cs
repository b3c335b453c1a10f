using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.DeleteDraft;

/// <summary>删除草稿: the caller's own draft goes; a submitted case is never deleted (it can be withdrawn).</summary>
public sealed class DeleteDraftHandler(ApplicationAssembly assembly, TongbanDbContext db, CaseStore cases, AuditTrail audit)
{
    public async Task<Result> HandleAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (!(await assembly.FindDraftAsync(draftId, cancellationToken)).TryGet(out var draft, out var error))
        {
            return error;
        }

        db.Remove(draft);
        audit.Record("cases.draft-delete", nameof(Case), draft.Id.ToString(), before: new { implementation = draft.ImplementationCode.Value });
        await cases.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
