using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Organisation;

public class ServiceHallTests
{
    private static readonly RegionCode Pengxi = RegionCode.FromTrusted("510921000000");

    private static Result<ServiceHall> Create(
        string name = "蓬溪县政务服务中心", string address = "赤城镇建设街 20 号", string openingHours = "周一至周五",
        decimal? latitude = 30.75756m, decimal? longitude = 105.70721m) =>
        ServiceHall.Create(Guid.NewGuid(), name, Pengxi, address, openingHours, latitude, longitude);

    private static ServiceHall Hall() => Succeeds(Create());

    [Fact]
    public void Create_WithValidDetails_KeepsThemTrimmed()
    {
        var hall = Succeeds(Create(name: " 蓬溪县政务服务中心 ", address: " 建设街 20 号 ", openingHours: " 周一至周五 "));
        Assert.Equal("蓬溪县政务服务中心", hall.Name);
        Assert.Equal("建设街 20 号", hall.Address);
        Assert.Equal("周一至周五", hall.OpeningHours);
    }

    [Fact]
    public void Create_WithoutCoordinates_IsAccepted()
    {
        var hall = Succeeds(Create(latitude: null, longitude: null));
        Assert.Null(hall.Latitude);
        Assert.Null(hall.Longitude);
    }

    [Fact]
    public void Create_WithOnlyOneCoordinate_IsRefused()
    {
        Assert.Equal(nameof(ServiceHall.Longitude), FailsInvalid(Create(longitude: null), "hall.coordinates-incomplete").Field);
        Assert.Equal(nameof(ServiceHall.Latitude), FailsInvalid(Create(latitude: null), "hall.coordinates-incomplete").Field);
    }

    [Fact]
    public void Create_RoundsCoordinatesToSixDecimals()
    {
        var hall = Succeeds(Create(latitude: 30.1234567m, longitude: 105.7654321m));
        Assert.Equal(30.123457m, hall.Latitude);
        Assert.Equal(105.765432m, hall.Longitude);
    }

    [Theory]
    [InlineData(90.5, 105, "hall.latitude-range")]
    [InlineData(-91, 105, "hall.latitude-range")]
    [InlineData(30, 180.1, "hall.longitude-range")]
    [InlineData(30, -181, "hall.longitude-range")]
    public void Create_WithCoordinatesOffTheGlobe_IsRefused(double latitude, double longitude, string code) =>
        FailsInvalid(Create(latitude: (decimal)latitude, longitude: (decimal)longitude), code);

    [Fact]
    public void Create_WithTextLongerThanTheRegisterHolds_IsRefused()
    {
        FailsInvalid(Create(name: new string('厅', ServiceHall.MaxNameLength + 1)), "hall.name-too-long");
        FailsInvalid(Create(address: new string('路', ServiceHall.MaxAddressLength + 1)), "hall.address-too-long");
        FailsInvalid(Create(openingHours: new string('时', ServiceHall.MaxOpeningHoursLength + 1)), "hall.opening-hours-too-long");
    }

    [Fact]
    public void Create_WithoutNameOrAddress_IsRefused()
    {
        FailsInvalid(Create(name: " "), "hall.name-required");
        FailsInvalid(Create(address: ""), "hall.address-required");
    }

    [Fact]
    public void OpenWindow_Dedicated_WithoutADepartment_IsRefused()
    {
        var hall = Hall();
        Assert.Equal("DepartmentId", FailsInvalid(hall.OpenWindow(Guid.NewGuid(), "3", "专窗", WindowKind.Dedicated, null), "window.dedicated-needs-department").Field);
        Assert.Empty(hall.Windows);
    }

    [Fact]
    public void OpenWindow_Comprehensive_DropsAnyDepartment()
    {
        var window = Succeeds(Hall().OpenWindow(Guid.NewGuid(), "1", "", WindowKind.Comprehensive, Guid.NewGuid()));
        Assert.Null(window.DepartmentId);
        Assert.Equal("1", window.Name);
    }

    [Fact]
    public void OpenWindow_WithANumberAlreadyInTheHall_IsRefused()
    {
        var hall = Hall();
        Succeeds(hall.OpenWindow(Guid.NewGuid(), "A01", "综合窗口", WindowKind.Comprehensive, null));
        var error = Fails(hall.OpenWindow(Guid.NewGuid(), " a01 ", "综合窗口", WindowKind.Comprehensive, null), "window.number-taken");
        Assert.IsType<Conflict>(error);
        Assert.Single(hall.Windows);
    }

    [Fact]
    public void OpenWindow_WithTooLongNumberOrName_IsRefused()
    {
        var hall = Hall();
        FailsInvalid(hall.OpenWindow(Guid.NewGuid(), new string('1', ServiceWindow.MaxNumberLength + 1), "", WindowKind.Comprehensive, null), "window.number-too-long");
        FailsInvalid(hall.OpenWindow(Guid.NewGuid(), "1", new string('窗', ServiceWindow.MaxNameLength + 1), WindowKind.Comprehensive, null), "window.name-too-long");
        FailsInvalid(hall.OpenWindow(Guid.NewGuid(), " ", "", WindowKind.Comprehensive, null), "window.number-required");
        Assert.Empty(hall.Windows);
    }

    [Fact]
    public void CloseWindow_ThatIsNotInTheHall_IsNotFound()
    {
        var result = Hall().CloseWindow(Guid.NewGuid());
        Assert.False(result.IsSuccess);
        Assert.IsType<NotFound>(result.Error);
        AssertChineseMessage(result.Error);
    }
}
