using Tongban.Modules.Evaluation.Features.AppealRating;
using Tongban.Modules.Evaluation.Features.CheckRectification;
using Tongban.Modules.Evaluation.Features.ConfirmRectification;
using Tongban.Modules.Evaluation.Features.ListPublicAppeals;
using Tongban.Modules.Evaluation.Features.ListRectifications;
using Tongban.Modules.Evaluation.Features.OpenRectification;
using Tongban.Modules.Evaluation.Features.RecordRectification;
using Tongban.Modules.Evaluation.Features.ReviewAppeal;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Features.ShowRectification;
using Tongban.Modules.Evaluation.Features.VisitRater;
using Tongban.Modules.Identity;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation;

/// <summary>Evaluation, 差评整改 and 申诉 part: the work order a 差评 opens, the department's 回访 and rectification, the rater's confirmation, the supervisor's check, appeals and their public list.</summary>
public static partial class EvaluationModule
{
    static partial void AddRectifications(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RectificationAccess>();
        services.AddScoped<IRectificationNotifier, LoggingRectificationNotifier>();
        services.AddScoped<IOnRatingRecorded, OpenRectificationOnBadRating>();
        services.AddScoped<IWorkbenchNotices, RectificationWorkbenchNotices>();
        services.AddScoped<ListRectificationsHandler>();
        services.AddScoped<VisitRaterHandler>();
        services.AddScoped<RecordRectificationHandler>();
        services.AddScoped<ConfirmRectificationHandler>();
        services.AddScoped<CheckRectificationHandler>();
        services.AddScoped<AppealRatingHandler>();
        services.AddScoped<ReviewAppealHandler>();
        services.AddScoped<ListPublicAppealsHandler>();
    }

    static partial void MapRectifications(IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1").WithTags("Evaluation").RequireAuthorization(Policies.Staff);
        var applicant = app.MapGroup("/api/v1").WithTags("Evaluation").RequireAuthorization(Policies.Applicant);
        var anonymous = app.MapGroup("/api/v1").WithTags("Evaluation").AllowAnonymous();
        ListRectificationsApi.MapDepartment(staff);
        ListRectificationsApi.MapSupervision(staff);
        ListRectificationsApi.MapRater(applicant);
        ShowRectificationApi.MapDepartment(staff);
        ShowRectificationApi.MapSupervision(staff);
        ShowRectificationApi.MapRater(applicant);
        VisitRaterApi.Map(staff);
        RecordRectificationApi.Map(staff);
        AppealRatingApi.Map(staff);
        ConfirmRectificationApi.Map(applicant);
        CheckRectificationApi.Map(staff);
        ReviewAppealApi.Map(staff);
        ListPublicAppealsApi.Map(anonymous);
    }
}
