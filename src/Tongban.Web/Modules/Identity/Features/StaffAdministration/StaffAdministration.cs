using Microsoft.Extensions.Localization;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.ChangeStaffRoles;
using Tongban.Modules.Identity.Features.CreateStaff;
using Tongban.Modules.Identity.Features.DisableStaff;
using Tongban.Modules.Identity.Features.EnableStaff;
using Tongban.Modules.Identity.Features.ListEnterprises;
using Tongban.Modules.Identity.Features.Listing;
using Tongban.Modules.Identity.Features.ListPeople;
using Tongban.Modules.Identity.Features.ListStaff;
using Tongban.Modules.Identity.Features.ResetStaffPassword;
using Tongban.Modules.Identity.Features.ViewStaff;
using Tongban.Modules.Organisation;
using Tongban.Platform.Web;

namespace Tongban.Modules.Identity.Features.StaffAdministration;

/// <summary>人员管理 and the people/enterprise directory: their services and their API.</summary>
public static class StaffAdministrationSetup
{
    public static IServiceCollection AddStaffAdministration(this IServiceCollection services)
    {
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ScopeDescriptions>();
        services.AddScoped<SealedCursors>();
        services.AddScoped<DirectoryPages>();
        services.AddScoped<ListStaffHandler>();
        services.AddScoped<ViewStaffHandler>();
        services.AddScoped<CreateStaffHandler>();
        services.AddScoped<ChangeStaffRolesHandler>();
        services.AddScoped<ResetStaffPasswordHandler>();
        services.AddScoped<DisableStaffHandler>();
        services.AddScoped<EnableStaffHandler>();
        services.AddScoped<ListPeopleHandler>();
        services.AddScoped<ListEnterprisesHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/staff").WithTags("Identity")
            .MapGet("/", ListStaffEndpoint.HandleAsync)
            .RequireAuthorization(Policies.StaffAdmin)
            .WithName("ListStaff")
            .WithSummary("List staff accounts in the caller's scope")
            .WithDescription("Staff administrators only: a platform admin sees every staff account, a region admin those whose scope region lies inside theirs, a department admin those of their own department. "
                + "status: Active or Disabled (optional). Keyset pagination: pass the answer's next as after; limit 1-200 (default 50). No ID numbers.");
        return app;
    }
}

/// <summary>"蓬溪县 · 县市场监管局" for each distinct scope on a page, asked of the directory once per request.</summary>
public sealed class ScopeDescriptions(IOrganisationDirectory directory)
{
    private readonly Dictionary<(RegionCode, Guid?), string> _known = [];

    public async Task<string> DescribeAsync(RegionCode region, Guid? departmentId, CancellationToken cancellationToken)
    {
        if (!_known.TryGetValue((region, departmentId), out var description))
        {
            description = await directory.DescribeScopeAsync(region, departmentId, cancellationToken);
            _known[(region, departmentId)] = description;
        }

        return description;
    }
}

/// <summary>Chinese names of an account's status, as people read them.</summary>
public static class StaffStatusNames
{
    public static string Of(AccountStatus status, IStringLocalizer<SharedResource> t) => status switch
    {
        AccountStatus.Active => t["在岗"],
        AccountStatus.Disabled => t["已停用"],
    };
}
