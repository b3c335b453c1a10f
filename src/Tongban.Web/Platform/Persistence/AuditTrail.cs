using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Tongban.Domain.Audit;
using Tongban.Platform.Security;

namespace Tongban.Platform.Persistence;

/// <summary>
/// Collects the audit entries of one request; <see cref="TongbanDbContext"/> chains and stores them
/// with the next save. Use cases call <see cref="Record"/> for every state change and every read of
/// personal data. Callers pass already-masked personal identifiers in before/after snapshots.
/// </summary>
public sealed class AuditTrail(CurrentUser currentUser, TimeProvider clock, IHttpContextAccessor httpContextAccessor)
{
    internal static readonly JsonSerializerOptions SnapshotJson = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private readonly List<AuditEntry> _pending = [];

    public void Record(string action, string entityType, string entityId, object? before = null, object? after = null)
    {
        // Outside a request the platform itself acts (sweeps, the demo seed): recorded as the system, not as an anonymous visitor.
        var actor = currentUser.IsAuthenticated
            ? (Id: currentUser.AccountId!.Value.ToString(), Name: currentUser.DisplayName, Role: currentUser.RoleLabel)
            : httpContextAccessor.HttpContext is null
                ? (Id: "system", Name: "", Role: "system")
                : (Id: "anonymous", Name: "", Role: "anonymous");
        _pending.Add(new AuditEntry(
            clock.GetUtcNow(),
            actor.Id,
            actor.Name,
            actor.Role,
            action,
            entityType,
            entityId,
            Serialize(before),
            Serialize(after),
            httpContextAccessor.HttpContext?.TraceIdentifier ?? Activity.Current?.Id ?? "system"));
    }

    internal IReadOnlyList<AuditEntry> TakePending()
    {
        var taken = _pending.ToArray();
        _pending.Clear();
        return taken;
    }

    internal void Restore(IReadOnlyList<AuditEntry> entries) => _pending.InsertRange(0, entries);

    private static string? Serialize(object? snapshot) => snapshot switch
    {
        null => null,
        string text => text,
        _ => JsonSerializer.Serialize(snapshot, SnapshotJson),
    };
}
