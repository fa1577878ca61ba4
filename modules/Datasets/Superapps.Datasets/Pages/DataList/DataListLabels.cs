using Superapps.Datasets.Features.DataList;
using Superapps.SharedKernel;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Datasets.Pages.DataList;

/// <summary>How the data list, a dataset's page and the upload page read on screen, in Indonesian or English.</summary>
public static class DataListLabels
{
    public static string Active(bool active) => active ? T("Aktif", "Active") : T("Nonaktif", "Inactive");

    public static string DueDay(int day) => T($"tanggal {day}", $"day {day}");

    public static string Due(DataListRow row) => $"{row.NextPeriod.Label} · {Wib.ShowDate(row.NextDueOn)}";

    public static string NoUpload => T("Belum ada unggahan", "Nothing uploaded yet");

    /// <summary>The column's flags: required, key, maximum length of text.</summary>
    public static string Flags(Domain.DatasetColumn column) => string.Join(", ", new[]
    {
        column.Required ? T("wajib", "required") : null,
        column.Key ? T("kunci", "key") : null,
        column.Type == Domain.ColumnType.Text ? T($"maks. {column.MaxLength} karakter", $"max. {column.MaxLength} characters") : null,
    }.Where(f => f is not null));

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
