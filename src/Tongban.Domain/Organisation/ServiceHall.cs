using Tongban.Domain.Primitives;

namespace Tongban.Domain.Organisation;

/// <summary>政务服务中心: a hall where people come in person, with its windows.</summary>
public sealed class ServiceHall : IVersioned
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 300;
    public const int MaxOpeningHoursLength = 200;

    /// <summary>Coordinates are kept to six decimal places (about 0.1 m), as the register stores them.</summary>
    public const int CoordinateDecimals = 6;

    private readonly List<ServiceWindow> _windows = [];

    private ServiceHall() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public RegionCode RegionCode { get; private set; }
    public string Address { get; private set; } = "";
    public string OpeningHours { get; private set; } = "";
    public decimal? Latitude { get; private set; }
    public decimal? Longitude { get; private set; }
    public IReadOnlyList<ServiceWindow> Windows => _windows;
    public int Version { get; set; }

    public static Result<ServiceHall> Create(Guid id, string name, RegionCode region, string address, string openingHours, decimal? latitude, decimal? longitude)
    {
        var hall = new ServiceHall { Id = id, RegionCode = region };
        var result = hall.Update(name, address, openingHours, latitude, longitude);
        return result.IsSuccess ? hall : result.Error;
    }

    public Result Update(string name, string address, string openingHours, decimal? latitude, decimal? longitude)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("hall.name-required") { Field = nameof(Name) };
        }

        if (name.Trim().Length > MaxNameLength)
        {
            return new Invalid("hall.name-too-long", MaxNameLength) { Field = nameof(Name) };
        }

        if (string.IsNullOrWhiteSpace(address))
        {
            return new Invalid("hall.address-required") { Field = nameof(Address) };
        }

        if (address.Trim().Length > MaxAddressLength)
        {
            return new Invalid("hall.address-too-long", MaxAddressLength) { Field = nameof(Address) };
        }

        if ((openingHours?.Trim().Length ?? 0) > MaxOpeningHoursLength)
        {
            return new Invalid("hall.opening-hours-too-long", MaxOpeningHoursLength) { Field = nameof(OpeningHours) };
        }

        // A map pin needs both coordinates; one alone would put the hall on the equator or the meridian.
        if (latitude is null != longitude is null)
        {
            return new Invalid("hall.coordinates-incomplete") { Field = latitude is null ? nameof(Latitude) : nameof(Longitude) };
        }

        if (latitude is < -90 or > 90)
        {
            return new Invalid("hall.latitude-range") { Field = nameof(Latitude) };
        }

        if (longitude is < -180 or > 180)
        {
            return new Invalid("hall.longitude-range") { Field = nameof(Longitude) };
        }

        Name = name.Trim();
        Address = address.Trim();
        OpeningHours = openingHours?.Trim() ?? "";
        Latitude = latitude is { } lat ? Math.Round(lat, CoordinateDecimals) : null;
        Longitude = longitude is { } lon ? Math.Round(lon, CoordinateDecimals) : null;
        return Result.Success;
    }

    /// <summary>Opens a window; 专窗 must name their department, window numbers are unique in a hall.</summary>
    public Result<ServiceWindow> OpenWindow(Guid id, string number, string name, WindowKind kind, Guid? departmentId)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return new Invalid("window.number-required") { Field = "Number" };
        }

        var trimmed = number.Trim();
        if (trimmed.Length > ServiceWindow.MaxNumberLength)
        {
            return new Invalid("window.number-too-long", ServiceWindow.MaxNumberLength) { Field = "Number" };
        }

        if ((name?.Trim().Length ?? 0) > ServiceWindow.MaxNameLength)
        {
            return new Invalid("window.name-too-long", ServiceWindow.MaxNameLength) { Field = "Name" };
        }

        if (_windows.Exists(w => string.Equals(w.Number, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            return new Conflict("window.number-taken", trimmed) { Field = "Number" };
        }

        if (kind == WindowKind.Dedicated && departmentId is null)
        {
            return new Invalid("window.dedicated-needs-department") { Field = "DepartmentId" };
        }

        var window = new ServiceWindow(id, Id, trimmed, string.IsNullOrWhiteSpace(name) ? trimmed : name.Trim(), kind, kind == WindowKind.Dedicated ? departmentId : null);
        _windows.Add(window);
        return window;
    }

    public Result CloseWindow(Guid windowId)
    {
        var window = _windows.Find(w => w.Id == windowId);
        if (window is null)
        {
            return new NotFound("window.not-found");
        }

        _windows.Remove(window);
        return Result.Success;
    }
}

/// <summary>窗口: a counter in a hall.</summary>
public sealed class ServiceWindow
{
    public const int MaxNumberLength = 20;
    public const int MaxNameLength = 100;

    private ServiceWindow() { }

    internal ServiceWindow(Guid id, Guid hallId, string number, string name, WindowKind kind, Guid? departmentId)
    {
        Id = id;
        HallId = hallId;
        Number = number;
        Name = name;
        Kind = kind;
        DepartmentId = departmentId;
    }

    public Guid Id { get; private set; }
    public Guid HallId { get; private set; }
    public string Number { get; private set; } = "";
    public string Name { get; private set; } = "";
    public WindowKind Kind { get; private set; }
    public Guid? DepartmentId { get; private set; }
}
