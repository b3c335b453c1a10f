using Tongban.Domain.Primitives;

namespace Tongban.Domain.Organisation;

/// <summary>政务服务中心: a hall where people come in person, with its windows.</summary>
public sealed class ServiceHall : IVersioned
{
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

        if (string.IsNullOrWhiteSpace(address))
        {
            return new Invalid("hall.address-required") { Field = nameof(Address) };
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
        Latitude = latitude;
        Longitude = longitude;
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

/// <summary>综合窗口 take any item of the hall (无差别受理); 专窗 serve one department.</summary>
public enum WindowKind
{
    Comprehensive,
    Dedicated,
}

/// <summary>窗口: a counter in a hall.</summary>
public sealed class ServiceWindow
{
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
