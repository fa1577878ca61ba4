using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Features.Reports;

/// <summary>What a report covers: the days <paramref name="From"/>..<paramref name="To"/> in the city's zone, optionally one OPD and one category.</summary>
/// <param name="Top">How many OPDs and sites the rankings show.</param>
public sealed record TicketReportFilter(DateOnly From, DateOnly To, Guid? AgencyId = null, TicketCategory? Category = null, int Top = 10)
{
    public const int MaxDays = 5 * 366;

    /// <summary>From the first of January to <paramref name="today"/>: what the page and the export show when no period is given.</summary>
    public static TicketReportFilter YearToDate(DateOnly today) => new(new DateOnly(today.Year, 1, 1), today);

    /// <summary>Every problem at once, field-tagged, in both languages.</summary>
    public IReadOnlyList<UserError> Check()
    {
        var errors = new List<UserError>();
        if (To < From)
        {
            errors.Add(TicketReportErrors.PeriodReversed);
        }
        else if (To.DayNumber - From.DayNumber >= MaxDays)
        {
            errors.Add(TicketReportErrors.PeriodTooLong);
        }

        if (Category is { } category && !Enum.IsDefined(category))
        {
            errors.Add(TicketReportErrors.Category);
        }

        if (Top is < 1 or > 100)
        {
            errors.Add(TicketReportErrors.Top);
        }

        return errors;
    }
}

/// <summary>The report's errors, in Indonesian and English.</summary>
public static class TicketReportErrors
{
    public static readonly UserError PeriodReversed = new("tickets.report.period",
        "Tanggal akhir periode tidak boleh sebelum tanggal awal.", "The end of the period cannot be before its start.", "to");

    public static readonly UserError PeriodTooLong = new("tickets.report.period",
        "Periode laporan paling panjang 5 tahun.", "A report covers at most 5 years.", "to");

    public static readonly UserError Category = new("tickets.report.category",
        "Kategori tidak dikenal.", "Unknown category.", "category");

    public static readonly UserError Query = new("tickets.report.query",
        "Parameter laporan tidak dapat dibaca: tanggal berformat yyyy-MM-dd, OPD berupa id, kategori dan peringkat yang dikenal.",
        "The report's parameters cannot be read: dates as yyyy-MM-dd, the agency as an id, a known category and ranking size.");

    public static readonly UserError Top = new("tickets.report.top",
        "Jumlah peringkat harus antara 1 dan 100.", "The ranking size must be between 1 and 100.", "top");
}

/// <summary>The headline figures of a period.</summary>
/// <param name="Reported">Tickets reported in the period.</param>
/// <param name="Resolved">Tickets resolved in the period (and not reopened since).</param>
/// <param name="MeanBusinessTimeToResolve">MTTR in business time (the customer clock: waits for the OPD do not count).</param>
/// <param name="MeanWallTimeToResolve">MTTR in wall-clock time, from the report to the last resolution.</param>
/// <param name="ResponseMetPercent">Share of the period's tickets answered (first assignment) within target, of those answered.</param>
/// <param name="ResolutionMetPercent">Share of the period's resolutions within target.</param>
public sealed record TicketReportSummary(int Reported, int Resolved, TimeSpan? MeanBusinessTimeToResolve, TimeSpan? MeanWallTimeToResolve,
    double? ResponseMetPercent, double? ResolutionMetPercent);

/// <summary>Tickets of one category.</summary>
public sealed record CategoryFigures(TicketCategory Category, int Reported, int Resolved, double? ResolutionMetPercent);

/// <summary>Tickets of one OPD or one site, for the rankings.</summary>
public sealed record RankedFigures(Guid Id, string Name, string? AgencyName, int Reported, int Resolved, TimeSpan? MeanBusinessTimeToResolve);

/// <summary>One month of the trend: reported, resolved and the share resolved within target.</summary>
public sealed record MonthFigures(int Year, int Month, int Reported, int Resolved, double? ResolutionMetPercent);

/// <summary>A ticket resolved in the period with its time to resolve.</summary>
public sealed record ResolvedTicket(Guid Id, string Number, string SiteName, string AgencyName, TicketCategory Category, TicketPriority Priority,
    DateTimeOffset CreatedAt, DateTimeOffset ResolvedAt, TimeSpan? BusinessTimeToResolve, bool? ResolutionMet)
{
    public TimeSpan WallTimeToResolve => ResolvedAt - CreatedAt;
}

/// <summary>Everything the report page and its export show.</summary>
public sealed record TicketReport(TicketReportFilter Filter, TicketReportSummary Summary, IReadOnlyList<CategoryFigures> ByCategory,
    IReadOnlyList<RankedFigures> ByAgency, IReadOnlyList<RankedFigures> BySite, IReadOnlyList<MonthFigures> Trend, IReadOnlyList<ResolvedTicket> RecentlyResolved);
