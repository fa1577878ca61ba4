using Superapps.Datasets.Domain;

namespace Superapps.Datasets.Features.Reminders;

/// <summary>Which (period, kind) of a dataset the reminders job looks at on a day, before it checks the data.</summary>
public static class ReminderRules
{
    /// <summary>
    /// A <see cref="ReminderKind.Reminder"/> for a period whose due date is today or within the next <paramref name="daysBefore"/> days;
    /// an <see cref="ReminderKind.Escalation"/> for the latest period whose due date has passed. Only that latest one is escalated:
    /// older missing periods had their own escalation when they were the latest (and stay on the dashboard). Nothing before
    /// <paramref name="since"/>, the dataset's first required period.
    /// </summary>
    public static IReadOnlyList<(ReportingPeriod Period, ReminderKind Kind)> Candidates(UpdateSchedule schedule, ReportingPeriod since, DateOnly today, int daysBefore)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var latest = schedule.LatestDue(today);
        var candidates = new List<(ReportingPeriod, ReminderKind)>();
        foreach (var period in new[] { latest, latest.Next() })
        {
            var dueOn = schedule.DueOn(period);
            if (period >= since && today >= dueOn.AddDays(-daysBefore) && today <= dueOn)
            {
                candidates.Add((period, ReminderKind.Reminder));
            }
        }

        if (latest >= since && schedule.DueOn(latest) < today)
        {
            candidates.Add((latest, ReminderKind.Escalation));
        }

        return candidates;
    }
}
