using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Audit;
using Tongban.Modules.Audit;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Audit.Features.VerifyChain;

/// <summary>Re-computes the whole audit chain in sequence order, in batches, and reports the first broken link.</summary>
public sealed class VerifyChainHandler(TongbanDbContext db)
{
    private const int BatchSize = 5000;

    public async Task<ChainReport> HandleAsync(CancellationToken cancellationToken)
    {
        long checkedCount = 0;
        long nextSequence = 1;
        var previousHash = AuditRecord.GenesisHash;
        while (true)
        {
            var after = nextSequence - 1;
            var batch = await db.Set<AuditRecord>().AsNoTracking()
                .Where(r => r.Sequence > after)
                .OrderBy(r => r.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new ChainReport(true, checkedCount, null, null);
            }

            if (AuditChain.Verify(batch, nextSequence, previousHash) is { } broken)
            {
                return new ChainReport(false, checkedCount + (broken.Sequence - nextSequence), broken.Sequence, broken.Reason);
            }

            checkedCount += batch.Count;
            nextSequence = batch[^1].Sequence + 1;
            previousHash = batch[^1].Hash;
        }
    }
}
