using Tongban.Domain.Cases;
using Tongban.Modules.Cases;

namespace Tongban.Modules.Cases;

/// <summary>
/// What joins the unit of work of a case transition before it is saved, with the status before and
/// after, so what it adds is stored with the transition or not at all (好差评: the invitation of a
/// completed case). Runs for every transition <see cref="CaseAccess"/> saves, bundles included.
/// </summary>
public interface IOnCaseTransition
{
    Task RunAsync(Case @case, CaseStatus before, CancellationToken cancellationToken);
}

/// <summary>What runs after a case transition is saved (a second unit of work: the transition itself is never undone by it).</summary>
public interface IAfterSave
{
    Task RunAsync(Case @case, CancellationToken cancellationToken);
}
