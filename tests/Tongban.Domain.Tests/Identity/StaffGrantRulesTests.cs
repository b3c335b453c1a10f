using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Tests.Identifiers;

namespace Tongban.Domain.Tests.Identity;

/// <summary>人员管理: who may grant which roles where, and who may manage whom.</summary>
public class StaffGrantRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly RegionCode City = RegionCode.FromTrusted("510900000000");
    private static readonly RegionCode Pengxi = RegionCode.FromTrusted("510921000000");
    private static readonly RegionCode Chicheng = RegionCode.FromTrusted("510921100000");
    private static readonly RegionCode Shehong = RegionCode.FromTrusted("510981000000");
    private static readonly GrantedDepartment CityMarket = new(Guid.NewGuid(), City);
    private static readonly GrantedDepartment CityTax = new(Guid.NewGuid(), City);
    private static readonly GrantedDepartment PengxiMarket = new(Guid.NewGuid(), Pengxi);

    private static readonly StaffAdministrator PlatformAdmin = Administrator([Role.PlatformAdmin], City, null);
    private static readonly StaffAdministrator PengxiRegionAdmin = Administrator([Role.RegionAdmin], Pengxi, null);
    private static readonly StaffAdministrator CityMarketAdmin = Administrator([Role.DepartmentAdmin], City, CityMarket.Id);
    private static readonly StaffAdministrator Clerk = Administrator([Role.WindowClerk], City, null);

    [Fact]
    public void PlatformAdmin_MayGrantPlatformAdminAnywhere() =>
        Assert.True(PlatformAdmin.MayGrant(Grant(Shehong, null, Role.PlatformAdmin)).IsSuccess);

    [Fact]
    public void RegionAdmin_CannotGrantPlatformAdmin() =>
        Refused<Forbidden>(PengxiRegionAdmin.MayGrant(Grant(Pengxi, null, Role.PlatformAdmin, Role.WindowClerk)), "staff.only-platform-admins-grant-platform-admin", "Roles");

    [Fact]
    public void RegionAdmin_MayGrantRegionAdminAndDepartmentRolesInsideTheirRegion() =>
        Assert.True(PengxiRegionAdmin.MayGrant(Grant(Chicheng, PengxiMarket, Role.RegionAdmin, Role.DepartmentAdmin, Role.Approver)).IsSuccess);

    [Fact]
    public void RegionAdmin_CannotPlaceStaffOutsideTheirRegion() =>
        Refused<Invalid>(PengxiRegionAdmin.MayGrant(Grant(Shehong, null, Role.WindowClerk)), "staff.region-outside-oversight", "ScopeRegion");

    [Fact]
    public void RegionAdmin_CannotPlaceStaffInADepartmentAboveTheirRegion() =>
        Refused<Invalid>(PengxiRegionAdmin.MayGrant(Grant(Pengxi, CityMarket, Role.Approver)), "staff.department-outside-oversight", "ScopeDepartmentId");

    [Theory]
    [InlineData(Role.RegionAdmin, "staff.department-admins-cannot-grant-region-admin")]
    [InlineData(Role.PlatformAdmin, "staff.only-platform-admins-grant-platform-admin")]
    public void DepartmentAdmin_CannotGrantRegionOrPlatformAdmin(Role role, string code) =>
        Refused<Forbidden>(CityMarketAdmin.MayGrant(Grant(City, CityMarket, role)), code, "Roles");

    [Fact]
    public void DepartmentAdmin_MayGrantDepartmentRolesInTheirOwnDepartment() =>
        Assert.True(CityMarketAdmin.MayGrant(Grant(City, CityMarket, Role.Approver, Role.DepartmentAdmin)).IsSuccess);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DepartmentAdmin_EnrolsOnlyForTheirOwnDepartment(bool noDepartment) =>
        Refused<Invalid>(
            CityMarketAdmin.MayGrant(Grant(City, noDepartment ? null : CityTax, Role.Approver)),
            "staff.department-admins-grant-own-department-only",
            "ScopeDepartmentId");

    [Fact]
    public void StaffOfADepartment_ActWithinItsRegion() =>
        Refused<Invalid>(PlatformAdmin.MayGrant(Grant(Shehong, PengxiMarket, Role.Approver)), "staff.region-outside-department", "ScopeRegion");

    [Fact]
    public void OtherStaff_CannotGrantAnything()
    {
        Refused<Forbidden>(Clerk.MayGrant(Grant(City, null, Role.WindowClerk)), "staff.not-an-administrator", null);
        Assert.Empty(Clerk.GrantableRoles);
    }

    [Fact]
    public void GrantableRoles_FollowTheGrantRules()
    {
        Assert.Equal(Enum.GetValues<Role>(), PlatformAdmin.GrantableRoles);
        Assert.DoesNotContain(Role.PlatformAdmin, PengxiRegionAdmin.GrantableRoles);
        Assert.Contains(Role.RegionAdmin, PengxiRegionAdmin.GrantableRoles);
        Assert.DoesNotContain(Role.RegionAdmin, CityMarketAdmin.GrantableRoles);
        Assert.Contains(Role.DepartmentAdmin, CityMarketAdmin.GrantableRoles);
    }

    [Fact]
    public void Oversight_RegionAdminSeesStaffInsideTheirRegion_DepartmentAdminOnlyTheirDepartment()
    {
        var pengxiClerk = Staff(Grant(Chicheng, null, Role.WindowClerk));
        var cityApprover = Staff(Grant(City, CityMarket, Role.Approver));
        var cityTaxClerk = Staff(Grant(City, CityTax, Role.WindowClerk));

        Assert.True(PengxiRegionAdmin.Oversees(pengxiClerk));
        Assert.False(PengxiRegionAdmin.Oversees(cityApprover));
        Assert.True(CityMarketAdmin.Oversees(cityApprover));
        Assert.False(CityMarketAdmin.Oversees(cityTaxClerk));
        Assert.False(CityMarketAdmin.Oversees(pengxiClerk));
        Assert.True(PlatformAdmin.Oversees(pengxiClerk) && PlatformAdmin.Oversees(cityTaxClerk));
        Assert.False(Clerk.Oversees(cityTaxClerk));
    }

    [Fact]
    public void MayManage_OutsideTheOversight_IsNotFound_AndAHigherRoleIsRefused()
    {
        var cityRegionAdmin = Administrator([Role.RegionAdmin], City, null);
        Refused<NotFound>(PengxiRegionAdmin.MayManage(Staff(Grant(City, CityMarket, Role.Approver))), "staff.not-found", null);
        Refused<Forbidden>(cityRegionAdmin.MayManage(Staff(Grant(City, null, Role.PlatformAdmin))), "staff.holds-higher-role", null);
        Assert.True(cityRegionAdmin.MayManage(Staff(Grant(Pengxi, null, Role.RegionAdmin))).IsSuccess);
    }

    [Fact]
    public void EnrolStaff_ChecksTheGrantBeforeHashing()
    {
        var hashed = 0;
        var refused = Account.EnrolStaff(PengxiRegionAdmin, Guid.NewGuid(), "px-boss", "某人", "Mima2026x", (_, p) => $"hash:{p}:{++hashed}", Grant(Pengxi, null, Role.PlatformAdmin), Now);
        IdentifierAssert.Fails(refused, "staff.only-platform-admins-grant-platform-admin");
        Assert.Equal(0, hashed);

        var enrolled = IdentifierAssert.Succeeds(Account.EnrolStaff(PengxiRegionAdmin, Guid.NewGuid(), " px-clerk-9 ", "赵某", "Mima2026x", (_, p) => $"hash:{p}", Grant(Chicheng, null, Role.WindowClerk), Now));
        Assert.Equal("PX-CLERK-9", enrolled.EmployeeId);
        Assert.Equal("PX-CLERK-9", enrolled.LoginName);
        Assert.Equal("hash:Mima2026x", enrolled.PasswordHash);
        Assert.Equal(new StaffScope(Chicheng, null), enrolled.Scope);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc1234")]
    [InlineData("abcdefgh")]
    [InlineData("12345678")]
    [InlineData("１２３４５６７８ab")] // full-width digits are not the digits asked for
    public void Password_NeedsEightCharactersWithLettersAndDigits(string? password)
    {
        var error = Account.PasswordMustHaveEightCharactersWithLettersAndDigits(password);
        Assert.NotNull(error);
        Assert.Equal("staff.password-too-weak", error.Code);
        IdentifierAssert.AssertChineseMessage(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("张 三")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void EmployeeId_IsAShortCode(string employeeId) =>
        IdentifierAssert.Fails(Account.EnrolStaff(PlatformAdmin, Guid.NewGuid(), employeeId, "某人", "Mima2026x", (_, p) => p, Grant(City, null, Role.WindowClerk), Now),
            employeeId.Length == 0 ? "staff.employee-id-required" : "staff.employee-id-format");

    [Fact]
    public void Disable_AdministratorsCannotDisableThemselves_AndNeedAReason()
    {
        var self = Staff(Grant(Pengxi, null, Role.RegionAdmin));
        var selfAdministrator = new StaffAdministrator(self.Id, new HashSet<Role> { Role.RegionAdmin }, self.Scope);
        Refused<Conflict>(self.Disable(selfAdministrator, "退休", Now), "staff.cannot-disable-self", null);
        Assert.True(self.IsActive);

        var clerk = Staff(Grant(Chicheng, null, Role.WindowClerk));
        var stamp = clerk.SecurityStamp;
        Refused<Invalid>(clerk.Disable(PengxiRegionAdmin, " ", Now), "account.disable-reason-required", "DisabledReason");
        Assert.True(clerk.Disable(PengxiRegionAdmin, "调离", Now).IsSuccess);
        Assert.False(clerk.IsActive);
        Assert.NotEqual(stamp, clerk.SecurityStamp);
        Assert.True(clerk.Enable(PengxiRegionAdmin).IsSuccess);
        Assert.True(clerk.IsActive);
    }

    [Fact]
    public void ResetPassword_RotatesTheStamp_AndChangeRolesIsHeldToTheGrantRules()
    {
        var clerk = Staff(Grant(Chicheng, null, Role.WindowClerk));
        var stamp = clerk.SecurityStamp;
        Assert.True(clerk.ResetPassword(PengxiRegionAdmin, "Xinmima2026", (_, p) => $"new:{p}").IsSuccess);
        Assert.Equal("new:Xinmima2026", clerk.PasswordHash);
        Assert.NotEqual(stamp, clerk.SecurityStamp);

        Refused<Forbidden>(clerk.ChangeRoles(PengxiRegionAdmin, Grant(Chicheng, null, Role.PlatformAdmin)), "staff.only-platform-admins-grant-platform-admin", "Roles");
        Assert.Equal([Role.WindowClerk], clerk.Roles);
        Assert.True(clerk.ChangeRoles(PengxiRegionAdmin, Grant(Pengxi, PengxiMarket, Role.Approver)).IsSuccess);
        Assert.Equal([Role.Approver], clerk.Roles);
    }

    private static StaffAdministrator Administrator(Role[] roles, RegionCode region, Guid? department) =>
        new(Guid.NewGuid(), roles.ToHashSet(), new StaffScope(region, department));

    private static StaffGrant Grant(RegionCode region, GrantedDepartment? department, params Role[] roles) => new(roles, region, department);

    private static Account Staff(StaffGrant grant) =>
        Account.ForStaff(Guid.NewGuid(), $"T-{Guid.NewGuid():N}"[..12], "测试人员", "hash", grant.Roles, grant.Scope, Now).Value;

    private static void Refused<TError>(Result result, string code, string? field)
        where TError : Error
    {
        Assert.False(result.IsSuccess, $"expected {code}");
        Assert.IsType<TError>(result.Error);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(field, result.Error.Field);
        IdentifierAssert.AssertChineseMessage(result.Error);
    }
}
