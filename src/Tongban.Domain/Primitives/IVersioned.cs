namespace Tongban.Domain.Primitives;

/// <summary>
/// An aggregate guarded by optimistic concurrency: every save bumps <see cref="Version"/> and a
/// save based on a stale version fails instead of overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
