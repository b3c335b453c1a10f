using Tongban.Domain.Primitives;

namespace Tongban.Domain.Licences;

/// <summary>The stored state of a licence; <see cref="LicenceState.Expired"/> is computed from the date, never stored.</summary>
public enum LicenceStatus
{
    Valid,

    /// <summary>暂停: the issuer holds it back for a time; it may be reinstated.</summary>
    Suspended,

    /// <summary>吊销/撤销/注销: ended by the issuer for good.</summary>
    Revoked,

    /// <summary>A re-issue after a change replaced it with a newer version.</summary>
    Superseded,
}

/// <summary>What a verifier is told about a licence on a given day.</summary>
public enum LicenceState
{
    Valid,
    Expired,
    Suspended,
    Revoked,
    Superseded,
}

/// <summary>How a licence came into the platform.</summary>
public enum LicenceOrigin
{
    /// <summary>Issued by the platform on approval of a case (or by the issuer's staff).</summary>
    Issued,

    /// <summary>存量证照: imported from the issuer's earlier records.</summary>
    Imported,
}

/// <summary>The facts a licence is issued with; the signature comes from the issuer's seal afterwards.</summary>
public sealed record LicenceIssue(
    LicenceIdentifier Identifier,
    LicenceType Type,
    Guid IssuerDepartmentId,
    string IssuerName,
    LicenceHolder Holder,
    DateOnly IssuedOn,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    IReadOnlyDictionary<string, string?> Data,
    LicenceOrigin Origin,
    string? CaseNumber);

/// <summary>
/// 电子证照: one version of one licence. Its data and signed payload never change once issued; a
/// change is a re-issue (a new version that supersedes this one). Only its status moves:
/// Valid ⇄ Suspended, Valid | Suspended → Revoked | Superseded.
/// </summary>
public sealed class Licence : IVersioned
{
    public const int MaxReasonLength = 500;

    private Dictionary<string, string> _data = new(StringComparer.Ordinal);

    private Licence() { }

    public Guid Id { get; private set; }
    public LicenceIdentifier Identifier { get; private set; }
    public LicenceTypeCode TypeCode { get; private set; }
    public string TypeName { get; private set; } = "";
    public Guid IssuerDepartmentId { get; private set; }
    public Uscc IssuerUscc { get; private set; }
    public string IssuerName { get; private set; } = "";
    public LicenceHolder Holder { get; private set; } = null!;
    public DateOnly IssuedOn { get; private set; }
    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day of validity; null when 长期有效.</summary>
    public DateOnly? ValidUntil { get; private set; }

    public IReadOnlyDictionary<string, string> Data => _data;
    public LicenceOrigin Origin { get; private set; }

    /// <summary>The case whose approval issued it, for issued licences.</summary>
    public string? CaseNumber { get; private set; }

    /// <summary>The signed QR payload (see <see cref="SignedPayload"/>) and the seal key that signed it.</summary>
    public string Payload { get; private set; } = "";
    public string KeyId { get; private set; } = "";

    public LicenceStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset? StatusChangedAt { get; private set; }

