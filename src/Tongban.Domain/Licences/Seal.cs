using Tongban.Domain.Primitives;

namespace Tongban.Domain.Licences;

/// <summary>
/// 电子印章: a department's signing key as a certificate-like record (department, USCC, key id,
/// public key, validity). The private key stays in the key store. Rotation retires a seal and starts
/// the next generation; a retired seal signs nothing more, but its public key stays published so
/// what it signed still verifies.
/// </summary>
public sealed class Seal : IVersioned
{
    public const int ValidityYears = 5;

    private Seal() { }

    public Guid Id { get; private set; }
    public Guid DepartmentId { get; private set; }

    /// <summary>1 for the department's first seal, then one more per rotation.</summary>
    public int Generation { get; private set; }
    public string DepartmentName { get; private set; } = "";
    public Uscc Uscc { get; private set; }

    /// <summary>The JWK "kid": a thumbprint of the public key, short enough for the QR payload.</summary>
    public string KeyId { get; private set; } = "";

    /// <summary>The public key as base64 SubjectPublicKeyInfo (DER).</summary>
    public string PublicKey { get; private set; } = "";
    public DateTimeOffset ValidFrom { get; private set; }
    public DateTimeOffset ValidUntil { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }
    public int Version { get; set; }

    public static Seal Create(Guid departmentId, string departmentName, Uscc uscc, int generation, string keyId, string publicKey, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        DepartmentId = departmentId,
        Generation = generation,
        DepartmentName = departmentName,
        Uscc = uscc,
        KeyId = keyId,
        PublicKey = publicKey,
        ValidFrom = now,
        ValidUntil = now.AddYears(ValidityYears),
    };

    /// <summary>It may sign now: not retired and inside its validity.</summary>
    public bool SignsAt(DateTimeOffset now) => RetiredAt is null && ValidFrom <= now && now < ValidUntil;

    public Result Retire(DateTimeOffset now)
    {
        if (RetiredAt is not null)
        {
            return new Conflict("licences.seal-already-retired");
        }

        RetiredAt = now;
        return Result.Success;
    }
}
