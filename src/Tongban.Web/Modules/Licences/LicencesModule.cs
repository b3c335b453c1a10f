using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.IssueLicence;
using Tongban.Modules.Licences.Features.Shared;
using Tongban.Modules.Licences.Seals;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences;

/// <summary>
/// Licences (电子证照 and 电子印章): licence types as data, issuance on approval with GB/T 36904
/// identifiers, department seals signing every licence and decision, verification by anyone (online,
/// and offline from the QR code with the published keys), the holder's wallet and 免提交. Other
/// modules use it only through <see cref="ILicences"/>. Each part registers itself in its own file
/// (<c>LicencesModule.*.cs</c>).
/// </summary>
public static partial class LicencesModule
{
    /// <summary>Who may open the licence type pages: platform and department admins (a department admin then only its own types).</summary>
    public const string TypeAdminPolicy = "licence-type-admin";

    public static IServiceCollection AddLicencesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LicenceOptions>(configuration.GetSection(LicenceOptions.Section));
        services.AddSingleton<LicenceLinks>();
        services.AddAuthorizationBuilder().AddPolicy(TypeAdminPolicy, p => p.RequireRole(nameof(Role.PlatformAdmin), nameof(Role.DepartmentAdmin)));
        services.AddScoped<ISealKeyStore, ProtectedSealKeyStore>();
        services.AddScoped<SealBook>();
        services.AddScoped<ILicenceNotifier, LoggingLicenceNotifier>();
        services.AddScoped<LicenceIssuer>();
        services.AddScoped<ILicences, LicenceDirectory>();
        AddVerification(services);
        AddWallet(services);
        AddAdministration(services);
        AddDemo(services, configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapLicencesApi(this IEndpointRouteBuilder app)
    {
        MapVerification(app);
        MapWallet(app);
        MapAdministration(app);
        return app;
    }
}

/// <summary>
/// What to issue. Data keys the type does not have are left out (a case's form holds more than its
/// licence shows). Dates default to the city's today and the type's validity rule.
/// </summary>
public sealed record LicenceToIssue(
    LicenceTypeCode TypeCode,
    Guid IssuerDepartmentId,
    LicenceHolder Holder,
    IReadOnlyDictionary<string, string?> Data,
    LicenceOrigin Origin = LicenceOrigin.Issued,
    string? CaseNumber = null,
    DateOnly? IssuedOn = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidUntil = null);

/// <summary>A licence a holder holds, as the cases module sees it for 免提交.</summary>
/// <param name="Genuine">The stored payload still verifies: false means the record was altered and it must not be trusted.</param>
public sealed record HeldLicence(LicenceIdentifier Identifier, LicenceTypeCode TypeCode, string TypeName, string IssuerName, DateOnly? ValidUntil, LicenceState State, bool Genuine = true)
{
    public bool IsValid => Genuine && State == LicenceState.Valid;
}

/// <summary>What other modules may ask of Licences.</summary>
public interface ILicences
{
    /// <summary>
    /// Issues the licence of an approved case into the caller's unit of work (saved with the case).
    /// Fails with the reason (a required field the form did not give, say) and then adds nothing.
    /// </summary>
    Task<Result<LicenceIdentifier>> IssueForCaseAsync(LicenceToIssue request, CancellationToken cancellationToken);

    /// <summary>The holder's licences that are valid today, newest first.</summary>
    Task<IReadOnlyList<HeldLicence>> ValidHeldByAsync(string holderCode, CancellationToken cancellationToken);

    /// <summary>One licence as it stands today (signature checked), or null when no licence has the identifier.</summary>
    Task<HeldLicence?> FindAsync(LicenceIdentifier identifier, CancellationToken cancellationToken);

    /// <summary>The fields a licence carries (一件事: a predecessor's licence fills a dependant's form), or null when no licence has the identifier.</summary>
    Task<IReadOnlyDictionary<string, string>?> DataOfAsync(LicenceIdentifier identifier, CancellationToken cancellationToken);

    /// <summary>Signs a decision document's claims with the deciding department's seal.</summary>
    Task<SignedPayloadText> SignDecisionAsync(Guid departmentId, PayloadClaims claims, CancellationToken cancellationToken);

    /// <summary>The text of a signed payload's QR code: the verification page's address with the payload.</summary>
    string QrTextOf(string signedPayload);
}

internal sealed class LicenceDirectory(TongbanDbContext db, LicenceIssuer issuer, SealBook seals, LicenceLinks links, CityClock clock) : ILicences
{
    public async Task<Result<LicenceIdentifier>> IssueForCaseAsync(LicenceToIssue request, CancellationToken cancellationToken) =>
        (await issuer.IssueAsync(request, cancellationToken)).Map(l => l.Identifier);

    public async Task<IReadOnlyList<HeldLicence>> ValidHeldByAsync(string holderCode, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var held = await db.Set<Licence>().AsNoTracking()
            .Where(l => l.Holder.Code == holderCode && l.Status == LicenceStatus.Valid && l.ValidFrom <= today && (l.ValidUntil == null || l.ValidUntil >= today))
            .OrderByDescending(l => l.IssuedOn).ToListAsync(cancellationToken);
        return [.. held.Select(l => Summary(l, today))];
    }

    public async Task<IReadOnlyDictionary<string, string>?> DataOfAsync(LicenceIdentifier identifier, CancellationToken cancellationToken) =>
        (await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(l => l.Identifier == identifier, cancellationToken))?.Data;

    public async Task<HeldLicence?> FindAsync(LicenceIdentifier identifier, CancellationToken cancellationToken)
    {
        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(l => l.Identifier == identifier, cancellationToken);
        if (licence is null)
        {
            return null;
        }

        // A stored licence whose signature fails has been altered in the database: it is not valid.
        var genuine = SignedPayload.Parse(licence.Payload).TryGet(out var payload, out _)
            && payload.Claims.Id == licence.Identifier.Value
            && await seals.CheckAsync(payload, cancellationToken) == SignatureCheck.Valid;
        return Summary(licence, clock.Today) with { Genuine = genuine };
    }

    public Task<SignedPayloadText> SignDecisionAsync(Guid departmentId, PayloadClaims claims, CancellationToken cancellationToken) =>
        seals.SignAsync(departmentId, claims, cancellationToken);

    public string QrTextOf(string signedPayload) => links.Verification(signedPayload);

    private static HeldLicence Summary(Licence l, DateOnly today) => new(l.Identifier, l.TypeCode, l.TypeName, l.IssuerName, l.ValidUntil, l.StateOn(today));
}
