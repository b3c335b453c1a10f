using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Modules.Identity;
using Tongban.Platform;
using Tongban.Platform.Http;
using Tongban.Platform.Security;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Evaluation.Features.RateCase;

/// <param name="Stage">acceptance (受理) or completion (办结); the SMS link names its own.</param>
/// <param name="Level">5 非常满意 … 1 非常不满意.</param>
/// <param name="Channel">web or mobile (the kiosk and the SMS link set theirs).</param>
public sealed record RateCaseRequest(string? Stage, int? Level, IReadOnlyList<string>? Tags, string? Comment, string? Channel = null);

/// <summary>A case's ratings and the stages still open to rating, as its applicant sees them.</summary>
public sealed record CaseRatingsView(string CaseNumber, IReadOnlyList<RatingView> Ratings, IReadOnlyList<string> RateableStages);

/// <summary>What an SMS link leads to: the case and stage to rate, or why the link cannot be used.</summary>
public sealed record LinkedInvitation(Guid InvitationId, string CaseNumber, RatingStage Stage, bool Open, RatingView? Given);

/// <summary>
/// 好差评 of a case stage: by the applicant signed in (web, mobile), at a hall's kiosk after the case number
/// and the last six characters of the applicant's ID number or USCC, or by the SMS link. 受理 may be rated
/// once the case is accepted, 办结 once completed, each once; answering the invitation closes it.
/// </summary>
public sealed class RateCaseHandler(
    ICaseDirectory cases, EvaluationStore store, RatingRecorder recorder, RatingLinks links, IPeopleDirectory people, CurrentUser user, CityClock clock)
{
    public const int KioskDigits = 6;

    public async Task<Result<RatingView>> RateOwnAsync(string caseNumber, RateCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await cases.FindOwnAsync(caseNumber, cancellationToken) is not { } found)
        {
            return CaseNotFound(caseNumber);
        }

        if (RatingTexts.ParseCallerChannel(request.Channel) is not { } channel)
        {
            return EvaluationErrors.ChannelUnknown(request.Channel ?? "");
        }

        var phone = user.Person is { } person ? (await people.FindPersonAsync(person, cancellationToken))?.Phone : null;
        return await RateAsync(found, request.Stage, request, channel, new Rater(user.AccountId, user.DisplayName, phone), cancellationToken);
    }

    /// <summary>At a kiosk: the case number and the last six characters of the applicant's identifier stand for signing in; a mismatch is "not found".</summary>
    public async Task<Result<RatingView>> RateAtKioskAsync(string caseNumber, string? identifierEnd, RateCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var end = identifierEnd?.Trim().ToUpperInvariant() ?? "";
        if (await cases.FindAsync(caseNumber, cancellationToken) is not { } found || end.Length != KioskDigits
            || !found.Applicant.Identifier.EndsWith(end, StringComparison.Ordinal))
        {
            return CaseNotFound(caseNumber);
        }

        return await RateAsync(found, request.Stage, request, RatingChannel.Kiosk, await ApplicantAsRaterAsync(found, cancellationToken), cancellationToken);
    }

    /// <summary>What the SMS link names, for its page.</summary>
    public async Task<Result<LinkedInvitation>> FollowLinkAsync(string token, CancellationToken cancellationToken)
    {
        if (!links.Read(token).TryGet(out var id, out var error))
        {
            return error;
        }

        var invitation = await store.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null)
        {
            return EvaluationErrors.LinkInvalid();
        }

        var given = invitation.RatingId is { } ratingId ? await store.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ratingId, cancellationToken) : null;
        return new LinkedInvitation(invitation.Id, invitation.CaseNumber, invitation.Stage, invitation.State == InvitationState.Open, given is null ? null : RatingView.Of(given));
    }

    /// <summary>By the SMS link: no sign-in, real-name all the same (the link went to the applicant).</summary>
    public async Task<Result<RatingView>> RateByLinkAsync(string token, RateCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(await FollowLinkAsync(token, cancellationToken)).TryGet(out var linked, out var error))
        {
            return error;
        }

        if (!linked.Open)
        {
            return EvaluationErrors.InvitationClosed();
        }

        if (await cases.FindAsync(linked.CaseNumber, cancellationToken) is not { } found)
        {
            return EvaluationErrors.LinkInvalid();
        }

        return await RateAsync(found, RatingTexts.ApiName(linked.Stage), request, RatingChannel.SmsLink, await ApplicantAsRaterAsync(found, cancellationToken), cancellationToken);
    }

    /// <summary>The applicant's own view of the case's ratings.</summary>
    public async Task<Result<CaseRatingsView>> ShowOwnAsync(string caseNumber, CancellationToken cancellationToken)
    {
        if (await cases.FindOwnAsync(caseNumber, cancellationToken) is not { } found)
        {
            return CaseNotFound(caseNumber);
        }

        var ratings = await RatingsOfAsync(found.Number, cancellationToken);
        var rateable = Enum.GetValues<RatingStage>().Where(s => Reached(found, s) && ratings.All(r => r.Stage != s)).Select(RatingTexts.ApiName).ToList();
        return new CaseRatingsView(found.Number.Value, [.. ratings.OrderBy(r => r.Stage).Select(RatingView.Of)], rateable);
    }

    private async Task<Result<RatingView>> RateAsync(CaseSummary found, string? stageName, RateCaseRequest request, RatingChannel channel, Rater rater, CancellationToken cancellationToken)
    {
        if (RatingTexts.ParseStage(stageName) is not { } stage)
        {
            return EvaluationErrors.StageUnknown(stageName ?? "");
        }

        if (!Rating.Give(RatingSubject.Case(found.Number), stage, new RatingScope(found.Region, found.DepartmentId, found.ImplementationCode, ClerkId: found.AcceptedBy),
                request.Level ?? 0, request.Tags, request.Comment, channel, rater, clock.UtcNow).TryGet(out var rating, out var invalid))
        {
            return invalid;
        }

        if (!Reached(found, stage))
        {
            return EvaluationErrors.StageNotReached(stage);
        }

        if (Rating.OncePerStage(await RatingsOfAsync(found.Number, cancellationToken), stage) is { IsSuccess: false } rated)
        {
            return rated.Error!;
        }

        // A reminder sent meanwhile changes the invitation's version but leaves it open: read it again and
        // record once more. A second loss means another rating or the default closed it: the stage is rated.
        for (var attempt = 1; ; attempt++)
        {
            var invitation = await store.Invitations.FirstOrDefaultAsync(i => i.CaseNumber == found.Number.Value && i.Stage == stage, cancellationToken);
            if (invitation is not null && invitation.Answered(rating) is { IsSuccess: false })
            {
                // Closed by the default a moment ago: the stage has its rating.
                return EvaluationErrors.StageAlreadyRated(stage);
            }

            var recorded = await recorder.RecordAsync(rating, invitation, cancellationToken);
            if (recorded.IsSuccess || invitation is null || attempt == 2)
            {
                return recorded.Map(RatingView.Of);
            }
        }
    }

    private static bool Reached(CaseSummary found, RatingStage stage) => stage switch
    {
        RatingStage.Acceptance => found.AcceptedAt is not null,
        RatingStage.Completion => found.Status == CaseStatus.Completed,
        _ => false,
    };

    private async Task<List<Rating>> RatingsOfAsync(CaseNumber number, CancellationToken cancellationToken) =>
        await store.Ratings.AsNoTracking().Where(r => r.Subject.Kind == RatingSubjectKind.Case && r.Subject.Reference == number.Value).ToListAsync(cancellationToken);

    private async Task<Rater> ApplicantAsRaterAsync(CaseSummary found, CancellationToken cancellationToken)
    {
        var account = await people.FindApplicantAccountAsync(found.Applicant.IdNumber, found.Applicant.Uscc, found.FiledBy, cancellationToken);
        var phone = found.Applicant.IdNumber is { } id ? (await people.FindPersonAsync(id, cancellationToken))?.Phone : null;
        return new Rater(account, found.Applicant.Name, phone);
    }

    private static NotFound CaseNotFound(string caseNumber) => new("cases.case-not-found", caseNumber ?? "");
}

