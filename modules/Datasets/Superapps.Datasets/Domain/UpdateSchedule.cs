namespace Superapps.Datasets.Domain;

/// <summary>Whether a dataset's data is current, as the public badge and the compliance dashboard show it.</summary>
public enum Freshness
{
    /// <summary>Tepat waktu: every period that is due has an approved version (or nothing is due yet).</summary>
    OnTime,

    /// <summary>Terlambat: the latest due period has no approved version, for at most <see cref="UpdateSchedule.VeryLateAfterDays"/> days.</summary>
    Late,

    /// <summary>Sangat terlambat: overdue for longer than that, or more than one due period is missing.</summary>
    VeryLate,
}

/// <summary>
/// When each period's data is due and how fresh a dataset is. A period's data is due on <see cref="DueDay"/> of the month after the
/// period ends: monthly data for November 2026 with due day 10 is due on 10 December 2026; data for the third quarter on 10 October.
/// A due day beyond the month's end means its last day.
/// </summary>
public sealed record UpdateSchedule
{
    /// <summary>Overdue for more days than this is "sangat terlambat".</summary>
    public const int VeryLateAfterDays = 30;

    public UpdateSchedule(UpdateFrequency frequency, int dueDay)
    {
        if (!Enum.IsDefined(frequency))
        {
            throw new ArgumentOutOfRangeException(nameof(frequency));
        }

        if (dueDay is < 1 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(dueDay), "A due day is 1-31.");
        }

        (Frequency, DueDay) = (frequency, dueDay);
    }

    public UpdateFrequency Frequency { get; }

    public int DueDay { get; }

    /// <summary>The day a period's data is due.</summary>
    public DateOnly DueOn(ReportingPeriod period)
    {
        if (period.Frequency != Frequency)
        {
            throw new ArgumentException("The period is of another frequency.", nameof(period));
        }

        var month = period.End.AddDays(1);
        return new DateOnly(month.Year, month.Month, Math.Min(DueDay, DateTime.DaysInMonth(month.Year, month.Month)));
    }

    /// <summary>The latest period whose data is due on or before <paramref name="today"/>.</summary>
    public ReportingPeriod LatestDue(DateOnly today)
    {
        var period = ReportingPeriod.Containing(Frequency, today).Previous();
        while (DueOn(period) > today)
        {
            period = period.Previous();
        }

        return period;
    }

    /// <summary>The period being collected now: the first one after <see cref="LatestDue"/> (its data is due next).</summary>
    public ReportingPeriod NextDue(DateOnly today) => LatestDue(today).Next();

    /// <summary>
    /// How fresh a dataset is on <paramref name="today"/>, given the latest period with an approved version (null when none).
    /// <paramref name="since"/> is the first period the dataset was required for (nothing before it is ever due).
    /// </summary>
    public Freshness FreshnessOn(DateOnly today, ReportingPeriod? latestApproved, ReportingPeriod since)
    {
        var due = LatestDue(today);
        if (due < since || (latestApproved is { } approved && approved >= due))
        {
            return Freshness.OnTime;
        }

        var firstMissing = latestApproved is { } last && last >= since ? last.Next() : since;
        var overdueDays = today.DayNumber - DueOn(firstMissing).DayNumber;
        return firstMissing < due || overdueDays > VeryLateAfterDays ? Freshness.VeryLate : Freshness.Late;
    }
}
