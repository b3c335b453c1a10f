using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Modules.Identity.Features.Authentication;
using Tongban.Modules.Identity.Features.IssueToken;
using Tongban.Modules.Identity.Features.SeedDemo;
using Tongban.Modules.Identity.Features.SignIn;
using Tongban.Modules.Identity.Features.StaffAdministration;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Identity;

/// <summary>
/// Identity: accounts of citizens, enterprise agents and staff; sign-in by cookie (pages) and by
/// bearer token (API); lock-out; roles and scope. Other modules read the caller through
/// <see cref="Platform.Security.CurrentUser"/> and the policies named in <see cref="Policies"/>.
/// </summary>
public static class IdentityModule
{
    public const string SignInRateLimit = "sign-in";
    private const string SmartScheme = "cookie-or-bearer";

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, TongbanOptions options)
    {
        services.AddScoped<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<SessionValidator>();
        services.AddScoped<IDemoSeed, IdentityDemoSeed>();
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddStaffAdministration();

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "tb.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.EventsType = typeof(SessionValidator);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireClaim(Platform.Security.TongbanClaims.Kind, nameof(AccountKind.Staff)))
            .AddPolicy(Policies.Applicant, p => p.RequireClaim(Platform.Security.TongbanClaims.Kind, nameof(AccountKind.Citizen), nameof(AccountKind.EnterpriseAgent)))
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(nameof(Role.PlatformAdmin)))
            .AddPolicy(Policies.OrganisationAdmin, p => p.RequireRole(nameof(Role.PlatformAdmin), nameof(Role.RegionAdmin)))
            .AddPolicy(Policies.PersonDirectory, p => p.RequireRole(nameof(Role.PlatformAdmin), nameof(Role.RegionAdmin)))
            .AddPolicy(Policies.StaffAdmin, p => p.RequireRole(nameof(Role.PlatformAdmin), nameof(Role.RegionAdmin), nameof(Role.DepartmentAdmin)));

        // Per-node throttle on top of the per-account lock-out kept in the database.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Security.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/auth").WithTags("Identity")
            .MapPost("/token", IssueTokenEndpoint.HandleAsync)
            .RequireRateLimiting(SignInRateLimit)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("IssueToken")
            .WithSummary("Issue a bearer token")
            .WithDescription("Citizens sign in with their ID number, enterprise agents with \"USCC:agent ID number\", staff with their employee id.");
        app.MapStaffApi();
        return app;
    }
}

/// <summary>Authorisation policy names. Scope (region, department, own records) is checked in each use case.</summary>
public static class Policies
{
    public const string Staff = "staff";
    public const string Applicant = "applicant";
    public const string PlatformAdmin = "platform-admin";
    public const string OrganisationAdmin = "organisation-admin";
    public const string StaffAdmin = "staff-admin";

    /// <summary>The people and enterprise directories (自然人/法人名录): platform and region admins.</summary>
    public const string PersonDirectory = "person-directory";
}

/// <summary>
/// What other modules may read of the people and enterprises behind accounts (自然人 / 法人): the
/// name, contact and address that fill an applicant's forms (免填写). Callers audit what they show.
/// </summary>
public interface IPeopleDirectory
{
    Task<PersonProfile?> FindPersonAsync(Domain.Primitives.IdNumber idNumber, CancellationToken cancellationToken);

    Task<EnterpriseProfile?> FindEnterpriseAsync(Domain.Primitives.Uscc uscc, CancellationToken cancellationToken);

    /// <summary>
    /// The active account that speaks for an applicant: the citizen's own account, or for an enterprise
    /// <paramref name="preferred"/> when it is one of its agents, else its first agent; null when there is none.
    /// </summary>
    Task<Guid?> FindApplicantAccountAsync(Domain.Primitives.IdNumber? person, Domain.Primitives.Uscc? enterprise, Guid? preferred, CancellationToken cancellationToken);
}

public sealed record PersonProfile(Domain.Primitives.IdNumber IdNumber, string Name, string? Phone, string? Address);

public sealed record EnterpriseProfile(Domain.Primitives.Uscc Uscc, string Name, Domain.Primitives.RegionCode Region, string Address, string LegalRepresentativeName);

