using MudBlazor;
using Superapps.Datasets.Features.History;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Datasets.Pages.Version;

/// <summary>The bilingual labels and colours of the version page's terms.</summary>
public static class VersionLabels
{
    public static string Label(this RowChangeKind kind) => kind switch
    {
        RowChangeKind.Changed => T("Diubah", "Changed"),
        RowChangeKind.Added => T("Ditambah", "Added"),
        _ => T("Dihapus", "Removed"),
    };

    public static Color Color(this RowChangeKind kind) => kind switch
    {
        RowChangeKind.Changed => MudBlazor.Color.Warning,
        RowChangeKind.Added => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Error,
    };

    /// <summary>A stable name for tests and styles, e.g. <c>changed</c>.</summary>
    public static string Slug(this RowChangeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>"12,5 KB": a file's size.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
