namespace Superapps.Letters.Domain;

/// <summary>How a node of the tree looks to the people on the chain.</summary>
public enum NodeState
{
    Unread,
    Read,
    InProgress,
    Done,
    Cancelled,

    /// <summary>Open and due within a day (yellow).</summary>
    DueSoon,

    /// <summary>Open and past its deadline (red).</summary>
    Overdue,
}

/// <summary>A letter's disposition tree, built from its flat list of dispositions.</summary>
public sealed class DispositionTree
{
    private readonly ILookup<Guid?, Disposition> _children;

    public DispositionTree(IEnumerable<Disposition> dispositions)
    {
        All = [.. dispositions.OrderBy(d => d.SentAt)];
        _children = All.ToLookup(d => d.ParentId);
    }

    public IReadOnlyList<Disposition> All { get; }

    public IEnumerable<Disposition> Roots => _children[null];

    public IEnumerable<Disposition> ChildrenOf(Guid id) => _children[id];

    public static NodeState StateOf(Disposition d, DateTimeOffset now) => d switch
    {
        { Status: DispositionStatus.Cancelled } => NodeState.Cancelled,
        { Status: DispositionStatus.Done } => NodeState.Done,
        _ when d.IsOverdue(now) => NodeState.Overdue,
        _ when d.IsDueSoon(now) => NodeState.DueSoon,
        { Status: DispositionStatus.InProgress } => NodeState.InProgress,
        { Status: DispositionStatus.Read } => NodeState.Read,
        _ => NodeState.Unread,
    };

    /// <summary>
    /// The letter is finished when it has at least one disposition and every disposition that was not cancelled is done and accepted
    /// (a disposition with no giver to accept it cannot exist: every node has one).
    /// </summary>
    public bool IsFinished => All.Any(d => d.Status != DispositionStatus.Cancelled)
        && All.Where(d => d.Status != DispositionStatus.Cancelled).All(d => d.Status == DispositionStatus.Done && d.AcceptedAt is not null);

    /// <summary>Every position on the chain: those who gave and those who received a live disposition.</summary>
    public IEnumerable<Guid> PositionsOnChain => All.Where(d => d.Status != DispositionStatus.Cancelled)
        .SelectMany(d => new[] { d.FromPositionId, d.ToPositionId }).Distinct();

    /// <summary>The dispositions a holder of <paramref name="positionId"/> received and may act on or pass down.</summary>
    public IEnumerable<Disposition> ReceivedBy(Guid positionId) =>
        All.Where(d => d.ToPositionId == positionId && d.Status != DispositionStatus.Cancelled);
}
