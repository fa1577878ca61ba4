using Superapps.SharedKernel;
using Superapps.Tickets.Domain.Calendar;

namespace Superapps.Tickets.Pages.Calendar;

/// <summary>How the SLA calendar reads on screen, in Indonesian or English.</summary>
public static class CalendarLabels
{
    public static string Of(CalendarEntryKind kind) => kind switch
    {
        CalendarEntryKind.PublicHoliday => Bilingual.T("Libur nasional", "Public holiday"),
        CalendarEntryKind.CollectiveLeave => Bilingual.T("Cuti bersama", "Collective leave"),
        _ => Bilingual.T("Libur daerah", "Local day off"),
    };

    public static string Of(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Bilingual.T("Senin", "Monday"),
        DayOfWeek.Tuesday => Bilingual.T("Selasa", "Tuesday"),
        DayOfWeek.Wednesday => Bilingual.T("Rabu", "Wednesday"),
        DayOfWeek.Thursday => Bilingual.T("Kamis", "Thursday"),
        DayOfWeek.Friday => Bilingual.T("Jumat", "Friday"),
        DayOfWeek.Saturday => Bilingual.T("Sabtu", "Saturday"),
        _ => Bilingual.T("Minggu", "Sunday"),
    };

    /// <summary>"07:30-16:00", or "Libur" for a day off.</summary>
    public static string Hours(string? text) =>
        string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "off", StringComparison.OrdinalIgnoreCase) ? Bilingual.T("Libur", "Closed") : text.Trim();
}
