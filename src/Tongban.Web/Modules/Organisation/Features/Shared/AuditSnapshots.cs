using Tongban.Domain.Organisation;

namespace Tongban.Modules.Organisation.Features.Shared;

/// <summary>What the audit chain records of a region before and after a change.</summary>
public sealed record RegionSnapshot(string Code, string Name)
{
    public static RegionSnapshot Of(Region region) => new(region.Code.Value, region.Name);
}

public sealed record DepartmentSnapshot(string Uscc, string Name, string Region, Guid? ParentId)
{
    public static DepartmentSnapshot Of(Department department) =>
        new(department.Uscc.Value, department.Name, department.RegionCode.Value, department.ParentId);
}

public sealed record HallSnapshot(string Name, string Region, string Address, string OpeningHours, decimal? Latitude, decimal? Longitude)
{
    public static HallSnapshot Of(ServiceHall hall) =>
        new(hall.Name, hall.RegionCode.Value, hall.Address, hall.OpeningHours, hall.Latitude, hall.Longitude);
}

public sealed record WindowSnapshot(Guid Id, string Number, string Name, string Kind, Guid? DepartmentId)
{
    public static WindowSnapshot Of(ServiceWindow window) =>
        new(window.Id, window.Number, window.Name, window.Kind.ToString(), window.DepartmentId);
}
