using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Identity;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Http;
using Tongban.Platform.Security;

namespace Tongban.Modules.Evaluation.Features.RateService;

/// <param name="Kind">hall, window, clerk or platform.</param>
/// <param name="Ref">The hall's or window's id, the clerk's employee id; nothing for the platform.</param>
public sealed record RatingSubjectRequest(string? Kind, string? Ref);

public sealed record RateServiceRequest(RatingSubjectRequest? Subject, int? Level, IReadOnlyList<string>? Tags, string? Comment, string? Channel = null);

/// <summary>
/// 好差评 of a hall, a window, a clerk or the platform itself: signed in (real-name) or anonymous (a kiosk).
/// The scope is fixed as the service stands now: a window answers through its department, a clerk through
/// theirs; a hall and the platform have no department (<see cref="Guid.Empty"/>: the hall administration of
/// the region answers for them).
/// </summary>
public sealed class RateServiceHandler(IOrganisationDirectory organisation, IStaffDirectory staff, IPeopleDirectory people, RatingRecorder recorder, CurrentUser user, CityClock clock)
{
    public async Task<Result<RatingView>> RateAsync(RateServiceRequest request, RatingChannel? fixedChannel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((fixedChannel ?? RatingTexts.ParseCallerChannel(request.Channel)) is not { } channel)
        {
            return EvaluationErrors.ChannelUnknown(request.Channel ?? "");
        }

        if (!(await SubjectAsync(request.Subject, cancellationToken)).TryGet(out var found, out var error))
        {
            return error;
        }

        // A kiosk is anonymous even when someone left a session open on it.
        var rater = channel == RatingChannel.Kiosk || !user.IsAuthenticated
            ? Rater.Anonymous
            : new Rater(user.AccountId, user.DisplayName, user.Person is { } person ? (await people.FindPersonAsync(person, cancellationToken))?.Phone : null);
        if (!Rating.Give(found.Subject, null, found.Scope, request.Level ?? 0, request.Tags, request.Comment, channel, rater, clock.UtcNow).TryGet(out var rating, out var invalid))
        {
            return invalid;
        }

        return (await recorder.RecordAsync(rating, null, cancellationToken)).Map(RatingView.Of);
    }

    private async Task<Result<(RatingSubject Subject, RatingScope Scope)>> SubjectAsync(RatingSubjectRequest? subject, CancellationToken cancellationToken)
    {
        var reference = subject?.Ref?.Trim() ?? "";
        switch (subject?.Kind?.Trim().ToUpperInvariant())
        {
            case "HALL":
                return Guid.TryParse(reference, out var hallId) && await organisation.FindHallAsync(hallId, cancellationToken) is { } hall
                    ? (new RatingSubject(RatingSubjectKind.Hall, hall.Id.ToString()), new RatingScope(hall.Region, Guid.Empty, HallId: hall.Id))
                    : EvaluationErrors.SubjectNotFound(reference);
            case "WINDOW":
                return Guid.TryParse(reference, out var windowId) && await organisation.FindWindowAsync(windowId, cancellationToken) is { } window
                    ? (new RatingSubject(RatingSubjectKind.Window, window.Id.ToString()), new RatingScope(window.Region, window.DepartmentId ?? Guid.Empty, HallId: window.HallId))
                    : EvaluationErrors.SubjectNotFound(reference);
            case "CLERK":
                return await staff.FindAsync(reference, cancellationToken) is { DepartmentId: { } departmentId } clerk
                    && await organisation.FindDepartmentAsync(departmentId, cancellationToken) is { } department
                    ? (new RatingSubject(RatingSubjectKind.Clerk, clerk.AccountId.ToString()), new RatingScope(department.Region, department.Id, ClerkId: clerk.AccountId))
                    : EvaluationErrors.SubjectNotFound(reference);
            case "PLATFORM":
                return (await organisation.RegionsAsync(RegionLevel.City, cancellationToken)).FirstOrDefault(r => r.Level == RegionLevel.City) is { } city
                    ? (RatingSubject.Platform, new RatingScope(city.Code, Guid.Empty))
                    : EvaluationErrors.SubjectNotFound(RatingSubject.PlatformReference);
            default:
                return EvaluationErrors.SubjectUnknown(subject?.Kind ?? "");
        }
    }
}

/// <summary>POST /api/v1/ratings.</summary>
public static class RateServiceApi
{
    public static void Map(RouteGroupBuilder anyone) =>
        anyone.MapPost("/ratings", RateAsync)
            .AllowAnonymous()
            .WithName("RateService")
            .WithSummary("好差评 of a hall, a window, a clerk or the platform")
            .WithDescription("Body: subject {kind: hall|window|clerk|platform, ref: hall or window id, clerk's employee id}, level (1-5), tags[], comment, channel (web|mobile). "
                + "Signed in, the rating is real-name; without a sign-in it is anonymous. 404 evaluation.subject-not-found for an unknown hall, window or clerk.")
            .Produces<RatingView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<RatingView>, ProblemHttpResult>> RateAsync(RateServiceRequest request, RateServiceHandler handler, CancellationToken cancellationToken) =>
        (await handler.RateAsync(request, null, cancellationToken)).TryGet(out var view, out var error)
            ? TypedResults.Created($"/api/v1/ratings/{view.Id}", view)
            : error.ToProblem();
}
