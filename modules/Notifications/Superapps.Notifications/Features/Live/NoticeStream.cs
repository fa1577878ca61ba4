namespace Superapps.Notifications.Features.Live;

/// <summary>
/// The in-process, per-employee stream of "your notices changed": open bells and lists subscribe for their user and reload
/// when told. It is fed by <see cref="NoticeListener"/> from PostgreSQL's LISTEN/NOTIFY, so a notice committed by any
/// portal instance reaches the open pages of every instance, and only after the notice is committed.
/// </summary>
public sealed class NoticeStream
{
    private readonly Dictionary<Guid, List<Func<Task>>> _subscribers = [];

    /// <summary>Calls <paramref name="onChange"/> whenever the employee's notices change, until the result is disposed.</summary>
    public IDisposable Subscribe(Guid employeeId, Func<Task> onChange)
    {
        lock (_subscribers)
        {
            if (!_subscribers.TryGetValue(employeeId, out var list))
            {
                _subscribers[employeeId] = list = [];
            }

            list.Add(onChange);
        }

        return new Subscription(this, employeeId, onChange);
    }

    /// <summary>The number of open subscriptions for an employee (for health and tests).</summary>
    public int SubscriberCount(Guid employeeId)
    {
        lock (_subscribers)
        {
            return _subscribers.TryGetValue(employeeId, out var list) ? list.Count : 0;
        }
    }

    /// <summary>Tells the employee's open pages that their notices changed.</summary>
    public void Publish(Guid employeeId)
    {
        Func<Task>[] targets;
        lock (_subscribers)
        {
            targets = _subscribers.TryGetValue(employeeId, out var list) ? [.. list] : [];
        }

        Fire(targets);
    }

    /// <summary>Tells every open page to reload, e.g. after the listener reconnected and may have missed a notification.</summary>
    public void PublishAll()
    {
        Func<Task>[] targets;
        lock (_subscribers)
        {
            targets = [.. _subscribers.Values.SelectMany(l => l)];
        }

        Fire(targets);
    }

    private static void Fire(Func<Task>[] targets)
    {
        foreach (var target in targets)
        {
            // Each subscriber marshals onto its own circuit; one slow or broken page must not hold up the others.
            _ = Task.Run(async () =>
            {
                try
                {
                    await target();
                }
#pragma warning disable CA1031 // A closed circuit's callback may throw anything; the stream carries on for the others.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            });
        }
    }

    private void Unsubscribe(Guid employeeId, Func<Task> onChange)
    {
        lock (_subscribers)
        {
            if (_subscribers.TryGetValue(employeeId, out var list) && list.Remove(onChange) && list.Count == 0)
            {
                _subscribers.Remove(employeeId);
            }
        }
    }

    private sealed class Subscription(NoticeStream stream, Guid employeeId, Func<Task> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                stream.Unsubscribe(employeeId, onChange);
            }
        }
    }
}

/// <summary>Wakes the delivery dispatcher when deliveries were queued, so e-mail does not wait for the next poll.</summary>
public sealed class DeliverySignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
