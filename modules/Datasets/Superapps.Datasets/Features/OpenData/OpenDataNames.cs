using System.Security.Cryptography;
using System.Text;
using Superapps.Datasets.Domain;

namespace Superapps.Datasets.Features.OpenData;

/// <summary>The names and addresses of the open-data site: slugs, period labels, download links, stable resource ids.</summary>
public static class OpenDataNames
{
    public const string SitePath = "/data-terbuka";

    public const string CatalogPath = SitePath + "/catalog.jsonld";

    public static string DatasetPath(string code) => $"{SitePath}/{Uri.EscapeDataString(code)}";

    /// <summary>The download link of a format (<c>csv</c> or <c>xlsx</c>), for a period or (without one) the current data.</summary>
    public static string DownloadPath(string code, string format, string? period = null) =>
        $"{DatasetPath(code)}/unduh.{format}" + (string.IsNullOrEmpty(period) ? string.Empty : $"?periode={Uri.EscapeDataString(period)}");

    /// <summary>The file name offered for a download, e.g. <c>jumlah-penduduk-2026-11.csv</c>.</summary>
    public static string FileName(string code, string period, string format) => $"{code}-{period}.{format}";

    /// <summary>A CKAN name: lowercase letters, digits, hyphens and underscores (<c>DISDIK</c> → <c>disdik</c>, <c>KEC TELANAI</c> → <c>kec-telanai</c>).</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    /// <summary>The label of a stored period key whatever frequency wrote it ("November 2026", "Triwulan III 2026"); the key itself if unreadable.</summary>
    public static string PeriodLabel(string key)
    {
        foreach (var frequency in Enum.GetValues<UpdateFrequency>())
        {
            if (ReportingPeriod.TryParse(frequency, key, out var period))
            {
                return period.Label;
            }
        }

        return key;
    }

    /// <summary>A stable id for a derived thing (a CKAN resource: a version's CSV or XLSX), the same at every request.</summary>
    public static Guid StableId(Guid owner, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{owner:N}/{what}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

/// <summary>Orders stored period keys in time: by year, then by the period within it (<c>2026-02</c> before <c>2026-11</c>).</summary>
public sealed class PeriodKeyComparer : IComparer<string>
{
    public static readonly PeriodKeyComparer Instance = new();

    public int Compare(string? x, string? y) => Key(x).CompareTo(Key(y));

    private static (int Year, int Month, string Text) Key(string? key)
    {
        foreach (var frequency in Enum.GetValues<UpdateFrequency>())
        {
            if (ReportingPeriod.TryParse(frequency, key, out var period))
            {
                return (period.Year, period.End.Month, key!);
            }
        }

        return (0, 0, key ?? string.Empty);
    }
}
