namespace Tongban.Platform.Web;

/// <summary>A line on the staff workbench telling what waits for the caller, with where to act on it.</summary>
public sealed record WorkbenchNotice(string Text, string Link, bool Urgent);

/// <summary>
/// What a module tells staff on their workbench. Read from the database on every visit, so any app node
/// shows the same notices and nothing is held in memory.
/// </summary>
public interface IWorkbenchNotices
{
    Task<IReadOnlyList<WorkbenchNotice>> ForCallerAsync(CancellationToken cancellationToken);
}
