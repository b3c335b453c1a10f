using System.Security.Claims;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;

namespace Tongban.Platform.Security;

/// <summary>
/// Who is calling, read once per request from the validated principal (cookie or bearer token).
/// Scope checks go through <see cref="CanSeeRegion"/> and <see cref="CanActOn"/>.
/// </summary>
public sealed class CurrentUser
{
    public CurrentUser(IHttpContextAccessor accessor)
    {
        var principal = accessor.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(TongbanClaims.AccountId), out var accountId))
        {
            return;
        }

        AccountId = accountId;
        DisplayName = principal.FindFirstValue(ClaimTypes.Name) ?? "";
        Kind = Enum.Parse<AccountKind>(principal.FindFirstValue(TongbanClaims.Kind) ?? nameof(AccountKind.Citizen));
        Roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<Role>(c.Value, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
        if (principal.FindFirstValue(TongbanClaims.ScopeRegion) is { } region)
        {
            var department = principal.FindFirstValue(TongbanClaims.ScopeDepartment);
            Scope = new StaffScope(RegionCode.FromTrusted(region), department is null ? null : Guid.Parse(department));
        }

        if (principal.FindFirstValue(TongbanClaims.Person) is { } person)
        {
            Person = IdNumber.FromTrusted(person);
        }

        if (principal.FindFirstValue(TongbanClaims.LegalPerson) is { } legalPerson)
        {
            LegalPerson = Uscc.FromTrusted(legalPerson);
        }
    }

    public Guid? AccountId { get; }
    public bool IsAuthenticated => AccountId is not null;
    public string DisplayName { get; } = "";
    public AccountKind? Kind { get; }
    public IReadOnlySet<Role> Roles { get; } = new HashSet<Role>();
    public StaffScope? Scope { get; }
    public IdNumber? Person { get; }
    public Uscc? LegalPerson { get; }

    public bool IsStaff => Kind == AccountKind.Staff;

    public bool IsPlatformAdmin => Roles.Contains(Role.PlatformAdmin);

    /// <summary>The role recorded in audit: the staff roles, or the account kind.</summary>
    public string RoleLabel => Roles.Count > 0 ? string.Join(',', Roles.Order()) : Kind?.ToString() ?? "anonymous";

    public bool HasAnyRole(params Role[] roles) => roles.Any(Roles.Contains);

    /// <summary>Staff see a region when it lies inside their scope; platform admins see everything.</summary>
    public bool CanSeeRegion(RegionCode region) => IsPlatformAdmin || (Scope?.CoversRegion(region) ?? false);

    /// <summary>Acting on a department's record needs the region in scope and, when scoped, the same department.</summary>
    public bool CanActOn(RegionCode region, Guid? departmentId) => IsPlatformAdmin || (Scope?.Covers(region, departmentId) ?? false);
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
