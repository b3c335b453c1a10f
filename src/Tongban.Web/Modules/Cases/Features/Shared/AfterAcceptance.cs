using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// What runs right after a case is accepted, in the same unit of work as the acceptance (so both are
/// saved together or not at all): the back office's 秒批 check, for one. The intake part calls every
/// registered step, in registration order, after a successful accept transition and before saving.
/// </summary>
public interface IAfterAcceptance
{
    /// <param name="implementation">The published version the case started with.</param>
    Task<Result> RunAsync(Case @case, PublishedImplementation implementation, CancellationToken cancellationToken);
}
