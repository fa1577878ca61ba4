using System.Globalization;
using Superapps.Datasets.Domain;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Compliance;

/// <summary>A calendar month the compliance dashboard reports on (<c>2026-11</c>): the due dates that fall in it.</summary>
public readonly record struct ComplianceMonth(int Year, int Month) : IComparable<ComplianceMonth>
{
    private static readonly string[] MonthsId = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public DateOnly First => new(Year, Month, 1);

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    /// <summary><c>2026-11</c>, as in the export links (<c>?bulan=2026-11</c>).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>"November 2026".</summary>
    public string Label => Bilingual.T($"{MonthsId[Month - 1]} {Year}", $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month)} {Year}");

    /// <summary>"Nov 2026" / "Nov 2026": for chart axes.</summary>
    public string ShortLabel => $"{(Bilingual.IsEnglish ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(Month) : MonthsId[Month - 1][..3])} {Year % 100:D2}";

    public static ComplianceMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The month of <paramref name="clock"/>'s today in WIB.</summary>
    public static ComplianceMonth Current(TimeProvider clock) => Of(Wib.Today(clock));

    public ComplianceMonth AddMonths(int months)
    {
        var day = First.AddMonths(months);
        return new ComplianceMonth(day.Year, day.Month);
    }

    /// <summary>Reads <c>yyyy-MM</c> (years 2000-2999); false for anything else.</summary>
    public static bool TryParse(string? text, out ComplianceMonth month)
    {
        month = default;
        var value = text?.Trim() ?? string.Empty;
        if (!DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2999)
        {
            return false;
        }

        month = Of(day);
        return true;
    }

    public int CompareTo(ComplianceMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(ComplianceMonth left, ComplianceMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(ComplianceMonth left, ComplianceMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(ComplianceMonth left, ComplianceMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ComplianceMonth left, ComplianceMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => Key;
}

/// <summary>Where one dataset's data for one period stands, as the dashboard counts it.</summary>
public enum DueStatus
{
    /// <summary>Belum jatuh tempo: the due date is today or later and nothing is approved yet.</summary>
    NotYetDue,

    /// <summary>Tepat waktu: approved, and the approved file was uploaded on or before the due date (WIB).</summary>
    OnTime,

    /// <summary>Disetujui terlambat: approved, but the approved file was uploaded after the due date.</summary>
    ApprovedLate,

    /// <summary>Terlambat: the due date has passed and no version is approved (uploaded or not).</summary>
    Late,
}

/// <summary>What the database knows of one dataset's period: any upload at all, and the earliest upload that was approved.</summary>
/// <param name="Uploaded">Some version was uploaded for the period (whatever its status: waiting, returned, approved, replaced).</param>
/// <param name="FirstApprovedUpload">When the earliest approved version of the period was uploaded; null when none is approved.</param>
public readonly record struct PeriodFacts(bool Uploaded, DateTimeOffset? FirstApprovedUpload)
{
    public static readonly PeriodFacts None = new(false, null);

    public bool Approved => FirstApprovedUpload is not null;
}

/// <summary>
/// The compliance rules, kept to what a deputy mayor can check by hand (modules/Datasets/README.md, "Compliance"):
/// <list type="bullet">
/// <item>A dataset is <b>due in a month</b> for the period whose due date (<see cref="UpdateSchedule.DueOn"/>) falls in that month,
/// from its first required period on. A monthly dataset is due every month (for the month before), a quarterly one in January, April,
/// July and October, a half-yearly one in January and July, a yearly one in January. Only active datasets count.</item>
/// <item><b>On time</b>: a version of the period is approved and the approved file was uploaded on or before the end of the due date,
/// 23.59.59 WIB. The upload time counts, not the approval time: the walidata's review does not make an OPD late.</item>
/// <item><b>Late</b>: the due date has passed (today in WIB is after it) and no version of the period is approved.</item>
/// <item><b>Percentage</b>: on time ÷ (due − not yet due). Datasets whose due date has not come and that are not approved yet are
/// left out until their result is known; with nothing to judge the percentage is empty ("—"), not 0 or 100.</item>
/// </list>
/// </summary>
public static class ComplianceRules
{
    /// <summary>The period of the dataset's schedule whose data is due in <paramref name="month"/>; null when none is (or it precedes <paramref name="since"/>).</summary>
    public static ReportingPeriod? PeriodDueIn(UpdateSchedule schedule, ReportingPeriod since, ComplianceMonth month)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        // Data is due in the month after its period ends, so the period is the one ending in the month before.
        var monthBefore = month.First.AddDays(-1);
        var period = ReportingPeriod.Containing(schedule.Frequency, monthBefore);
        return period.End == monthBefore && period >= since ? period : null;
    }

    /// <summary>The first instant after the due date in WIB: an upload before it is on time.</summary>
    public static DateTimeOffset DeadlineEnd(DateOnly dueOn)
    {
        var midnight = dueOn.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Wib.TimeZone.GetUtcOffset(midnight));
    }

    /// <summary>Where a due period stands on <paramref name="today"/> (WIB).</summary>
    public static DueStatus StatusOf(DateOnly dueOn, PeriodFacts facts, DateOnly today) => facts.FirstApprovedUpload switch
    {
        { } uploaded => uploaded < DeadlineEnd(dueOn) ? DueStatus.OnTime : DueStatus.ApprovedLate,
        _ => today > dueOn ? DueStatus.Late : DueStatus.NotYetDue,
    };

    /// <summary>Best first: the highest percentage (an empty one last), then by name.</summary>
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> rows, Func<T, ComplianceTally> tally, Func<T, string> name) =>
        [.. rows.OrderBy(r => tally(r).Percentage is null ? 1 : 0)
            .ThenByDescending(r => tally(r).Percentage ?? 0)
            .ThenBy(r => name(r), StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase))];
}

/// <summary>The counts of a set of due datasets (an OPD's, the city's) for one month.</summary>
public sealed record ComplianceTally(int Due, int Uploaded, int Approved, int OnTime, int Late, int NotYetDue)
{
    public static readonly ComplianceTally Empty = new(0, 0, 0, 0, 0, 0);

    /// <summary>The datasets whose result is known: due minus not yet due.</summary>
    public int Assessed => Due - NotYetDue;

    /// <summary>On time as a percentage of <see cref="Assessed"/>, one decimal; null when nothing can be judged yet.</summary>
    public double? Percentage => Assessed == 0 ? null : Math.Round(100.0 * OnTime / Assessed, 1);

    public ComplianceTally Add(DueStatus status, bool uploaded) => new(
        Due + 1,
        Uploaded + (uploaded || status is DueStatus.OnTime or DueStatus.ApprovedLate ? 1 : 0),
        Approved + (status is DueStatus.OnTime or DueStatus.ApprovedLate ? 1 : 0),
        OnTime + (status == DueStatus.OnTime ? 1 : 0),
        Late + (status == DueStatus.Late ? 1 : 0),
        NotYetDue + (status == DueStatus.NotYetDue ? 1 : 0));

    public static ComplianceTally Of(IEnumerable<(DueStatus Status, bool Uploaded)> items) =>
        items.Aggregate(Empty, (tally, item) => tally.Add(item.Status, item.Uploaded));
}
