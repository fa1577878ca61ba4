using System.Globalization;

namespace Superapps.SharedKernel;

/// <summary>
/// Western Indonesia Time (WIB, Asia/Jakarta, UTC+7): how the portal shows dates and times.
/// Dates read <c>23 November 2026</c> (<c>23 Desember 2026</c> in Indonesian, <c>23 December 2026</c> in English), times
/// <c>14.30 WIB</c>.
/// </summary>
/// <remarks>
/// Two kinds of text: <c>Format…</c> writes Indonesian unless told otherwise, for what stays Indonesian whoever reads it (letters,
/// PDFs, stored history, audit lines, the Indonesian half of a bilingual message); <c>Show…</c> writes in the language of the page
/// (<see cref="Bilingual.IsEnglish"/>), for pages and components.
/// </remarks>
public static class Wib
{
    public static readonly TimeZoneInfo TimeZone = FindTimeZone();

    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>English month names, day before month (<c>23 December 2026</c>).</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The culture of the page being rendered: <see cref="English"/> when the UI is in English, else <see cref="Indonesian"/>.</summary>
    public static CultureInfo PageCulture => Bilingual.IsEnglish ? English : Indonesian;

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

    /// <summary>A date on a page, in the page's language.</summary>
    public static string ShowDate(DateTimeOffset instant) => FormatDate(instant, PageCulture);

    /// <inheritdoc cref="ShowDate(DateTimeOffset)"/>
    public static string ShowDate(DateOnly date) => FormatDate(date, PageCulture);

    /// <summary>A date and time on a page, in the page's language.</summary>
    public static string ShowDateTime(DateTimeOffset instant) => FormatDateTime(instant, PageCulture);

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
