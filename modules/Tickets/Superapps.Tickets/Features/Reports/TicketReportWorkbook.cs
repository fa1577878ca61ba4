using Superapps.SharedKernel;
using Superapps.Tabular;
using Superapps.Tickets.Domain;

namespace Superapps.Tickets.Features.Reports;

/// <summary>The report as an XLSX workbook: one sheet per table of the page. Durations are hours as numbers, so they sum and chart.</summary>
public static class TicketReportWorkbook
{
    public static readonly string[] SheetNames = ["Ringkasan", "Kategori", "OPD", "Lokasi", "Tren Bulanan", "Tiket Selesai"];

    public static byte[] Build(TicketReport report, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var summary = new XlsxSheet(SheetNames[0]).WithHeader(Bilingual.T("Ukuran", "Measure"), Bilingual.T("Nilai", "Value")).WithWidths(48, 18)
            .Add(Bilingual.T("Periode dari", "Period from"), report.Filter.From)
            .Add(Bilingual.T("Periode sampai", "Period to"), report.Filter.To)
            .Add(Bilingual.T("Tiket dilaporkan", "Tickets reported"), s.Reported)
            .Add(Bilingual.T("Tiket selesai", "Tickets resolved"), s.Resolved)
            .Add(Bilingual.T("MTTR, jam kerja", "MTTR, business hours"), Hours(s.MeanBusinessTimeToResolve))
            .Add(Bilingual.T("MTTR, jam kalender", "MTTR, wall-clock hours"), Hours(s.MeanWallTimeToResolve))
            .Add(Bilingual.T("Respons tepat waktu (%)", "Response within target (%)"), Number(s.ResponseMetPercent))
            .Add(Bilingual.T("Penyelesaian tepat waktu (%)", "Resolution within target (%)"), Number(s.ResolutionMetPercent));

        var categories = new XlsxSheet(SheetNames[1]).WithWidths(36, 14, 14, 18)
            .WithHeader(Bilingual.T("Kategori", "Category"), Bilingual.T("Dilaporkan", "Reported"), Bilingual.T("Selesai", "Resolved"), Bilingual.T("Tepat waktu (%)", "Within target (%)"));
        foreach (var c in report.ByCategory)
        {
            categories.Add(TicketReportText.Of(c.Category), c.Reported, c.Resolved, Number(c.ResolutionMetPercent));
        }

        var agencies = Ranked(SheetNames[2], Bilingual.T("OPD", "Agency"), report.ByAgency, withAgency: false);
        var sites = Ranked(SheetNames[3], Bilingual.T("Lokasi", "Site"), report.BySite, withAgency: true);

        var trend = new XlsxSheet(SheetNames[4]).WithWidths(12, 14, 14, 18)
            .WithHeader(Bilingual.T("Bulan", "Month"), Bilingual.T("Dilaporkan", "Reported"), Bilingual.T("Selesai", "Resolved"), Bilingual.T("Tepat waktu (%)", "Within target (%)"));
        foreach (var m in report.Trend)
        {
            trend.Add($"{m.Year:D4}-{m.Month:D2}", m.Reported, m.Resolved, Number(m.ResolutionMetPercent));
        }

        var recent = new XlsxSheet(SheetNames[5]).WithWidths(18, 36, 36, 24, 8, 18, 18, 14, 14, 14)
            .WithHeader(Bilingual.T("Nomor", "Number"), Bilingual.T("Lokasi", "Site"), "OPD", Bilingual.T("Kategori", "Category"), Bilingual.T("Prioritas", "Priority"),
                Bilingual.T("Dilaporkan", "Reported"), Bilingual.T("Selesai", "Resolved"), Bilingual.T("Jam kerja", "Business hours"),
                Bilingual.T("Jam kalender", "Wall-clock hours"), Bilingual.T("Tepat waktu", "Within target"));
        foreach (var t in report.RecentlyResolved)
        {
            recent.Add(t.Number, t.SiteName, t.AgencyName, TicketReportText.Of(t.Category), t.Priority.ToString(),
                XlsxCell.Of(TimeZoneInfo.ConvertTime(t.CreatedAt, zone).DateTime), XlsxCell.Of(TimeZoneInfo.ConvertTime(t.ResolvedAt, zone).DateTime),
                Hours(t.BusinessTimeToResolve), Hours(t.WallTimeToResolve), t.ResolutionMet is { } met ? XlsxCell.Of(met) : XlsxCell.Empty);
        }

        return XlsxWriter.ToBytes([summary, categories, agencies, sites, trend, recent]);
    }

    private static XlsxSheet Ranked(string name, string column, IReadOnlyList<RankedFigures> rows, bool withAgency)
    {
        var sheet = new XlsxSheet(name).WithWidths(40, 40, 14, 14, 18);
        sheet.WithHeader(withAgency
            ? [column, "OPD", Bilingual.T("Dilaporkan", "Reported"), Bilingual.T("Selesai", "Resolved"), Bilingual.T("MTTR, jam kerja", "MTTR, business hours")]
            : [column, Bilingual.T("Dilaporkan", "Reported"), Bilingual.T("Selesai", "Resolved"), Bilingual.T("MTTR, jam kerja", "MTTR, business hours")]);
        foreach (var r in rows)
        {
            sheet.Add(withAgency
                ? [r.Name, r.AgencyName, r.Reported, r.Resolved, Hours(r.MeanBusinessTimeToResolve)]
                : [r.Name, r.Reported, r.Resolved, Hours(r.MeanBusinessTimeToResolve)]);
        }

        return sheet;
    }

    private static XlsxCell Hours(TimeSpan? duration) => duration is { } d ? XlsxCell.Of(Math.Round(d.TotalHours, 2)) : XlsxCell.Empty;

    private static XlsxCell Number(double? value) => value is { } v ? XlsxCell.Of(v) : XlsxCell.Empty;
}

/// <summary>Report values as text, in the user's language.</summary>
public static class TicketReportText
{
    public static string Of(Contracts.TicketCategory category)
    {
        var (indonesian, english) = TicketText.Of(category);
        return Bilingual.T(indonesian, english);
    }

    /// <summary>"3 j 15 m" / "3 h 15 m"; "—" when unknown.</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return "—";
        }

        var hours = (int)d.TotalHours;
        return Bilingual.IsEnglish ? $"{hours} h {d.Minutes} m" : $"{hours} j {d.Minutes} m";
    }

    public static string Percent(double? value) => value is { } v ? v.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " %" : "—";
}
