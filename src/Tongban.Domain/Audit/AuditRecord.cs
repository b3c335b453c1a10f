using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tongban.Domain.Audit;

/// <summary>
/// One link of the audit chain: who (actor and role) did what to which record, when, with the state
/// before and after, in which request. <see cref="Hash"/> covers every field and the previous link's
/// hash, so editing or deleting any record breaks the chain from that point on.
/// </summary>
public sealed class AuditRecord
{
    private AuditRecord() { }

    public long Sequence { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string RequestId { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>The hash that precedes the first record.</summary>
    public static string GenesisHash { get; } = new('0', 64);

    public static AuditRecord Chain(AuditEntry entry, long sequence, string previousHash)
    {
        var record = new AuditRecord
        {
            Sequence = sequence,
            OccurredAt = entry.OccurredAt.ToUniversalTime(),
            ActorId = entry.ActorId,
            ActorName = entry.ActorName,
            ActorRole = entry.ActorRole,
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = entry.EntityId,
            Before = entry.Before,
            After = entry.After,
            RequestId = entry.RequestId,
            PreviousHash = previousHash,
        };
        record.Hash = record.ComputeHash();
        return record;
    }

    public string ComputeHash()
    {
        // Length-prefixed fields: no two different records serialise to the same text.
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     Sequence.ToString(CultureInfo.InvariantCulture),
                     OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     ActorId, ActorName, ActorRole, Action, EntityType, EntityId,
                     Before ?? "\0", After ?? "\0", RequestId, PreviousHash,
                 })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>What a use case reports; the chain position and hashes are added when it is stored.</summary>
public sealed record AuditEntry(
    DateTimeOffset OccurredAt,
    string ActorId,
    string ActorName,
    string ActorRole,
    string Action,
    string EntityType,
    string EntityId,
    string? Before,
    string? After,
    string RequestId);
