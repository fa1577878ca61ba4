using Superapps.AppCatalog.Contracts;

namespace Superapps.AppCatalog.Features.Import;

/// <summary>How the import (and the template) writes statuses, decisions, identity modes and access, in Indonesian or English.</summary>
public static class CatalogueText
{
    public static AppStatus? ParseStatus(string? text) => Simplify(text) switch
    {
        "aktif" or "active" => AppStatus.Active,
        "akandiintegrasikan" or "belumdiintegrasikan" or "tointegrate" => AppStatus.ToIntegrate,
        "diproksi" or "proxied" => AppStatus.Proxied,
        "diadaptasi" or "adapted" => AppStatus.Adapted,
        "akandipensiunkan" or "segeradipensiunkan" or "retiring" => AppStatus.Retiring,
        "dipensiunkan" or "retired" => AppStatus.Retired,
        _ => null,
    };

    public static string Format(AppStatus status) => status switch
    {
        AppStatus.Active => "aktif",
        AppStatus.ToIntegrate => "akan-diintegrasikan",
        AppStatus.Proxied => "diproksi",
        AppStatus.Adapted => "diadaptasi",
        AppStatus.Retiring => "akan-dipensiunkan",
        _ => "dipensiunkan",
    };

    public static TimeDecision? ParseDecision(string? text) => Simplify(text) switch
    {
        "tolerate" or "pertahankan" or "toleransi" => TimeDecision.Tolerate,
        "invest" or "kembangkan" or "investasi" => TimeDecision.Invest,
        "migrate" or "migrasi" => TimeDecision.Migrate,
        "eliminate" or "hentikan" or "eliminasi" => TimeDecision.Eliminate,
        _ => null,
    };

    public static IdentityMode? ParseIdentity(string? text) => Simplify(text) switch
    {
        "" or "none" or "tidakada" => IdentityMode.None,
        "signedheaders" or "headerbertandatangan" or "header" => IdentityMode.SignedHeaders,
        "oidc" => IdentityMode.Oidc,
        _ => null,
    };

    /// <summary>
    /// Access: <c>publik</c> (anyone), <c>pegawai</c> or empty (every signed-in employee), or <c>peran=admin,teknisi; opd=DISKOMINFO,BKPSDM</c>
    /// (either part may be left out). Returns null when unreadable; OPD codes are returned as written, for the caller to look up.
    /// </summary>
    public static (bool IsPublic, IReadOnlyList<string> Roles, IReadOnlyList<string> AgencyCodes)? ParseAccess(string? text)
    {
        var simple = Simplify(text);
        if (simple is "" or "pegawai" or "employees" or "semuapegawai")
        {
            return (false, [], []);
        }

        if (simple is "publik" or "public" or "umum")
        {
            return (true, [], []);
        }

        List<string> roles = [];
        List<string> agencies = [];
        foreach (var part in text!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                return null;
            }

            var values = pair[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            switch (Simplify(pair[0]))
            {
                case "peran" or "roles" or "role":
                    roles.AddRange(values.Select(v => v.ToLowerInvariant()));
                    break;
                case "opd" or "agencies" or "agency":
                    agencies.AddRange(values);
                    break;
                default:
                    return null;
            }
        }

        return (false, roles, agencies);
    }

    private static string Simplify(string? text) => new([.. (text ?? string.Empty).Trim().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
