using Superapps.Datasets.Domain;
using Superapps.Datasets.Pages;
using Superapps.Datasets.Pages.Compliance;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Datasets.Features.Compliance;

/// <summary>The dashboard as an XLSX workbook for the leaders' meeting: the summary, the OPD ranking, the trend and every dataset due.</summary>
public static class ComplianceWorkbook
{
    public static readonly string[] SheetNames = ["Ringkasan", "Peringkat OPD", "Tren", "Dataset"];

    public static byte[] Build(ComplianceReport report, IReadOnlyDictionary<Guid, Freshness> freshness)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(freshness);
        var c = report.City;
        var summary = new XlsxSheet(SheetNames[0]).WithHeader(Bilingual.T("Ukuran", "Measure"), Bilingual.T("Nilai", "Value")).WithWidths(48, 18)
            .Add(ComplianceLabels.Month, report.Month.Key)
            .Add(Bilingual.T("Keadaan per tanggal", "As of"), report.Today)
            .Add(ComplianceLabels.Due, c.Due)
            .Add(ComplianceLabels.Uploaded, c.Uploaded)
            .Add(ComplianceLabels.Approved, c.Approved)
            .Add(ComplianceLabels.OnTime, c.OnTime)
            .Add(ComplianceLabels.Late, c.Late)
            .Add(ComplianceLabels.NotYetDue, c.NotYetDue)
            .Add(ComplianceLabels.Percent, Number(c.Percentage))
            .Add(Bilingual.T("Aturan", "Rule"), ComplianceLabels.Rule);

        var ranking = new XlsxSheet(SheetNames[1]).WithWidths(10, 44, 12, 12, 12, 12, 12, 16)
            .WithHeader(ComplianceLabels.Rank, ComplianceLabels.Agency, ComplianceLabels.Due, ComplianceLabels.Uploaded, ComplianceLabels.Approved,
                ComplianceLabels.OnTime, ComplianceLabels.Late, ComplianceLabels.Percent);
        foreach (var a in report.Agencies)
        {
            ranking.Add(a.Rank, a.AgencyName, a.Tally.Due, a.Tally.Uploaded, a.Tally.Approved, a.Tally.OnTime, a.Tally.Late, Number(a.Tally.Percentage));
        }

        var trend = new XlsxSheet(SheetNames[2]).WithWidths(12, 12, 12, 12, 16)
            .WithHeader(ComplianceLabels.Month, ComplianceLabels.Due, ComplianceLabels.OnTime, ComplianceLabels.Late, ComplianceLabels.Percent);
        foreach (var p in report.Trend)
        {
            trend.Add(p.Month.Key, p.Tally.Due, p.Tally.OnTime, p.Tally.Late, Number(p.Tally.Percentage));
        }

        var names = report.Agencies.ToDictionary(a => a.AgencyId, a => a.AgencyName);
        var datasets = new XlsxSheet(SheetNames[3]).WithWidths(40, 44, 36, 14, 14, 28, 12, 22)
            .WithHeader(ComplianceLabels.Agency, ComplianceLabels.Dataset, Bilingual.T("Kode", "Code"), ComplianceLabels.Period, ComplianceLabels.DueOn,
                ComplianceLabels.Status, ComplianceLabels.Uploaded, ComplianceLabels.Freshness);
        foreach (var d in report.Due.OrderBy(d => names.GetValueOrDefault(d.AgencyId), StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Title, StringComparer.OrdinalIgnoreCase))
        {
            datasets.Add(names.GetValueOrDefault(d.AgencyId), d.Title, d.Code, d.Period.Key, d.DueOn, d.Status.Label(), d.Uploaded,
                freshness.TryGetValue(d.DatasetId, out var f) ? f.Label() : XlsxCell.Empty);
        }

        return XlsxWriter.ToBytes([summary, ranking, trend, datasets]);
    }

    private static XlsxCell Number(double? value) => value is { } v ? XlsxCell.Of(v) : XlsxCell.Empty;
}
