using Superapps.Notifications.Contracts;

namespace Superapps.Testing;

/// <summary>
/// A notifier that keeps notices in memory, for asserting who was told what. <see cref="ModuleServices"/>
/// registers it when the modules under test did not register the Notifications module.
/// </summary>
public sealed class RecordingNotifier : INotifier
{
    private readonly List<Notice> _notices = [];

    public IReadOnlyList<Notice> Notices
    {
        get
        {
            lock (_notices)
            {
                return [.. _notices];
            }
        }
    }

    /// <summary>Notices sent to one employee, oldest first.</summary>
    public IReadOnlyList<Notice> To(Guid employeeId) => [.. Notices.Where(n => n.RecipientEmployeeIds.Contains(employeeId))];

    public Task NotifyAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        lock (_notices)
        {
            _notices.Add(notice);
        }

        return Task.CompletedTask;
    }

    public void Clear()
    {
        lock (_notices)
        {
            _notices.Clear();
        }
    }
}
