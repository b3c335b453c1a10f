using Tongban.Modules.Cases;
using Tongban.Modules.Evaluation.Features.DiscloseRatings;
using Tongban.Modules.Evaluation.Features.InviteOnCompletion;
using Tongban.Modules.Evaluation.Features.RateCase;
using Tongban.Modules.Evaluation.Features.RateService;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Features.SweepInvitations;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Evaluation;

/// <summary>Evaluation, Ratings part: invitations on 办结, giving ratings on every channel, the SMS link, the reminder and default sweep, public disclosure.</summary>
public static partial class EvaluationModule
{
    static partial void AddRatings(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RatingOptions>(configuration.GetSection(EvaluationOptions.Section));
        services.AddScoped<RatingRecorder>();
        services.AddScoped<RatingLinks>();
        services.AddSingleton<IRatingNotifier, LoggingRatingNotifier>();
        services.AddScoped<InviteOnCompletion>();
        services.AddScoped<IOnCaseTransition>(sp => sp.GetRequiredService<InviteOnCompletion>());
        services.AddScoped<IAfterSave>(sp => sp.GetRequiredService<InviteOnCompletion>());
        services.AddScoped<RateCaseHandler>();
        services.AddScoped<RateServiceHandler>();
        services.AddScoped<DiscloseRatingsHandler>();
        services.AddScoped<OpenInvitations>();
        services.AddSingleton<InvitationSweep>();
        services.AddHostedService<InvitationSweepService>();
    }

    static partial void MapRatings(IEndpointRouteBuilder app)
    {
        var applicant = app.MapGroup("/api/v1").WithTags("Evaluation").RequireAuthorization(Policies.Applicant);
        var anyone = app.MapGroup("/api/v1").WithTags("Evaluation");
        RateCaseApi.Map(applicant);
        RateServiceApi.Map(anyone);
        DiscloseRatingsApi.Map(anyone);
    }
}
