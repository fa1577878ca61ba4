using System.Globalization;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Domain;

/// <summary>
/// One period of a dataset's schedule: the data "for" November 2026, the third quarter of 2026, the second half of 2026 or the
/// year 2026. <see cref="Index"/> counts from 1 within the year (month 1-12, quarter 1-4, half 1-2, always 1 for a year).
/// </summary>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private static readonly string[] MonthsId = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public ReportingPeriod(UpdateFrequency frequency, int year, int index)
    {
        if (!Enum.IsDefined(frequency))
        {
            throw new ArgumentOutOfRangeException(nameof(frequency));
        }

        if (year is < 1900 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year));
        }

        if (index < 1 || index > (int)frequency)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        (Frequency, Year, Index) = (frequency, year, index);
    }

    public UpdateFrequency Frequency { get; }

    public int Year { get; }

    public int Index { get; }

    private int MonthsLong => 12 / (int)Frequency;

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => new(Year, ((Index - 1) * MonthsLong) + 1, 1);

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Start.AddMonths(MonthsLong).AddDays(-1);

    /// <summary>The period of this frequency that contains a day.</summary>
    public static ReportingPeriod Containing(UpdateFrequency frequency, DateOnly day) =>
        new(frequency, day.Year, ((day.Month - 1) / (12 / (int)frequency)) + 1);

    public ReportingPeriod Next() => Index == (int)Frequency ? new(Frequency, Year + 1, 1) : new(Frequency, Year, Index + 1);

    public ReportingPeriod Previous() => Index == 1 ? new(Frequency, Year - 1, (int)Frequency) : new(Frequency, Year, Index - 1);

    /// <summary>The periods from this one to <paramref name="last"/>, both included (none when <paramref name="last"/> is earlier).</summary>
    public IEnumerable<ReportingPeriod> Through(ReportingPeriod last)
    {
        if (last.Frequency != Frequency)
        {
            throw new ArgumentException("Periods of different frequencies.", nameof(last));
        }

        for (var p = this; p.CompareTo(last) <= 0; p = p.Next())
        {
            yield return p;
        }
    }

    /// <summary>A stable key: <c>2026-11</c>, <c>2026-Q3</c>, <c>2026-S2</c>, <c>2026</c>.</summary>
    public string Key => Frequency switch
    {
        UpdateFrequency.Monthly => $"{Year:D4}-{Index:D2}",
        UpdateFrequency.Quarterly => $"{Year:D4}-Q{Index}",
        UpdateFrequency.HalfYearly => $"{Year:D4}-S{Index}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>What people call the period: "November 2026", "Triwulan III 2026", "Semester II 2026", "Tahun 2026".</summary>
    public string Label => Frequency switch
    {
        UpdateFrequency.Monthly => Bilingual.T($"{MonthsId[Index - 1]} {Year}",
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Index)} {Year}"),
        UpdateFrequency.Quarterly => Bilingual.T($"Triwulan {Roman(Index)} {Year}", $"Q{Index} {Year}"),
        UpdateFrequency.HalfYearly => Bilingual.T($"Semester {Roman(Index)} {Year}", $"H{Index} {Year}"),
        _ => Bilingual.T($"Tahun {Year}", $"Year {Year}"),
    };

    /// <summary>Reads a <see cref="Key"/> known to be valid, such as one stored.</summary>
    public static ReportingPeriod Parse(UpdateFrequency frequency, string text) =>
        TryParse(frequency, text, out var period) ? period : throw new FormatException($"\"{text}\" is not a {frequency} period.");

    /// <summary>Reads a <see cref="Key"/> of the given frequency; false when the text is not one.</summary>
    public static bool TryParse(UpdateFrequency frequency, string? text, out ReportingPeriod period)
    {
        period = default;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
        {
            return false;
        }

        var rest = value[4..];
        int index;
        switch (frequency)
        {
            case UpdateFrequency.Yearly when rest.Length == 0:
                index = 1;
                break;
            case UpdateFrequency.Monthly when rest.Length == 3 && rest[0] == '-':
                if (!int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out index))
                {
                    return false;
                }

                break;
            case UpdateFrequency.Quarterly or UpdateFrequency.HalfYearly when rest.Length == 3 && rest[0] == '-'
                && char.ToUpperInvariant(rest[1]) == (frequency == UpdateFrequency.Quarterly ? 'Q' : 'S') && char.IsAsciiDigit(rest[2]):
                index = rest[2] - '0';
                break;
            default:
                return false;
        }

        if (index < 1 || index > (int)frequency)
        {
            return false;
        }

        period = new ReportingPeriod(frequency, year, index);
        return true;
    }

    public int CompareTo(ReportingPeriod other) => (Year, Index).CompareTo((other.Year, other.Index));

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => Key;

    private static string Roman(int index) => index switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
