using MudBlazor;
using Superapps.Datasets.Domain;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Datasets.Pages;

/// <summary>The bilingual labels and colours of the module's terms, one place for every page.</summary>
public static class DatasetLabels
{
    public static string Label(this UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.Monthly => T("Bulanan", "Monthly"),
        UpdateFrequency.Quarterly => T("Triwulanan", "Quarterly"),
        UpdateFrequency.HalfYearly => T("Semesteran", "Half-yearly"),
        _ => T("Tahunan", "Yearly"),
    };

    public static string Label(this ColumnType type) => type switch
    {
        ColumnType.Text => T("Teks", "Text"),
        ColumnType.WholeNumber => T("Bilangan bulat", "Whole number"),
        ColumnType.Number => T("Angka", "Number"),
        ColumnType.Date => T("Tanggal", "Date"),
        _ => T("Ya/tidak", "Yes/no"),
    };

    public static string Label(this VersionStatus status) => status switch
    {
        VersionStatus.Submitted => T("Menunggu pemeriksaan", "Awaiting review"),
        VersionStatus.Returned => T("Dikembalikan", "Returned"),
        VersionStatus.Approved => T("Disetujui", "Approved"),
        _ => T("Diganti unggahan baru", "Replaced by a newer upload"),
    };

    public static Color Color(this VersionStatus status) => status switch
    {
        VersionStatus.Submitted => MudBlazor.Color.Info,
        VersionStatus.Returned => MudBlazor.Color.Warning,
        VersionStatus.Approved => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Default,
    };

    public static string Label(this Freshness freshness) => freshness switch
    {
        Freshness.OnTime => T("Tepat waktu", "On time"),
        Freshness.Late => T("Terlambat", "Late"),
        _ => T("Sangat terlambat", "Very late"),
    };

    public static Color Color(this Freshness freshness) => freshness switch
    {
        Freshness.OnTime => MudBlazor.Color.Success,
        Freshness.Late => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };

    /// <summary>A stable name for tests and styles, e.g. <c>on-time</c>.</summary>
    public static string Slug(this Freshness freshness) => freshness switch
    {
        Freshness.OnTime => "on-time",
        Freshness.Late => "late",
        _ => "very-late",
    };
}
