using Superapps.SharedKernel;

namespace Superapps.Tickets.Domain.Sites;

/// <summary>The rules of the network tree as a whole: no node under itself, cores only at the root.</summary>
public static class NetworkTree
{
    /// <summary>Refuses moving <paramref name="node"/> under <paramref name="newParentId"/> when that would close a loop or move a core.</summary>
    /// <param name="descendants">Every node below <paramref name="node"/> (not itself).</param>
    public static void EnsureCanMove(NetworkNode node, Guid newParentId, IReadOnlyCollection<Guid> descendants)
    {
        if (node.Kind == NetworkNodeKind.Core)
        {
            throw new DomainRuleException(SiteErrors.CoreCannotMove);
        }

        if (newParentId == node.Id || descendants.Contains(newParentId))
        {
            throw new DomainRuleException(SiteErrors.NodeCycle(node.Code));
        }
    }

    /// <summary>
    /// The nodes caught in a loop of <paramref name="parents"/> (node code → parent code, null for a root), or an empty set: how an
    /// import checks the tree it would leave behind before saving anything.
    /// </summary>
    public static IReadOnlySet<string> FindCycles(IReadOnlyDictionary<string, string?> parents)
    {
        var inCycle = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var safe = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var start in parents.Keys)
        {
            var path = new List<string>();
            var onPath = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var current = start;
            while (current is not null && !safe.Contains(current) && !inCycle.Contains(current))
            {
                if (!onPath.Add(current))
                {
                    inCycle.UnionWith(path.SkipWhile(p => !string.Equals(p, current, StringComparison.OrdinalIgnoreCase)));
                    break;
                }

                path.Add(current);
                current = parents.TryGetValue(current, out var parent) ? parent : null;
            }

            safe.UnionWith(path.Where(p => !inCycle.Contains(p)));
        }

        return inCycle;
    }
}
