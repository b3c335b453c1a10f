using Tongban.Domain.Evaluation;
using Tongban.Modules.Evaluation.Features.Shared;

namespace Tongban.IntegrationTests.Infrastructure;

/// <summary>
/// Lets a test act between a rating's checks and its save (it joins the unit of work as the last hook), to
/// stage a race deterministically: what another request or node commits in that moment.
/// </summary>
public sealed class BeforeRatingSaved : IOnRatingRecorded
{
    private Func<Task>? _once;

    /// <summary>Runs <paramref name="action"/> before the next rating is saved, once.</summary>
    public void Once(Func<Task> action) => _once = action;

    public async Task RunAsync(Rating rating, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _once, null) is { } action)
        {
            await action();
        }
    }
}
