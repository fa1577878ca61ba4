using System.Globalization;
using MudBlazor;
using Superapps.Datasets.Features.Compliance;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Datasets.Pages.Compliance;

/// <summary>The bilingual labels and colours of the compliance dashboard and its exports.</summary>
public static class ComplianceLabels
{
    public static string Title => T("Kepatuhan Pemutakhiran Data", "Data update compliance");

    public static string Month => T("Bulan", "Month");

    public static string Agency => "OPD";

    public static string Due => T("Jatuh tempo", "Due");

    public static string Uploaded => T("Diunggah", "Uploaded");

    public static string Approved => T("Disetujui", "Approved");

    public static string OnTime => T("Tepat waktu", "On time");

    public static string Late => T("Terlambat", "Late");

    public static string NotYetDue => T("Belum jatuh tempo", "Not yet due");

    public static string Percent => T("Kepatuhan (%)", "Compliance (%)");

    public static string Rank => T("Peringkat", "Rank");

    public static string Dataset => "Dataset";

    public static string Period => T("Periode", "Period");

    public static string DueOn => T("Batas waktu", "Due date");

    public static string Status => "Status";

    public static string Freshness => T("Kemutakhiran hari ini", "Freshness today");

    /// <summary>Under a trend chart: the months left out of the line because nothing in them could be judged.</summary>
    public static string TrendWithoutData(IEnumerable<string> months) => T(
        $"Tanpa data (tidak ada dataset yang dapat dinilai, tidak digambar): {string.Join(", ", months)}",
        $"No data (no dataset could be judged; not drawn): {string.Join(", ", months)}");

    public static string NotDueThisMonth => T("Tidak jatuh tempo bulan ini", "Not due this month");

    /// <summary>How the percentage is computed, in one sentence a leader can check.</summary>
    public static string Rule => T(
        "Tepat waktu: data periode itu disetujui walidata dan berkasnya diunggah paling lambat pukul 23.59 WIB pada tanggal batas waktu. "
        + "Terlambat: batas waktu terlewati dan belum ada data yang disetujui. Persentase = tepat waktu ÷ (jatuh tempo − belum jatuh tempo).",
        "On time: the period's data was approved by the walidata and its file uploaded by 23.59 WIB on the due date. "
        + "Late: the due date has passed and no data is approved. Percentage = on time ÷ (due − not yet due).");

    public static string Label(this DueStatus status) => status switch
    {
        DueStatus.OnTime => OnTime,
        DueStatus.ApprovedLate => T("Disetujui, diunggah terlambat", "Approved, uploaded late"),
        DueStatus.Late => Late,
        _ => NotYetDue,
    };

    public static Color Color(this DueStatus status) => status switch
    {
        DueStatus.OnTime => MudBlazor.Color.Success,
        DueStatus.ApprovedLate => MudBlazor.Color.Warning,
        DueStatus.Late => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>A stable name for tests and styles, e.g. <c>late</c>.</summary>
    public static string Slug(this DueStatus status) => status switch
    {
        DueStatus.OnTime => "on-time",
        DueStatus.ApprovedLate => "approved-late",
        DueStatus.Late => "late",
        _ => "not-yet-due",
    };

    /// <summary>"87,5 %" / "87.5 %"; "—" when nothing can be judged yet.</summary>
    public static string Percentage(double? value) => value is { } v ? v.ToString("0.#", IsEnglish ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("id-ID")) + " %" : "—";

    /// <summary>Green from 90 %, amber from 60 %, red below; grey when empty.</summary>
    public static Color PercentColor(double? value) => value switch
    {
        null => MudBlazor.Color.Default,
        >= 90 => MudBlazor.Color.Success,
        >= 60 => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };
}
