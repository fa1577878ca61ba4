namespace Superapps.Datasets.Features.Reminders;

/// <summary>The kinds of notice the reminders job sends for a dataset's period.</summary>
public enum ReminderKind
{
    /// <summary>Pengingat: the due date is near and nothing is uploaded for the period.</summary>
    Reminder,

    /// <summary>Eskalasi: the due date has passed and nothing is approved; the OPD head is told.</summary>
    Escalation,
}

/// <summary>
/// A reminder or escalation sent for one (dataset, period, kind): the record that it was sent, so it is sent once. Written in the
/// same transaction as the decision to send it (<see cref="DatasetReminders"/>).
/// </summary>
public sealed class DatasetReminder
{
    public Guid DatasetId { get; set; }

    /// <summary>The period's key (<see cref="Domain.ReportingPeriod.Key"/>).</summary>
    public string Period { get; set; } = string.Empty;

    public ReminderKind Kind { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>The employees told (data people and, for an escalation, the OPD head).</summary>
    public List<Guid> Recipients { get; set; } = [];
}
