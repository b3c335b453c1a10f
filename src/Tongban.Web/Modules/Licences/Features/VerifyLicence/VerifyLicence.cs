using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Seals;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Features.VerifyLicence;

/// <summary>What to verify: the QR content (bare payload or the <c>…/v/{payload}</c> URL) or an 电子证照标识, exactly one of them.</summary>
public sealed record VerifyLicenceRequest(string? Payload = null, string? Identifier = null);

/// <summary>The statuses a verification answers, exactly as the API spells them.</summary>
public static class VerificationStatus
{
    public const string Valid = "valid";
    public const string Expired = "expired";

    /// <summary>Revoked for good, or (with <see cref="VerificationAnswer.Suspended"/>) suspended for a time: not usable either way.</summary>
    public const string Revoked = "revoked";
    public const string Superseded = "superseded";
    public const string InvalidSignature = "invalid-signature";
    public const string Unknown = "unknown";
}

/// <summary>
/// A verification's answer: the status and, when the licence (or decision) is genuine, its public
/// fields. Nothing from a payload whose signature fails is repeated back as if it were true.
/// </summary>
public sealed record VerificationAnswer
{
    public required string Status { get; init; }

    /// <summary><c>licence</c> or <c>decision</c> (a signed decision document).</summary>
    public string Kind { get; init; } = "licence";

    /// <summary>True when the issuer suspended the licence (暂停): status is <c>revoked</c> until it is reinstated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Suspended { get; init; }

    /// <summary>Why the signature failed or nothing was found, in words a person reads.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Identifier { get; init; }

    /// <summary>For a decision document: its 办件编号.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CaseNumber { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TypeName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IssuerName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IssuerUscc { get; init; }

    /// <summary>The holder's public name: a person's masked to the surname, an enterprise's in full.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HolderName { get; init; }

    /// <summary>The holder's public code: a person's ID number masked, an enterprise's USCC.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HolderCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? IssuedOn { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day of validity; absent for 长期有效.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? ValidUntil { get; init; }

    /// <summary>The issuer's reason, for a revoked or suspended licence.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StatusReason { get; init; }

    /// <summary>The identifier of the version that replaced a superseded licence.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SupersededBy { get; init; }

    /// <summary>The type's public fields by label (for a decision: the payload's fields).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    /// <summary>The signing seal's key id (JWK kid) and department.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? KeyId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SealDepartment { get; init; }
}

/// <summary>
/// Verifies a scanned payload or an identifier, online: the signature against the seal's published
/// key, then the licence's state today from the register. Logs every answered verification with its
/// channel and saves.
/// </summary>
public sealed class LicenceVerifier(TongbanDbContext db, SealBook seals, CityClock clock, VerificationLog log)
{
    public async Task<Result<VerificationAnswer>> VerifyAsync(VerifyLicenceRequest request, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var byPayload = !string.IsNullOrWhiteSpace(request.Payload);
        if (byPayload == !string.IsNullOrWhiteSpace(request.Identifier))
        {
            return new Invalid("licences.verify-payload-or-identifier") { Field = byPayload ? "identifier" : "payload" };
        }

        var verified = byPayload ? await ByPayloadAsync(request.Payload!, cancellationToken) : await ByIdentifierAsync(request.Identifier!, cancellationToken);
        if (!verified.TryGet(out var outcome, out var error))
        {
            return error;
        }

        log.Record(channel, outcome.Subject, outcome.Answer.Status);
        await db.SaveChangesAsync(cancellationToken);
        return outcome.Answer;
    }

    private async Task<Result<Outcome>> ByPayloadAsync(string scanned, CancellationToken cancellationToken)
    {
        if (!SignedPayload.Parse(scanned).TryGet(out var payload, out var error))
        {
            return error;
        }

        var kind = payload.Claims.Kind == PayloadKind.Decision ? "decision" : "licence";
        var check = await seals.CheckAsync(payload, cancellationToken);
        if (check != SignatureCheck.Valid)
        {
            return new Outcome(SignatureFails(kind, check == SignatureCheck.UnknownKey ? "licences.verify-unknown-key" : "licences.verify-signature-mismatch"), payload.Claims.Id);
        }

        if (payload.Claims.Kind == PayloadKind.Decision)
        {
            return new Outcome(Decision(payload, await seals.IdentityOfAsync(payload.KeyId, cancellationToken)), payload.Claims.Id);
        }

        if (!LicenceIdentifier.Parse(payload.Claims.Id).TryGet(out var identifier, out _))
        {
            return new Outcome(NotFound(), payload.Claims.Id);
        }

        if (await FindAsync(identifier, cancellationToken) is not ({ } licence, var type))
        {
            return new Outcome(NotFound(), identifier.Value);
        }

        // The register must hold this very payload, signed and unaltered; anything else means the record or the code was tampered with.
        var stored = await StoredPayloadAsync(licence, payload, cancellationToken);
        if (stored is null || !stored.SignedBytes.AsSpan().SequenceEqual(payload.SignedBytes))
        {
            return new Outcome(SignatureFails(kind, "licences.verify-register-mismatch"), identifier.Value);
        }

        return new Outcome(await LicenceAsync(licence, type, cancellationToken), identifier.Value);
    }

