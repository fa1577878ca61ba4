namespace Superapps.Tickets.Features.Live;

/// <summary>
/// Tells open pages of this portal instance that a ticket changed: <see cref="Desk.TicketDesk"/> and
/// <see cref="Reporting.TicketReporting"/> publish after saving, a ticket page subscribes to its ticket and reloads. In-process
/// only (a singleton): a change made on another portal instance shows at the next load.
/// </summary>
public sealed class TicketChanges
{
    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>Calls <paramref name="handler"/> after every saved change of the ticket (null: of any ticket) until disposed.</summary>
    public IDisposable Subscribe(Guid? ticketId, Func<Guid, Task> handler)
    {
        var subscription = new Subscription(this, ticketId, handler);
        lock (_lock)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Tells the subscribers of <paramref name="ticketId"/> and of every ticket. A failing subscriber does not stop the others.</summary>
    public async Task PublishAsync(Guid ticketId)
    {
        Subscription[] targets;
        lock (_lock)
        {
            targets = [.. _subscriptions.Where(s => s.TicketId is null || s.TicketId == ticketId)];
        }

        foreach (var target in targets)
        {
            try
            {
                await target.Handler(ticketId);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A page that went away while being told: its circuit is gone, nothing to do.
            }
        }
    }

    /// <summary>How many subscriptions are open (for tests: a page disposes its own).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _subscriptions.Count;
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription(TicketChanges owner, Guid? ticketId, Func<Guid, Task> handler) : IDisposable
    {
        public Guid? TicketId { get; } = ticketId;

        public Func<Guid, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
