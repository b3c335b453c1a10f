using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Evaluation;
using Tongban.Modules.Evaluation.Features.SeedDemo;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Platform.Demo;

namespace Tongban.Modules.Evaluation;

/// <summary>
/// Evaluation (好差评): ratings of case stages, halls, windows, clerks and the platform by every channel,
/// invitations with their reminder and default, 差评整改 work orders, 申诉 and public disclosure. Each part
/// registers itself in its own file (<c>EvaluationModule.*.cs</c>).
/// </summary>
public static partial class EvaluationModule
{
    public static IServiceCollection AddEvaluationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvaluationOptions>()
            .Bind(configuration.GetSection(EvaluationOptions.Section))
            .Validate(o => !o.Policy.Problems().Any(), "Tongban:Evaluation is invalid: every period must be at least 1 working day, the default must come after the reminder, and the default level must be 1 to 5 (0 for none).")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EvaluationOptions>>().Value.Policy);
        services.AddScoped<EvaluationStore>();
        services.AddScoped<IEvaluationFigures, EvaluationFigures>();
        services.AddScoped<IDemoSeed, EvaluationHistorySeed>();
        AddRatings(services, configuration);
        AddRectifications(services, configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        MapRatings(app);
        MapRectifications(app);
        return app;
    }

    /// <summary>Ratings, invitations and disclosure (<c>EvaluationModule.Ratings.cs</c>).</summary>
    static partial void AddRatings(IServiceCollection services, IConfiguration configuration);

    static partial void MapRatings(IEndpointRouteBuilder app);

    /// <summary>差评整改 and 申诉 (<c>EvaluationModule.Rectifications.cs</c>).</summary>
    static partial void AddRectifications(IServiceCollection services, IConfiguration configuration);

    static partial void MapRectifications(IEndpointRouteBuilder app);
}

/// <summary>What 效能监管 counts of 好差评 for a city day: the invitations sent and the case ratings given then.</summary>
public interface IEvaluationFigures
{
    Task<IReadOnlyList<RatingScope>> InvitationsSentAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>Case ratings given in [start, end), with whether each is excluded and whether its work order is closed.</summary>
    Task<IReadOnlyList<RatingFigure>> CaseRatingsGivenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}

/// <summary>
/// One case rating as the indicators count it; <paramref name="AnswersInvitationInTime"/>: given at the 办结 stage, the one
/// an invitation asks for, by the invitation's active-rating day (遂宁: within 5 working days). A 受理 rating, or one
/// given later, counts in 好评率 but not in 主动评价率, whose denominator is the invitations.
/// </summary>
public sealed record RatingFigure(RatingScope Scope, bool AnswersInvitationInTime, RatingLevel Level, bool Defaulted, bool Excluded, bool RectificationClosed);

internal sealed class EvaluationFigures(EvaluationStore store) : IEvaluationFigures
{
    public async Task<IReadOnlyList<RatingScope>> InvitationsSentAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await store.Invitations.AsNoTracking().Where(i => i.SentAt >= start && i.SentAt < end).Select(i => i.Scope).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RatingFigure>> CaseRatingsGivenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var ratings = await store.Ratings.AsNoTracking()
            .Where(r => r.Subject.Kind == RatingSubjectKind.Case && r.RatedAt >= start && r.RatedAt < end)
            .Select(r => new { r.Id, r.Subject.Reference, r.Scope, r.Stage, r.Level, r.Defaulted, r.AppealStatus, r.RatedAt })
            .ToListAsync(cancellationToken);
        var ids = ratings.Select(r => r.Id).ToList();
        var closed = (await store.Rectifications.AsNoTracking().Where(o => ids.Contains(o.RatingId) && o.State == RectificationState.Closed)
            .Select(o => o.RatingId).ToListAsync(cancellationToken)).ToHashSet();
        var completed = ratings.Where(r => r.Stage == RatingStage.Completion).Select(r => r.Reference).ToList();
        var activeBy = (await store.Invitations.AsNoTracking().Where(i => i.Stage == RatingStage.Completion && completed.Contains(i.CaseNumber))
            .Select(i => new { i.CaseNumber, i.ActiveBy }).ToListAsync(cancellationToken)).ToDictionary(i => i.CaseNumber, i => i.ActiveBy);
        return [.. ratings.Select(r => new RatingFigure(
            r.Scope, r.Stage == RatingStage.Completion && activeBy.TryGetValue(r.Reference, out var by) && r.RatedAt <= by,
            r.Level, r.Defaulted, r.AppealStatus == AppealState.Upheld, closed.Contains(r.Id)))];
    }
}
