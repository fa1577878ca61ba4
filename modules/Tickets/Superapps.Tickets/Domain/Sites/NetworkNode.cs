using Superapps.SharedKernel;

namespace Superapps.Tickets.Domain.Sites;

/// <summary>Where a node sits in the city network.</summary>
public enum NetworkNodeKind
{
    /// <summary>A core (at the data centre): the root of a tree.</summary>
    Core = 0,

    /// <summary>A distribution node (POP, ODC, a switch room): hangs off a core or another distribution node; sites hang off it.</summary>
    Distribution = 1,
}

/// <summary>A node of the city network: a small tree of cores and distribution nodes, with sites as its leaves.</summary>
public sealed class NetworkNode
{
    private NetworkNode()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Unique, e.g. <c>CORE-DC</c>, <c>DIST-TELANAI</c>.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public NetworkNodeKind Kind { get; private set; }

    /// <summary>The node it hangs off; null for a core.</summary>
    public Guid? ParentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A core: a root of the network.</summary>
    public static NetworkNode Core(Guid id, string code, string name, DateTimeOffset now) =>
        Build(id, code, name, NetworkNodeKind.Core, null, now);

    /// <summary>A distribution node under <paramref name="parent"/>.</summary>
    public static NetworkNode Distribution(Guid id, string code, string name, NetworkNode parent, DateTimeOffset now) =>
        Build(id, code, name, NetworkNodeKind.Distribution, parent.Id, now);

    /// <summary>Renames the node (its code stays: tickets and imports refer to it).</summary>
    public void Rename(string name)
    {
        name = name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            throw new DomainRuleException(SiteErrors.NodeName);
        }

        Name = name;
    }

    /// <summary>
    /// Hangs this distribution node off <paramref name="parent"/>. A core stays at the root, and a node cannot move under itself
    /// or under any node below it (<paramref name="descendants"/>: every node below this one, read by a recursive query).
    /// </summary>
    public void MoveUnder(NetworkNode parent, IReadOnlyCollection<Guid> descendants)
    {
        NetworkTree.EnsureCanMove(this, parent.Id, descendants);
        ParentId = parent.Id;
    }

    private static NetworkNode Build(Guid id, string code, string name, NetworkNodeKind kind, Guid? parentId, DateTimeOffset now)
    {
        var errors = new List<UserError>();
        code = code?.Trim().ToUpperInvariant() ?? string.Empty;
        name = name?.Trim() ?? string.Empty;
        if (!SiteRules.IsCode(code))
        {
            errors.Add(SiteErrors.NodeCode);
        }

        if (name.Length is 0 or > 200)
        {
            errors.Add(SiteErrors.NodeName);
        }

        return errors.Count > 0
            ? throw new DomainRuleException(errors)
            : new NetworkNode { Id = id, Code = code, Name = name, Kind = kind, ParentId = parentId, CreatedAt = now };
    }
}