internal sealed class PeopleDirectory(TongbanDbContext db) : IPeopleDirectory
{
    public Task<PersonProfile?> FindPersonAsync(Domain.Primitives.IdNumber idNumber, CancellationToken cancellationToken) =>
        db.Set<Person>().AsNoTracking().Where(p => p.IdNumber == idNumber)
            .Select(p => new PersonProfile(p.IdNumber, p.Name, p.Phone, p.Address))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<EnterpriseProfile?> FindEnterpriseAsync(Domain.Primitives.Uscc uscc, CancellationToken cancellationToken) =>
        db.Set<LegalPerson>().AsNoTracking().Where(l => l.Uscc == uscc)
            .Select(l => new EnterpriseProfile(l.Uscc, l.Name, l.RegionCode, l.Address, l.LegalRepresentativeName))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<Guid?> FindApplicantAccountAsync(Domain.Primitives.IdNumber? person, Domain.Primitives.Uscc? enterprise, Guid? preferred, CancellationToken cancellationToken)
    {
        var active = db.Set<Account>().AsNoTracking().Where(a => a.Status == AccountStatus.Active);
        var candidates = enterprise is { } uscc
            ? active.Where(a => a.Kind == AccountKind.EnterpriseAgent && a.LegalPersonUscc == uscc)
            : person is { } id ? active.Where(a => a.Kind == AccountKind.Citizen && a.PersonIdNumber == id) : active.Where(_ => false);
        var ids = await candidates.OrderBy(a => a.CreatedAt).Select(a => a.Id).Take(50).ToListAsync(cancellationToken);
        return ids.Contains(preferred ?? Guid.Empty) ? preferred : ids.Count > 0 ? ids[0] : null;
    }
}

/// <summary>
/// What other modules may read of staff accounts: who works in a department in which role (转办 to
/// another approver, an extension's superior). Active accounts only.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>The active staff of a department holding the role, by employee id.</summary>
    Task<IReadOnlyList<StaffProfile>> InDepartmentAsync(Guid departmentId, Role role, CancellationToken cancellationToken);

    /// <summary>One active staff account by employee id.</summary>
    Task<StaffProfile?> FindAsync(string employeeId, CancellationToken cancellationToken);

    /// <summary>The active region-wide staff (no department) holding the role whose region covers <paramref name="region"/> (效能监管: the supervisors told of a warning).</summary>
    Task<IReadOnlyList<StaffProfile>> CoveringRegionAsync(Domain.Primitives.RegionCode region, Role role, CancellationToken cancellationToken);

    /// <summary>The staff accounts with these ids, disabled ones included (a record names who acted even after they left).</summary>
    Task<IReadOnlyList<StaffProfile>> ProfilesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken);
}

public sealed record StaffProfile(Guid AccountId, string EmployeeId, string DisplayName, IReadOnlyList<Role> Roles, Guid? DepartmentId);

internal sealed class StaffDirectory(TongbanDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffProfile>> InDepartmentAsync(Guid departmentId, Role role, CancellationToken cancellationToken)
    {
        // Roles are one column: filter the department in the database, the role here (a department has few staff).
        var staff = await Active().Where(a => a.ScopeDepartmentId == departmentId).ToListAsync(cancellationToken);
        return [.. staff.Where(a => a.HasRole(role)).OrderBy(a => a.EmployeeId, StringComparer.Ordinal).Select(Profile)];
    }

    public async Task<StaffProfile?> FindAsync(string employeeId, CancellationToken cancellationToken) =>
        await Active().Where(a => a.EmployeeId == employeeId).ToListAsync(cancellationToken) is [var account] ? Profile(account) : null;

    public async Task<IReadOnlyList<StaffProfile>> CoveringRegionAsync(Domain.Primitives.RegionCode region, Role role, CancellationToken cancellationToken)
    {
        // Region-wide staff are few beside departmental staff: the role and the covering region are checked here.
        var staff = await Active().Where(a => a.ScopeDepartmentId == null && a.ScopeRegion != null).ToListAsync(cancellationToken);
        return [.. staff.Where(a => a.HasRole(role) && a.Scope!.CoversRegion(region)).OrderBy(a => a.EmployeeId, StringComparer.Ordinal).Select(Profile)];
    }

    public async Task<IReadOnlyList<StaffProfile>> ProfilesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var ids = accountIds.Distinct().ToList();
        var staff = await db.Set<Account>().AsNoTracking().Where(a => a.Kind == AccountKind.Staff && ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return [.. staff.Select(Profile)];
    }

    private IQueryable<Account> Active() =>
        db.Set<Account>().AsNoTracking().Where(a => a.Kind == AccountKind.Staff && a.Status == AccountStatus.Active);

    private static StaffProfile Profile(Account a) => new(a.Id, a.EmployeeId ?? a.LoginName, a.DisplayName, a.Roles, a.ScopeDepartmentId);
}
