namespace Tongban.Domain.Audit;

/// <summary>The first place the chain is broken, or null when it is whole.</summary>
public sealed record ChainBreak(long Sequence, string Reason);

public static class AuditChain
{
    /// <summary>
    /// Walks records in sequence order and reports the first broken link: a record whose content no
    /// longer matches its hash, whose previous-hash does not match its predecessor, or a gap where a
    /// record was deleted.
    /// </summary>
    public static ChainBreak? Verify(IEnumerable<AuditRecord> recordsInOrder, long expectedFirstSequence = 1, string? expectedPreviousHash = null)
    {
        var previousHash = expectedPreviousHash ?? AuditRecord.GenesisHash;
        var expectedSequence = expectedFirstSequence;
        foreach (var record in recordsInOrder)
        {
            if (record.Sequence != expectedSequence)
            {
                return new ChainBreak(expectedSequence, "missing");
            }

            if (!string.Equals(record.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new ChainBreak(record.Sequence, "previous-hash-mismatch");
            }

            if (!string.Equals(record.ComputeHash(), record.Hash, StringComparison.Ordinal))
            {
                return new ChainBreak(record.Sequence, "content-altered");
            }

            previousHash = record.Hash;
            expectedSequence++;
        }

        return null;
    }
}
