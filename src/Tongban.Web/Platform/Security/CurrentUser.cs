using System.Security.Claims;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;

namespace Tongban.Platform.Security;

/// <summary>
/// Who is calling, read once per request from the validated principal (cookie or bearer token).
/// Scope checks go through <see cref="CanSeeRegion"/> and <see cref="CanActOn"/>.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal? _readFrom;
    private Snapshot _snapshot = Snapshot.Anonymous;

    public Guid? AccountId => Current.AccountId;
    public bool IsAuthenticated => AccountId is not null;
    public string DisplayName => Current.DisplayName;
    public AccountKind? Kind => Current.Kind;
    public IReadOnlySet<Role> Roles => Current.Roles;
    public StaffScope? Scope => Current.Scope;
    public IdNumber? Person => Current.Person;
    public Uscc? LegalPerson => Current.LegalPerson;

    public bool IsStaff => Kind == AccountKind.Staff;

    public bool IsPlatformAdmin => Roles.Contains(Role.PlatformAdmin);

    /// <summary>The role recorded in audit: the staff roles, or the account kind.</summary>
    public string RoleLabel => Roles.Count > 0 ? string.Join(',', Roles.Order()) : Kind?.ToString() ?? "anonymous";

    public bool HasAnyRole(params Role[] roles) => roles.Any(Roles.Contains);

    /// <summary>Staff see a region when it lies inside their scope; platform admins see everything.</summary>
    public bool CanSeeRegion(RegionCode region) => IsPlatformAdmin || (Scope?.CoversRegion(region) ?? false);

    /// <summary>Acting on a department's record needs the region in scope and, when scoped, the same department.</summary>
    public bool CanActOn(RegionCode region, Guid? departmentId) => IsPlatformAdmin || (Scope?.Covers(region, departmentId) ?? false);

    // Read from the principal in force now: this service can be created before authentication has
    // run (the session check itself opens the database), so it must not capture the user early.
    private Snapshot Current
    {
        get
        {
            var principal = accessor.HttpContext?.User;
            if (!ReferenceEquals(principal, _readFrom))
            {
                _snapshot = Snapshot.From(principal);
                _readFrom = principal;
            }

            return _snapshot;
        }
    }

    private sealed record Snapshot(Guid? AccountId, string DisplayName, AccountKind? Kind, IReadOnlySet<Role> Roles, StaffScope? Scope, IdNumber? Person, Uscc? LegalPerson)
    {
        public static Snapshot Anonymous { get; } = new(null, "", null, new HashSet<Role>(), null, null, null);

        public static Snapshot From(ClaimsPrincipal? principal)
        {
            if (principal?.Identity?.IsAuthenticated != true
                || !Guid.TryParse(principal.FindFirstValue(TongbanClaims.AccountId), out var accountId))
            {
                return Anonymous;
            }

            StaffScope? scope = null;
            if (principal.FindFirstValue(TongbanClaims.ScopeRegion) is { } region)
            {
                var department = principal.FindFirstValue(TongbanClaims.ScopeDepartment);
                scope = new StaffScope(RegionCode.FromTrusted(region), department is null ? null : Guid.Parse(department));
            }

            return new Snapshot(
                accountId,
                principal.FindFirstValue(ClaimTypes.Name) ?? "",
                Enum.Parse<AccountKind>(principal.FindFirstValue(TongbanClaims.Kind) ?? nameof(AccountKind.Citizen)),
                principal.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var role) ? role : (Role?)null).OfType<Role>().ToHashSet(),
                scope,
                principal.FindFirstValue(TongbanClaims.Person) is { } person ? IdNumber.FromTrusted(person) : null,
                principal.FindFirstValue(TongbanClaims.LegalPerson) is { } legalPerson ? Uscc.FromTrusted(legalPerson) : null);
        }
    }
}

public static class TongbanClaims
{
    public const string AccountId = "tb:account";
    public const string Kind = "tb:kind";
    public const string SecurityStamp = "tb:stamp";
    public const string ScopeRegion = "tb:scope-region";
    public const string ScopeDepartment = "tb:scope-department";
    public const string Person = "tb:person";
    public const string LegalPerson = "tb:legal-person";
}
