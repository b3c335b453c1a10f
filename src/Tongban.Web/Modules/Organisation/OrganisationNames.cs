using Microsoft.Extensions.Localization;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Platform.Web;

namespace Tongban.Modules.Organisation;

/// <summary>Chinese names of region levels and window kinds, as people read them.</summary>
public static class OrganisationNames
{
    public static string Of(RegionLevel level, IStringLocalizer<SharedResource> t) => level switch
    {
        RegionLevel.Province => t["省"],
        RegionLevel.City => t["市"],
        RegionLevel.County => t["县"],
        RegionLevel.Township => t["乡"],
        RegionLevel.Village => t["村"],
    };

    public static string Of(WindowKind kind, IStringLocalizer<SharedResource> t) => kind switch
    {
        WindowKind.Comprehensive => t["综合窗口"],
        WindowKind.Dedicated => t["专窗"],
    };
}
