namespace Superapps.Organization.Domain;

/// <summary>
/// Golongan/ruang of civil servants (PNS: I/a to IV/e, each with its pangkat) and of government employees on contract
/// (PPPK: I to XVII, without pangkat).
/// </summary>
public static class CivilServiceGrades
{
    private static readonly Dictionary<string, string> Ranks = new(StringComparer.Ordinal)
    {
        ["I/a"] = "Juru Muda",
        ["I/b"] = "Juru Muda Tingkat I",
        ["I/c"] = "Juru",
        ["I/d"] = "Juru Tingkat I",
        ["II/a"] = "Pengatur Muda",
        ["II/b"] = "Pengatur Muda Tingkat I",
        ["II/c"] = "Pengatur",
        ["II/d"] = "Pengatur Tingkat I",
        ["III/a"] = "Penata Muda",
        ["III/b"] = "Penata Muda Tingkat I",
        ["III/c"] = "Penata",
        ["III/d"] = "Penata Tingkat I",
        ["IV/a"] = "Pembina",
        ["IV/b"] = "Pembina Tingkat I",
        ["IV/c"] = "Pembina Utama Muda",
        ["IV/d"] = "Pembina Utama Madya",
        ["IV/e"] = "Pembina Utama",
    };

    private static readonly string[] PppkGrades =
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"];

    /// <summary>"iv / c" and "IV/C" give "IV/c"; "ix" gives "IX".</summary>
    public static bool TryNormalize(string? text, out string? grade)
    {
        grade = null;
        var compact = new string([.. (text ?? string.Empty).Where(c => !char.IsWhiteSpace(c))]);
        var slash = compact.IndexOf('/', StringComparison.Ordinal);
        var candidate = slash < 0
            ? compact.ToUpperInvariant()
            : compact[..slash].ToUpperInvariant() + "/" + compact[(slash + 1)..].ToLowerInvariant();
        if (Ranks.ContainsKey(candidate) || (slash < 0 && PppkGrades.Contains(candidate, StringComparer.Ordinal)))
        {
            grade = candidate;
            return true;
        }

        return false;
    }

    /// <summary>The pangkat of a PNS golongan ("IV/c" gives "Pembina Utama Muda"); null for PPPK grades and unknown ones.</summary>
    public static string? RankOf(string? grade) => grade is not null && Ranks.TryGetValue(grade, out var rank) ? rank : null;
}
