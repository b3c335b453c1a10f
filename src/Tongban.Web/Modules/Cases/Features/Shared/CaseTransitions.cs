using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// What joins the unit of work of a case transition before it is saved, with the status before and
/// after, so what it adds is stored with the transition or not at all (好差评: the invitation of a
/// completed case). Runs for every transition <see cref="CaseAccess"/> saves, bundles included.
/// </summary>
public interface IOnCaseTransition
{
    Task RunAsync(Case @case, CaseStatus before, CancellationToken cancellationToken);
}