    /// <summary>The version that replaced this one.</summary>
    public LicenceIdentifier? SupersededBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; set; }

    /// <summary>
    /// Issues a licence: the data is checked against its type, validity must not end before it starts,
    /// and an issued (not imported) licence must come from a department the type lets issue it. The
    /// caller then has <see cref="ClaimsToSign"/> signed by the issuer's seal and <see cref="Seal"/>s it
    /// before it is stored.
    /// </summary>
    public static Result<Licence> Issue(LicenceIssue issue, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Origin == LicenceOrigin.Issued && !issue.Type.MayBeIssuedBy(issue.IssuerDepartmentId))
        {
            return new Forbidden("licences.issuer-not-allowed", issue.IssuerName, issue.Type.Name);
        }

        if (issue.ValidUntil is { } until && until < issue.ValidFrom)
        {
            return new Invalid("licences.validity-ends-before-it-starts") { Field = "validUntil" };
        }

        if (!issue.Type.CheckData(issue.Data).TryGet(out var data, out var error))
        {
            return error;
        }

        var licence = new Licence
        {
            Id = Guid.NewGuid(),
            Identifier = issue.Identifier,
            TypeCode = issue.Type.Code,
            TypeName = issue.Type.Name,
            IssuerDepartmentId = issue.IssuerDepartmentId,
            IssuerUscc = issue.Identifier.Issuer,
            IssuerName = issue.IssuerName,
            Holder = issue.Holder,
            IssuedOn = issue.IssuedOn,
            ValidFrom = issue.ValidFrom,
            ValidUntil = issue.ValidUntil,
            _data = new Dictionary<string, string>(data, StringComparer.Ordinal),
            Origin = issue.Origin,
            CaseNumber = issue.CaseNumber,
            Status = LicenceStatus.Valid,
            CreatedAt = now,
        };
        return licence;
    }

    /// <summary>The QR claims: identifier, public holder name, validity and the type's payload fields by label.</summary>
    public PayloadClaims ClaimsToSign(LicenceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var keyFields = type.Fields.Where(f => f.InPayload && _data.ContainsKey(f.Key)).ToDictionary(f => f.Label, f => _data[f.Key], StringComparer.Ordinal);
        return PayloadClaims.ForLicence(this, keyFields);
    }

    /// <summary>Attaches the seal's signed payload, once.</summary>
    public void Seal(SignedPayloadText signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        if (Payload.Length > 0)
        {
            throw new InvalidOperationException("A licence is sealed once; a change is a re-issue.");
        }

        Payload = signed.Text;
        KeyId = signed.KeyId;
    }

    /// <summary>What a verifier is told today.</summary>
    public LicenceState StateOn(DateOnly today) =>
        Status == LicenceStatus.Valid && ValidUntil is { } until && until < today ? LicenceState.Expired : StateOf(Status);

    /// <summary>The state an issuer's status stands for, expiry aside.</summary>
    public static LicenceState StateOf(LicenceStatus status) => status switch
    {
        LicenceStatus.Revoked => LicenceState.Revoked,
        LicenceStatus.Superseded => LicenceState.Superseded,
        LicenceStatus.Suspended => LicenceState.Suspended,
        LicenceStatus.Valid => LicenceState.Valid,
    };

    /// <summary>Valid today: the only state in which it satisfies a material (免提交) or passes a check.</summary>
    public bool IsValidOn(DateOnly today) => StateOn(today) == LicenceState.Valid && ValidFrom <= today;

    public Result Suspend(string? reason, DateTimeOffset now) =>
        Status != LicenceStatus.Valid ? OnlyAValidLicenceIsSuspended()
        : ChangeStatus(LicenceStatus.Suspended, reason, now);

    public Result Reinstate(string? reason, DateTimeOffset now) =>
        Status != LicenceStatus.Suspended ? new Conflict("licences.only-suspended-reinstated")
        : ChangeStatus(LicenceStatus.Valid, reason, now);

    public Result Revoke(string? reason, DateTimeOffset now) =>
        Status is not (LicenceStatus.Valid or LicenceStatus.Suspended) ? new Conflict("licences.already-ended")
        : ChangeStatus(LicenceStatus.Revoked, reason, now);

    /// <summary>A re-issue replaced it; the reason names the new version.</summary>
    public Result Supersede(LicenceIdentifier by, DateTimeOffset now)
    {
        if (Status is not (LicenceStatus.Valid or LicenceStatus.Suspended))
        {
            return new Conflict("licences.already-ended");
        }

        if (by.Type != Identifier.Type || by.Issuer != Identifier.Issuer || by.Serial != Identifier.Serial || by.Version <= Identifier.Version)
        {
            throw new ArgumentException("Only a later version of the same licence supersedes it.", nameof(by));
        }

        SupersededBy = by;
        return ChangeStatus(LicenceStatus.Superseded, by.Value, now);
    }

    private static Conflict OnlyAValidLicenceIsSuspended() => new("licences.only-valid-suspended");

    private Result ChangeStatus(LicenceStatus status, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Invalid("licences.reason-required") { Field = "reason" };
        }

        if (reason.Trim().Length > MaxReasonLength)
        {
            return new Invalid("licences.reason-too-long", MaxReasonLength) { Field = "reason" };
        }

        Status = status;
        StatusReason = reason.Trim();
        StatusChangedAt = now;
        return Result.Success;
    }
}
