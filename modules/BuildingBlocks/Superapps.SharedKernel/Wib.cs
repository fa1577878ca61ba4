using System.Globalization;

namespace Superapps.SharedKernel;

/// <summary>
/// Western Indonesia Time (WIB, Asia/Jakarta, UTC+7): how the portal shows dates and times.
/// Dates read <c>23 November 2026</c>, times <c>14.30 WIB</c>.
/// </summary>
public static class Wib
{
    public static readonly TimeZoneInfo TimeZone = FindTimeZone();

    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static DateTimeOffset ToWib(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToWib(clock.GetUtcNow()).DateTime);

    public static string FormatDate(DateTimeOffset instant, CultureInfo? culture = null) =>
        ToWib(instant).ToString("d MMMM yyyy", culture ?? Indonesian);

    public static string FormatDate(DateOnly date, CultureInfo? culture = null) =>
        date.ToString("d MMMM yyyy", culture ?? Indonesian);

    public static string FormatTime(DateTimeOffset instant) =>
        ToWib(instant).ToString("HH.mm", CultureInfo.InvariantCulture) + " WIB";

    public static string FormatDateTime(DateTimeOffset instant, CultureInfo? culture = null) =>
        $"{FormatDate(instant, culture)} {FormatTime(instant)}";

    private static TimeZoneInfo FindTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "Waktu Indonesia Barat", "WIB");
        }
    }
}
