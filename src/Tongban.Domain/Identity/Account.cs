using System.Security.Cryptography;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Identity;

/// <summary>
/// A sign-in account: a citizen, an enterprise agent or a staff member. Holds credentials, lock-out
/// state and, for staff, roles and scope. The security stamp changes whenever access must end at
/// once (disabled, password or roles changed): sessions and tokens carrying the old stamp stop working.
/// </summary>
public sealed class Account : IVersioned
{
    private Account() { }

    public Guid Id { get; private set; }
    public AccountKind Kind { get; private set; }

    /// <summary>ID number (citizen), "USCC:agent ID number" (enterprise agent) or employee id (staff).</summary>
    public string LoginName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public AccountStatus Status { get; private set; }
    public string SecurityStamp { get; private set; } = "";
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public string? DisabledReason { get; private set; }

    /// <summary>The natural person behind the account (citizen, or the agent acting for an enterprise).</summary>
    public IdNumber? PersonIdNumber { get; private set; }

    /// <summary>The enterprise an agent acts for.</summary>
    public Uscc? LegalPersonUscc { get; private set; }

    public string? EmployeeId { get; private set; }
    public IReadOnlyList<Role> Roles { get; private set; } = [];
    public RegionCode? ScopeRegion { get; private set; }
    public Guid? ScopeDepartmentId { get; private set; }
    public int Version { get; set; }

    public StaffScope? Scope => ScopeRegion is { } region ? new StaffScope(region, ScopeDepartmentId) : null;

    public bool IsActive => Status == AccountStatus.Active;

    public bool HasRole(Role role) => Roles.Contains(role);

    public static string AgentLoginName(Uscc uscc, IdNumber agent) => $"{uscc.Value}:{agent.Value}";

    public static Account ForCitizen(Guid id, IdNumber person, string name, string passwordHash, DateTimeOffset now)
    {
        var account = New(id, AccountKind.Citizen, person.Value, name, passwordHash, now);
        account.PersonIdNumber = person;
        return account;
    }

    public static Account ForAgent(Guid id, Uscc enterprise, IdNumber agent, string agentName, string passwordHash, DateTimeOffset now)
    {
        var account = New(id, AccountKind.EnterpriseAgent, AgentLoginName(enterprise, agent), agentName, passwordHash, now);
        account.PersonIdNumber = agent;
        account.LegalPersonUscc = enterprise;
        return account;
    }

    public static Result<Account> ForStaff(Guid id, string employeeId, string name, string passwordHash, IReadOnlyCollection<Role> roles, StaffScope scope, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(employeeId))
        {
            return new Invalid("staff.employee-id-required") { Field = nameof(EmployeeId) };
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("staff.name-required") { Field = nameof(DisplayName) };
        }

        var account = New(id, AccountKind.Staff, employeeId.Trim(), name, passwordHash, now);
        account.EmployeeId = employeeId.Trim();
        var assigned = account.AssignRoles(roles, scope);
        return assigned.IsSuccess ? account : assigned.Error;
    }

    private static Account New(Guid id, AccountKind kind, string loginName, string displayName, string passwordHash, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = kind,
        LoginName = loginName.Trim().ToUpperInvariant(),
        DisplayName = displayName.Trim(),
        PasswordHash = passwordHash,
        Status = AccountStatus.Active,
        SecurityStamp = NewStamp(),
        CreatedAt = now,
    };

    /// <summary>Rules: staff need at least one role; department-bound roles need a department.</summary>
    public Result AssignRoles(IReadOnlyCollection<Role> roles, StaffScope scope)
    {
        if (Kind != AccountKind.Staff)
        {
            return new Conflict("staff.only-staff-have-roles");
        }

        if (roles.Count == 0)
        {
            return new Invalid("staff.role-required") { Field = nameof(Roles) };
        }

        if (roles.Contains(Role.DepartmentAdmin) && scope.DepartmentId is null)
        {
            return new Invalid("staff.department-admin-needs-department") { Field = nameof(ScopeDepartmentId) };
        }

        Roles = [.. roles.Distinct().Order()];
        ScopeRegion = scope.Region;
        ScopeDepartmentId = scope.DepartmentId;
        SecurityStamp = NewStamp();
        return Result.Success;
    }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failed sign-in; the last allowed failure locks the account for a while.</summary>
    public void RecordFailedSignIn(DateTimeOffset now, SignInPolicy policy)
    {
        if (LockedUntil is { } until && until <= now)
        {
            FailedSignIns = 0;
            LockedUntil = null;
        }

        FailedSignIns++;
        if (FailedSignIns >= policy.MaxFailedAttempts)
        {
            LockedUntil = now + policy.LockoutDuration;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>离岗/退休: disabling needs a reason and ends every session and token at once.</summary>
    public Result Disable(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Invalid("account.disable-reason-required") { Field = nameof(DisabledReason) };
        }

        if (Status == AccountStatus.Disabled)
        {
            return new Conflict("account.already-disabled");
        }

        Status = AccountStatus.Disabled;
        DisabledAt = now;
        DisabledReason = reason.Trim();
        SecurityStamp = NewStamp();
        return Result.Success;
    }

    public Result Enable()
    {
        if (Status == AccountStatus.Active)
        {
            return new Conflict("account.already-active");
        }

        Status = AccountStatus.Active;
        DisabledAt = null;
        DisabledReason = null;
        FailedSignIns = 0;
        LockedUntil = null;
        return Result.Success;
    }

    public void ChangePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        SecurityStamp = NewStamp();
    }

    /// <summary>Silently upgrades the stored hash when the hasher asks for a rehash.</summary>
    public void UpgradePasswordHash(string passwordHash) => PasswordHash = passwordHash;

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
