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

    public const int MaxEmployeeIdLength = 32;
    public const int MaxDisplayNameLength = 100;
    public const int MaxDisabledReasonLength = 500;
    public const int MinPasswordLength = 8;

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
        if (StaffMustHaveAnEmployeeIdAndAName(employeeId, name) is { } broken)
        {
            return broken;
        }

        var account = New(id, AccountKind.Staff, employeeId, name, passwordHash, now);
        account.EmployeeId = account.LoginName;
        var assigned = account.AssignRoles(roles, scope);
        return assigned.IsSuccess ? account : assigned.Error;
    }

    /// <summary>
    /// 人员管理: an administrator enrols a staff member. The grant must be within the administrator's
    /// authority and the initial password strong; the password is hashed only once every rule holds.
    /// </summary>
    public static Result<Account> EnrolStaff(
        StaffAdministrator by, Guid id, string? employeeId, string? name, string? password, Func<Account, string, string> hashPassword, StaffGrant grant, DateTimeOffset now)
    {
        var broken = by.MayGrant(grant).Error
            ?? StaffMustHaveAnEmployeeIdAndAName(employeeId, name)
            ?? PasswordMustHaveEightCharactersWithLettersAndDigits(password);
        if (broken is not null)
        {
            return broken;
        }

        var enrolled = ForStaff(id, employeeId!, name!, "", grant.Roles, grant.Scope, now);
        if (enrolled.IsSuccess)
        {
            enrolled.Value.PasswordHash = hashPassword(enrolled.Value, password!);
        }

        return enrolled;
    }

    /// <summary>Changes a staff member's roles and scope; their sessions end so the new roles apply at the next sign-in.</summary>
    public Result ChangeRoles(StaffAdministrator by, StaffGrant grant) =>
        (by.MayManage(this).Error ?? by.MayGrant(grant).Error) is { } broken ? broken : AssignRoles(grant.Roles, grant.Scope);

    /// <summary>An administrator sets a new password (forgotten, or handed over); every session and token ends.</summary>
    public Result ResetPassword(StaffAdministrator by, string? password, Func<Account, string, string> hashPassword)
    {
        if ((by.MayManage(this).Error ?? PasswordMustHaveEightCharactersWithLettersAndDigits(password)) is { } broken)
        {
            return broken;
        }

        ChangePassword(hashPassword(this, password!));
        return Result.Success;
    }

    /// <summary>离岗/退休/调离: an administrator disables a staff member they manage, never themselves.</summary>
    public Result Disable(StaffAdministrator by, string? reason, DateTimeOffset now) =>
        (by.MayManage(this).Error ?? AdministratorsCannotDisableThemselves(by)) is { } broken ? broken : Disable(reason ?? "", now);

    public Result Enable(StaffAdministrator by) =>
        by.MayManage(this).Error is { } broken ? broken : Enable();

    /// <summary>Employee ids are short codes (letters, digits, '-' and '_'); names fit the record.</summary>
    private static Error? StaffMustHaveAnEmployeeIdAndAName(string? employeeId, string? name)
    {
        if (string.IsNullOrWhiteSpace(employeeId))
        {
            return new Invalid("staff.employee-id-required") { Field = nameof(EmployeeId) };
        }

        var trimmed = employeeId.Trim();
        if (trimmed.Length > MaxEmployeeIdLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return new Invalid("staff.employee-id-format", MaxEmployeeIdLength) { Field = nameof(EmployeeId) };
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("staff.name-required") { Field = nameof(DisplayName) };
        }

        return name.Trim().Length > MaxDisplayNameLength
            ? new Invalid("staff.name-too-long", MaxDisplayNameLength) { Field = nameof(DisplayName) }
            : null;
    }

    /// <summary>A password set by an administrator: at least 8 characters with both letters and digits.</summary>
    public static Error? PasswordMustHaveEightCharactersWithLettersAndDigits(string? password) =>
        password is { Length: >= MinPasswordLength } && password.Any(char.IsAsciiLetter) && password.Any(char.IsAsciiDigit)
            ? null
            : new Invalid("staff.password-too-weak", MinPasswordLength) { Field = "Password" };

    private Error? AdministratorsCannotDisableThemselves(StaffAdministrator by) =>
        by.AccountId == Id ? new Conflict("staff.cannot-disable-self") : null;

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

        if (reason.Trim().Length > MaxDisabledReasonLength)
        {
            return new Invalid("account.disable-reason-too-long", MaxDisabledReasonLength) { Field = nameof(DisabledReason) };
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

/// <summary>
/// What an administrator gives a staff account: roles, the region it acts in and, for
/// department-bound work, its department together with that department's own region.
/// </summary>
public sealed record StaffGrant(IReadOnlyCollection<Role> Roles, RegionCode Region, GrantedDepartment? Department)
{
    public StaffScope Scope => new(Region, Department?.Id);
}

/// <summary>A department as a grant needs it: which one, and the region it serves.</summary>
public sealed record GrantedDepartment(Guid Id, RegionCode Region);

/// <summary>How far an administrator's oversight of staff reaches.</summary>
public enum OversightReach
{
    /// <summary>Not a staff administrator: oversees no one.</summary>
    Nobody,

    /// <summary>Platform admin: every staff account.</summary>
    Everyone,

    /// <summary>Region admin: staff whose scope region lies inside the administrator's.</summary>
    Region,

    /// <summary>Department admin: staff of their own department, inside their region.</summary>
    Department,
}

/// <summary>The staff an administrator oversees: a reach, and the region and department it is bounded by.</summary>
public sealed record StaffOversight(OversightReach Reach, RegionCode? Region, Guid? DepartmentId)
{
    public bool Covers(RegionCode? region, Guid? departmentId) => Reach switch
    {
        OversightReach.Nobody => false,
        OversightReach.Everyone => true,
        OversightReach.Region => region is { } r && Region!.Value.Contains(r),
        OversightReach.Department => region is { } r && Region!.Value.Contains(r) && departmentId == DepartmentId,
    };
}

/// <summary>
/// An administrator acting on staff accounts (人员管理) and the rules on what they may grant:
/// platform admins grant anything anywhere; region admins anything but platform admin inside their
/// region; department admins only non-administrative roles and department admin, only in their own
/// department. Nobody manages an account holding a role they could not grant.
/// </summary>
public sealed record StaffAdministrator(Guid AccountId, IReadOnlySet<Role> Roles, StaffScope? Scope)
{
    public StaffOversight Oversight =>
        Roles.Contains(Role.PlatformAdmin) ? new StaffOversight(OversightReach.Everyone, null, null)
        : Scope is null ? new StaffOversight(OversightReach.Nobody, null, null)
        : Roles.Contains(Role.RegionAdmin) ? new StaffOversight(OversightReach.Region, Scope.Region, null)
        : Roles.Contains(Role.DepartmentAdmin) && Scope.DepartmentId is { } department ? new StaffOversight(OversightReach.Department, Scope.Region, department)
        : new StaffOversight(OversightReach.Nobody, null, null);

    /// <summary>The roles this administrator may hand out, for the form's checkboxes.</summary>
    public IReadOnlyList<Role> GrantableRoles =>
        Oversight.Reach == OversightReach.Nobody ? [] : [.. Enum.GetValues<Role>().Where(role => RolesWithinAuthority([role]) is null)];

    public bool Oversees(Account account) =>
        account.Kind == AccountKind.Staff && Oversight.Covers(account.ScopeRegion, account.ScopeDepartmentId);

    /// <summary>Accounts outside the oversight are "not found"; those holding higher roles are refused.</summary>
    public Result MayManage(Account account) =>
        !Oversees(account) ? new NotFound("staff.not-found")
        : RolesWithinAuthority(account.Roles) is not null ? new Forbidden("staff.holds-higher-role")
        : Result.Success;

    public Result MayGrant(StaffGrant grant) =>
        (MustBeAStaffAdministrator()
            ?? RolesWithinAuthority(grant.Roles)
            ?? RegionMustLieWithinOwnOversight(grant)
            ?? DepartmentAdminsGrantOnlyTheirOwnDepartment(grant)
            ?? DepartmentMustLieWithinOwnOversight(grant)
            ?? StaffActWithinTheirDepartmentsRegion(grant)) is { } broken
            ? broken
            : Result.Success;

    private Error? MustBeAStaffAdministrator() =>
        Oversight.Reach == OversightReach.Nobody ? new Forbidden("staff.not-an-administrator") : null;

    private Error? RolesWithinAuthority(IReadOnlyCollection<Role> roles) =>
        OnlyPlatformAdminsGrantPlatformAdmin(roles) ?? DepartmentAdminsCannotGrantRegionAdmin(roles);

    private Error? OnlyPlatformAdminsGrantPlatformAdmin(IReadOnlyCollection<Role> roles) =>
        roles.Contains(Role.PlatformAdmin) && Oversight.Reach != OversightReach.Everyone
            ? new Forbidden("staff.only-platform-admins-grant-platform-admin") { Field = nameof(StaffGrant.Roles) }
            : null;

    private Error? DepartmentAdminsCannotGrantRegionAdmin(IReadOnlyCollection<Role> roles) =>
        roles.Contains(Role.RegionAdmin) && Oversight.Reach == OversightReach.Department
            ? new Forbidden("staff.department-admins-cannot-grant-region-admin") { Field = nameof(StaffGrant.Roles) }
            : null;

    private Error? RegionMustLieWithinOwnOversight(StaffGrant grant) =>
        Oversight.Reach != OversightReach.Everyone && !Oversight.Region!.Value.Contains(grant.Region)
            ? new Invalid("staff.region-outside-oversight") { Field = nameof(Account.ScopeRegion) }
            : null;

    private Error? DepartmentAdminsGrantOnlyTheirOwnDepartment(StaffGrant grant) =>
        Oversight.Reach == OversightReach.Department && grant.Department?.Id != Oversight.DepartmentId
            ? new Invalid("staff.department-admins-grant-own-department-only") { Field = nameof(Account.ScopeDepartmentId) }
            : null;

    private Error? DepartmentMustLieWithinOwnOversight(StaffGrant grant) =>
        grant.Department is { } department && Oversight.Reach != OversightReach.Everyone && !Oversight.Region!.Value.Contains(department.Region)
            ? new Invalid("staff.department-outside-oversight") { Field = nameof(Account.ScopeDepartmentId) }
            : null;

    private static Error? StaffActWithinTheirDepartmentsRegion(StaffGrant grant) =>
        grant.Department is { } department && !department.Region.Contains(grant.Region)
            ? new Invalid("staff.region-outside-department") { Field = nameof(Account.ScopeRegion) }
            : null;
}
