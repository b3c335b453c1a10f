using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Domain.Tests.Identifiers;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Organisation;

public class DepartmentTests
{
    private static readonly RegionCode City = RegionCode.FromTrusted("510900000000");
    private static readonly RegionCode Pengxi = RegionCode.FromTrusted("510921000000");
    private static readonly RegionCode Shehong = RegionCode.FromTrusted("510981000000");
    private static readonly Uscc SomeUscc = Uscc.FromTrusted(TestIds.Uscc("11", "510921", "MB1C0009"));

    private static Department NewDepartment(RegionCode region, DepartmentParent? parent = null) =>
        Succeeds(Department.Create(Guid.NewGuid(), SomeUscc, "县市场监督管理局", region, parent));

    private static void AssertRefused(Result result, string code, string field)
    {
        Assert.False(result.IsSuccess, $"Expected '{code}' but the update was accepted.");
        Assert.Equal(code, result.Error.Code);
        Assert.IsType<Invalid>(result.Error);
        Assert.Equal(field, result.Error.Field);
        AssertChineseMessage(result.Error);
    }

    [Fact]
    public void Create_UnderAParentServingAnEnclosingRegion_IsAccepted()
    {
        var parent = new DepartmentParent(Guid.NewGuid(), City, []);
        var department = NewDepartment(Pengxi, parent);
        Assert.Equal(parent.Id, department.ParentId);
        Assert.Equal(Pengxi, department.RegionCode);
    }

    [Fact]
    public void Create_UnderAParentOfTheSameRegion_IsAccepted() =>
        Assert.NotNull(NewDepartment(Pengxi, new DepartmentParent(Guid.NewGuid(), Pengxi, [])).ParentId);

    [Fact]
    public void Create_UnderAParentOfAnotherCounty_IsRefused() =>
        Assert.Equal(nameof(Department.ParentId), FailsInvalid(
            Department.Create(Guid.NewGuid(), SomeUscc, "县市场监督管理局", Pengxi, new DepartmentParent(Guid.NewGuid(), Shehong, [])),
            "department.parent-region").Field);

    [Fact]
    public void Create_UnderAParentOfALowerLevel_IsRefused() =>
        FailsInvalid(
            Department.Create(Guid.NewGuid(), SomeUscc, "市市场监督管理局", City, new DepartmentParent(Guid.NewGuid(), Pengxi, [])),
            "department.parent-region");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WithoutAName_IsRefused(string name) =>
        FailsInvalid(Department.Create(Guid.NewGuid(), SomeUscc, name, Pengxi, null), "department.name-required");

    [Fact]
    public void Create_WithANameLongerThanTheRegisterHolds_IsRefused() =>
        FailsInvalid(Department.Create(Guid.NewGuid(), SomeUscc, new string('局', Department.MaxNameLength + 1), Pengxi, null), "department.name-too-long");

    [Fact]
    public void Update_WithItselfAsParent_IsRefused()
    {
        var department = NewDepartment(Pengxi);
        AssertRefused(department.Update("县市场监督管理局", Pengxi, new DepartmentParent(department.Id, Pengxi, []), []), "department.parent-self", nameof(Department.ParentId));
    }

    [Fact]
    public void Update_UnderOneOfItsOwnSubordinates_IsRefusedAndChangesNothing()
    {
        var department = NewDepartment(City);
        var grandchild = new DepartmentParent(Guid.NewGuid(), City, [Guid.NewGuid(), department.Id]);
        AssertRefused(department.Update("新名称", City, grandchild, []), "department.parent-cycle", nameof(Department.ParentId));
        Assert.Equal("县市场监督管理局", department.Name);
        Assert.Null(department.ParentId);
    }

    [Fact]
    public void Update_ToARegionThatNoLongerHoldsItsSubordinates_IsRefused()
    {
        var department = NewDepartment(City);
        AssertRefused(department.Update("市市场监督管理局", Pengxi, null, [Pengxi, Shehong]), "department.children-outside-region", nameof(Department.RegionCode));
        Assert.Equal(City, department.RegionCode);
    }

    [Fact]
    public void Update_ToARegionThatStillHoldsItsSubordinates_IsAccepted()
    {
        var department = NewDepartment(City);
        var result = department.Update(" 市场监管局 ", City, null, [Pengxi, Shehong]);
        Assert.True(result.IsSuccess);
        Assert.Equal("市场监管局", department.Name);
    }

    [Fact]
    public void Update_WithoutAParent_ClearsTheParent()
    {
        var department = NewDepartment(Pengxi, new DepartmentParent(Guid.NewGuid(), City, []));
        Assert.True(department.Update("县市场监督管理局", Pengxi, null, []).IsSuccess);
        Assert.Null(department.ParentId);
    }
}
