using Tongban.Domain.Evaluation;

namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>
/// What joins the unit of work that records a rating (given by the rater or applied by default) before it
/// is saved, so the two are stored together or not at all: a 差评 opens its work order this way.
/// </summary>
public interface IOnRatingRecorded
{
    Task RunAsync(Rating rating, CancellationToken cancellationToken);
}
