namespace Tongban.Domain.Primitives;

/// <summary>Who waits for whom, as named nodes each listing the nodes it waits for (一件事 members, project stages).</summary>
public static class Waits
{
    /// <summary>Every node <paramref name="key"/> waits for, directly or through others; a cycle shows as the key among its own predecessors.</summary>
    public static IReadOnlySet<string> PredecessorsOf(IReadOnlyDictionary<string, IReadOnlyList<string>> after, string key)
    {
        ArgumentNullException.ThrowIfNull(after);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(after.TryGetValue(key, out var start) ? start : []);
        while (pending.TryPop(out var next))
        {
            if (found.Add(next) && after.TryGetValue(next, out var further))
            {
                foreach (var node in further)
                {
                    pending.Push(node);
                }
            }
        }

        return found;
    }
}
