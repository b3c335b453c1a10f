namespace Tongban.Domain.Identity;

/// <summary>Staff roles. Each is limited further by the account's region and department scope.</summary>
public enum Role
{
    PlatformAdmin,
    RegionAdmin,
    DepartmentAdmin,
    WindowClerk,
    Approver,
    Supervisor,
    DataOfficer,

    /// <summary>部门业务系统: a department's own system taking over back-office steps through the department API.</summary>
    DepartmentSystem,
}

public enum AccountKind
{
    /// <summary>自然人: signs in with their 公民身份号码.</summary>
    Citizen,

    /// <summary>法人经办人: signs in with the enterprise's USCC and their own ID number.</summary>
    EnterpriseAgent,

    /// <summary>工作人员: signs in with their employee id.</summary>
    Staff,
}

public enum AccountStatus
{
    Active,
    Disabled,
}