    private async Task<Result<Outcome>> ByIdentifierAsync(string text, CancellationToken cancellationToken)
    {
        if (!LicenceIdentifier.Parse(text).TryGet(out var identifier, out var error))
        {
            return error with { Field = "identifier" };
        }

        if (await FindAsync(identifier, cancellationToken) is not ({ } licence, var type))
        {
            return new Outcome(NotFound(), identifier.Value);
        }

        return await StoredPayloadAsync(licence, null, cancellationToken) is null
            ? new Outcome(SignatureFails("licence", "licences.verify-register-mismatch"), identifier.Value)
            : new Outcome(await LicenceAsync(licence, type, cancellationToken), identifier.Value);
    }

    /// <summary>The licence and its type, in one query.</summary>
    private async Task<(Licence Licence, LicenceType? Type)?> FindAsync(LicenceIdentifier identifier, CancellationToken cancellationToken)
    {
        var found = await (
            from l in db.Set<Licence>().AsNoTracking()
            where l.Identifier == identifier
            join t in db.Set<LicenceType>().AsNoTracking() on l.TypeCode equals t.Code into types
            from t in types.DefaultIfEmpty()
            select new { Licence = l, Type = t }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Licence, found.Type);
    }

    /// <summary>
    /// The licence's stored payload when it parses, names the licence and its seal's signature holds; null
    /// otherwise. When it is the <paramref name="scanned"/> payload itself, bytes and signature, whose
    /// signature the caller has just checked, it is not checked twice.
    /// </summary>
    private async Task<ParsedPayload?> StoredPayloadAsync(Licence licence, ParsedPayload? scanned, CancellationToken cancellationToken) =>
        SignedPayload.Parse(licence.Payload).TryGet(out var stored, out _)
        && stored.Claims.Kind == PayloadKind.Licence
        && stored.Claims.Id == licence.Identifier.Value
        && ((scanned is not null && stored.SignedBytes.AsSpan().SequenceEqual(scanned.SignedBytes) && stored.Signature.AsSpan().SequenceEqual(scanned.Signature))
            || await seals.CheckAsync(stored, cancellationToken) == SignatureCheck.Valid)
            ? stored
            : null;

    private async Task<VerificationAnswer> LicenceAsync(Licence licence, LicenceType? type, CancellationToken cancellationToken)
    {
        var state = licence.StateOn(clock.Today);
        var seal = await seals.IdentityOfAsync(licence.KeyId, cancellationToken);
        var fields = (type?.Fields ?? []).Where(f => f.Public && licence.Data.ContainsKey(f.Key))
            .ToDictionary(f => f.Label, f => licence.Data[f.Key], StringComparer.Ordinal);
        return new VerificationAnswer
        {
            Status = state switch
            {
                LicenceState.Valid => VerificationStatus.Valid,
                LicenceState.Expired => VerificationStatus.Expired,
                LicenceState.Suspended or LicenceState.Revoked => VerificationStatus.Revoked,
                LicenceState.Superseded => VerificationStatus.Superseded,
            },
            Suspended = state == LicenceState.Suspended ? true : null,
            Identifier = licence.Identifier.Value,
            TypeName = licence.TypeName,
            IssuerName = licence.IssuerName,
            IssuerUscc = licence.IssuerUscc.Value,
            HolderName = licence.Holder.PublicName,
            HolderCode = licence.Holder.PublicCode,
            IssuedOn = licence.IssuedOn,
            ValidFrom = licence.ValidFrom,
            ValidUntil = licence.ValidUntil,
            StatusReason = state is LicenceState.Revoked or LicenceState.Suspended ? licence.StatusReason : null,
            SupersededBy = state == LicenceState.Superseded ? licence.SupersededBy?.Value : null,
            Fields = fields,
            KeyId = licence.KeyId,
            SealDepartment = seal?.DepartmentName,
        };
    }

    private static VerificationAnswer Decision(ParsedPayload payload, SealIdentity? seal) => new()
    {
        Status = VerificationStatus.Valid,
        Kind = "decision",
        CaseNumber = payload.Claims.Id,
        IssuerName = seal?.DepartmentName,
        IssuerUscc = seal?.Uscc.Value,
        HolderName = payload.Claims.Holder,
        ValidFrom = payload.Claims.From,
        ValidUntil = payload.Claims.Until,
        Fields = payload.Claims.Fields,
        KeyId = payload.KeyId,
        SealDepartment = seal?.DepartmentName,
    };

    private static VerificationAnswer SignatureFails(string kind, string reason) =>
        new() { Status = VerificationStatus.InvalidSignature, Kind = kind, Message = Say(reason) };

    private static VerificationAnswer NotFound() =>
        new() { Status = VerificationStatus.Unknown, Message = Say("licences.verify-not-found") };

    /// <summary>The sentence of a message code (Messages.resx), in the caller's language.</summary>
    private static string Say(string code) => new Invalid(code).Message;

    private sealed record Outcome(VerificationAnswer Answer, string Subject);
}
