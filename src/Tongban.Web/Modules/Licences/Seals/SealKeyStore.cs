using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Seals;

/// <summary>
/// Where seal private keys live. Callers get a key id and a public key and may ask for signatures;
/// a private key never leaves the store, so an HSM (PKCS#11, a cloud KMS) can stand in for the default.
/// </summary>
public interface ISealKeyStore
{
    /// <summary>Makes a new ECDSA P-256 key, kept with the caller's unit of work; answers its public key (SubjectPublicKeyInfo DER).</summary>
    Task<byte[]> CreateKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>ES256 over <paramref name="data"/>: r‖s, 64 bytes.</summary>
    Task<byte[]> SignAsync(string keyId, byte[] data, CancellationToken cancellationToken);
}

/// <summary>
/// The default store: each private key as PKCS#8, encrypted with ASP.NET Core data protection (whose
/// key ring is in the database, shared by every node) in table <c>seal_keys</c>.
/// </summary>
internal sealed class ProtectedSealKeyStore(TongbanDbContext db, IDataProtectionProvider protection, TimeProvider clock) : ISealKeyStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("Tongban.Licences.SealKeys.v1");

    public Task<byte[]> CreateKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        db.Add(new SealKeyRecord
        {
            KeyId = keyId,
            ProtectedKey = Convert.ToBase64String(_protector.Protect(key.ExportPkcs8PrivateKey())),
            CreatedAt = clock.GetUtcNow(),
        });
        return Task.FromResult(key.ExportSubjectPublicKeyInfo());
    }

    public async Task<byte[]> SignAsync(string keyId, byte[] data, CancellationToken cancellationToken)
    {
        // FindAsync sees a key made earlier in this unit of work, before it is saved.
        var record = await db.Set<SealKeyRecord>().FindAsync([keyId], cancellationToken)
            ?? throw new InvalidOperationException($"Seal key {keyId} is not in the key store.");
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(record.ProtectedKey)), out _);
        return key.SignData(data, HashAlgorithmName.SHA256);
    }
}

internal sealed class SealKeyRecord
{
    public required string KeyId { get; init; }
    public required string ProtectedKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SealKeyRecordConfiguration : IEntityTypeConfiguration<SealKeyRecord>
{
    public void Configure(EntityTypeBuilder<SealKeyRecord> builder)
    {
        builder.ToTable("seal_keys");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(40);
        builder.Property(k => k.ProtectedKey).HasMaxLength(4000).IsRequired();
    }
}
