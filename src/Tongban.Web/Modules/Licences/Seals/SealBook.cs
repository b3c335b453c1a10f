using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Seals;

/// <summary>The outcome of checking a payload's signature.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>Not signed by the named key, or altered since.</summary>
    Invalid,

    /// <summary>No seal has this key id.</summary>
    UnknownKey,
}

/// <summary>What never changes about a seal: its public key (SubjectPublicKeyInfo), department and USCC.</summary>
public sealed record SealIdentity(byte[] PublicKey, string DepartmentName, Uscc Uscc);

/// <summary>
/// The departments' seals: the one that signs now (made on first need, renewed when it runs out),
/// rotation, signing payloads, checking signatures and the public keys for the JWKS.
/// </summary>
public sealed class SealBook(TongbanDbContext db, ISealKeyStore keys, IOrganisationDirectory organisation, TimeProvider clock)
{
    // A seal's key, department and USCC never change once made, so every node may keep them; its status is read fresh.
    private static readonly ConcurrentDictionary<string, SealIdentity> Identities = new(StringComparer.Ordinal);

    /// <summary>The seal that signs for the department now, starting or renewing it when needed.</summary>
    public async Task<Seal> SigningSealAsync(Guid departmentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = await CurrentAsync(departmentId, cancellationToken);
        if (current is not null && current.SignsAt(now))
        {
            return current;
        }

        current?.Retire(now);
        return await StartGenerationAsync(departmentId, (current?.Generation ?? 0) + 1, cancellationToken);
    }

    /// <summary>换章: retires the department's seal and starts the next; what the old one signed stays verifiable.</summary>
    public async Task<Seal> RotateAsync(Guid departmentId, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(departmentId, cancellationToken);
        current?.Retire(clock.GetUtcNow());
        return await StartGenerationAsync(departmentId, (current?.Generation ?? 0) + 1, cancellationToken);
    }

    /// <summary>Signs <paramref name="claims"/> with the department's seal (see <see cref="SignedPayload"/>).</summary>
    public async Task<SignedPayloadText> SignAsync(Guid departmentId, PayloadClaims claims, CancellationToken cancellationToken)
    {
        var seal = await SigningSealAsync(departmentId, cancellationToken);
        var body = SignedPayload.Body(claims, seal.KeyId);
        var signature = await keys.SignAsync(seal.KeyId, body, cancellationToken);
        return new SignedPayloadText(SignedPayload.Compose(body, signature), seal.KeyId);
    }

    /// <summary>Checks the signature over the exact signed bytes with the named seal's public key.</summary>
    public async Task<SignatureCheck> CheckAsync(ParsedPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return await IdentityOfAsync(payload.KeyId, cancellationToken) is not { } seal ? SignatureCheck.UnknownKey
            : Verify(seal.PublicKey, payload.SignedBytes, payload.Signature) ? SignatureCheck.Valid
            : SignatureCheck.Invalid;
    }

    /// <summary>The immutable part of the seal with this key id (read once per node), or null when no seal has it.</summary>
    public async Task<SealIdentity?> IdentityOfAsync(string keyId, CancellationToken cancellationToken)
    {
        if (Identities.TryGetValue(keyId, out var known))
        {
            return known;
        }

        var stored = await db.Set<Seal>().AsNoTracking().Where(s => s.KeyId == keyId)
            .Select(s => new { s.PublicKey, s.DepartmentName, s.Uscc }).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : Identities.GetOrAdd(keyId, new SealIdentity(Convert.FromBase64String(stored.PublicKey), stored.DepartmentName, stored.Uscc));
    }

    /// <summary>ES256 verification with a SubjectPublicKeyInfo public key; the same check the offline tool makes.</summary>
    public static bool Verify(byte[] subjectPublicKeyInfo, byte[] data, byte[] signature)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return signature.Length == 64 && key.VerifyData(data, signature, HashAlgorithmName.SHA256);
    }

    /// <summary>Every seal ever made, newest generation first per department: the JWKS publishes them all.</summary>
    public async Task<IReadOnlyList<Seal>> AllAsync(CancellationToken cancellationToken) =>
        await db.Set<Seal>().AsNoTracking().OrderBy(s => s.DepartmentName).ThenByDescending(s => s.Generation).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Seal>> OfDepartmentAsync(Guid departmentId, CancellationToken cancellationToken) =>
        await db.Set<Seal>().AsNoTracking().Where(s => s.DepartmentId == departmentId).OrderByDescending(s => s.Generation).ToListAsync(cancellationToken);

    /// <summary>A new key id: 9 random bytes as base64url (12 characters), short for the QR payload.</summary>
    private static string NewKeyId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The newest seal, including one started in this unit of work and not yet saved, so several
    /// signatures before one save (a batch import, the demo seed) share one new seal.
    /// </summary>
    private async Task<Seal?> CurrentAsync(Guid departmentId, CancellationToken cancellationToken) =>
        db.Set<Seal>().Local.Where(s => s.DepartmentId == departmentId).MaxBy(s => s.Generation)
            ?? await db.Set<Seal>().Where(s => s.DepartmentId == departmentId).OrderByDescending(s => s.Generation).FirstOrDefaultAsync(cancellationToken);

    private async Task<Seal> StartGenerationAsync(Guid departmentId, int generation, CancellationToken cancellationToken)
    {
        var department = await organisation.FindDepartmentAsync(departmentId, cancellationToken)
            ?? throw new InvalidOperationException($"Department {departmentId} does not exist.");
        var keyId = NewKeyId();
        var publicKey = await keys.CreateKeyAsync(keyId, cancellationToken);
        var seal = Seal.Create(department.Id, department.Name, department.Uscc, generation, keyId, Convert.ToBase64String(publicKey), clock.GetUtcNow());
        db.Add(seal);
        return seal;
    }
}
