using Tongban.Modules.Cases.Features.ApproveStep;
using Tongban.Modules.Cases.Features.CompleteCase;
using Tongban.Modules.Cases.Features.DecideCase;
using Tongban.Modules.Cases.Features.DeliverResult;
using Tongban.Modules.Cases.Features.DepartmentSteps;
using Tongban.Modules.Cases.Features.ExtendDeadline;
using Tongban.Modules.Cases.Features.InstantApproval;
using Tongban.Modules.Cases.Features.IssueResult;
using Tongban.Modules.Cases.Features.ListBackOfficeCases;
using Tongban.Modules.Cases.Features.RevokeApproval;
using Tongban.Modules.Cases.Features.SendBackStep;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SpecialProcedures;
using Tongban.Modules.Cases.Features.TransferStep;

namespace Tongban.Modules.Cases;

/// <summary>Cases, BackOffice part: back-office steps, special procedures, extensions, 秒批, decisions, issue, delivery and 办结, the department-system step API.</summary>
public static partial class CasesModule
{
    private static void AddBackOffice(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ListBackOfficeCasesHandler>();
        services.AddScoped<ApproveStepHandler>();
        services.AddScoped<SendBackStepHandler>();
        services.AddScoped<TransferStepHandler>();
        services.AddScoped<SpecialProcedureHandler>();
        services.AddScoped<ExtendDeadlineHandler>();
        services.AddScoped<DecideCaseHandler>();
        services.AddScoped<IssueResultHandler>();
        services.AddScoped<DeliverResultHandler>();
        services.AddScoped<CompleteCaseHandler>();
        services.AddScoped<RevokeApprovalHandler>();
        services.AddScoped<DepartmentStepsHandler>();
        services.AddScoped<InstantApprovalChecker>();
        services.AddScoped<IAfterAcceptance, InstantApprovalAfterAcceptance>();
        services.AddScoped<CaseLicensing>();
        services.AddScoped<HeldLicenceChecks>();
        // Issue first, so the sealed decision names the licence issued with it.
        services.AddScoped<IAfterDecision, IssueLicenceOnApproval>();
        services.AddScoped<IAfterDecision, SealDecisionOnDecision>();
        AddLeadBundles(services);
    }

    /// <param name="applicant">/api/v1 for citizens and enterprise agents.</param>
    /// <param name="staff">/api/v1 for staff.</param>
    /// <param name="anyone">/api/v1 for any signed-in account.</param>
    private static void MapBackOffice(IEndpointRouteBuilder app, RouteGroupBuilder applicant, RouteGroupBuilder staff, RouteGroupBuilder anyone)
    {
        ListBackOfficeCasesApi.Map(staff);
        ApproveStepApi.Map(staff);
        SendBackStepApi.Map(staff);
        TransferStepApi.Map(staff);
        SpecialProceduresApi.Map(staff);
        ExtendDeadlineApi.Map(staff);
        DecideCaseApi.Map(staff);
        IssueResultApi.Map(staff);
        DeliverResultApi.Map(staff);
        CompleteCaseApi.Map(staff);
        RevokeApprovalApi.Map(staff);
        DepartmentStepsApi.Map(staff);
        MapLeadBundles(staff);
    }
}