/// <summary>POST and GET /api/v1/cases/{caseNumber}/ratings.</summary>
public static class RateCaseApi
{
    public static void Map(RouteGroupBuilder applicant)
    {
        applicant.MapPost("/cases/{caseNumber}/ratings", RateAsync)
            .WithName("RateCase")
            .WithSummary("好差评: the applicant rates a stage of their case")
            .WithDescription("Body: stage (acceptance|completion), level (5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意), tags[], comment, channel (web|mobile). "
                + "受理 may be rated once the case is accepted, 办结 once it is completed (409 evaluation.stage-not-reached); each once (409 evaluation.stage-already-rated, "
                + "also when two requests race). A 差评 (1-2) needs a tag or a comment (422 evaluation.bad-rating-needs-reason). Another's case is 404. Answering closes the invitation.")
            .Produces<RatingView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        applicant.MapGet("/cases/{caseNumber}/ratings", ShowAsync)
            .WithName("ListCaseRatings")
            .WithSummary("The applicant's ratings of their case")
            .WithDescription("The ratings given (a defaulted one is marked 默认评价) and the stages that may still be rated.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<RatingView>, ProblemHttpResult>> RateAsync(
        string caseNumber, RateCaseRequest request, RateCaseHandler handler, CancellationToken cancellationToken) =>
        (await handler.RateOwnAsync(caseNumber, request, cancellationToken)).TryGet(out var view, out var error)
            ? TypedResults.Created($"/api/v1/cases/{caseNumber}/ratings", view)
            : error.ToProblem();

    private static async Task<Results<Ok<CaseRatingsView>, ProblemHttpResult>> ShowAsync(string caseNumber, RateCaseHandler handler, CancellationToken cancellationToken) =>
        (await handler.ShowOwnAsync(caseNumber, cancellationToken)).ToOkOrProblem();
}
