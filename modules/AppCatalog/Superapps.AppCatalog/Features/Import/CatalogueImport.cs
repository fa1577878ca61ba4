using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Superapps.AppCatalog.Data;
using Superapps.AppCatalog.Domain;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.AppCatalog.Features.Import;

/// <summary>What an import would do or did: apps created and updated, or the errors by row and column (row 0: the file as a whole).</summary>
public sealed record CatalogueImportResult(int Rows, int Created, int Updated, IReadOnlyList<RowError> Errors, bool Applied) : IImportOutcome
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>True when the file itself was refused (unreadable, wrong header, too large) rather than some of its rows.</summary>
    public bool IsFileError => Errors.Count > 0 && Errors.All(e => e.Row == 0);

    public static CatalogueImportResult FileError(UserError error) => new(0, 0, 0, [new RowError(0, null, error)], false);
}

/// <summary>
/// Imports the catalogue from CSV or XLSX, one app per row, upserting by <c>slug</c>. <see cref="PreviewAsync"/> checks every row and says
/// what would change; <see cref="ApplyAsync"/> checks again and saves every row in one transaction, or nothing when any row is wrong.
/// Retirement is not imported: it has its own dialog (a replacement or a notice).
/// </summary>
public sealed class CatalogueImport(IDbContextFactory<AppCatalogDbContext> contexts, IOrganizationDirectory directory, IAuditTrail audit, TimeProvider clock)
{
    public const long MaximumBytes = 5 * 1024 * 1024;

    public const int MaximumRows = 2_000;

    public static readonly IReadOnlyList<ColumnSpec> Columns =
    [
        new("slug"), new("nama", true, "name"), new("kode_opd", true, "owner"), new("vendor", false), new("url", false), new("tujuan", false, "purpose"),
        new("pengguna", false, "users"), new("jumlah_pengguna", false, "user_count"), new("biaya_tahunan", false, "yearly_cost"),
        new("teknologi", false, "technology"), new("hosting", false), new("status"), new("keputusan", true, "decision"), new("alasan", false, "reasons"),
        new("akses", false, "access"), new("upstream", false), new("identitas", false, "identity"),
    ];

    internal static readonly ImportRowRules Rules = new(Columns, MaximumRows, Required, new Dictionary<string, string>
    {
        ["name"] = "nama",
        ["owner"] = "kode_opd",
        ["purpose"] = "tujuan",
        ["users"] = "pengguna",
        ["userCount"] = "jumlah_pengguna",
        ["yearlyCost"] = "biaya_tahunan",
        ["technology"] = "teknologi",
        ["reasons"] = "alasan",
        ["access"] = "akses",
        ["identity"] = "identitas",
        ["healthPath"] = "upstream",
        ["maxRequestBodyBytes"] = "upstream",
    });

    /// <summary>The template offered for download: a proxied app with signed headers, and an app to be eliminated.</summary>
    public const string Template = "slug,nama,kode_opd,vendor,url,tujuan,pengguna,jumlah_pengguna,biaya_tahunan,teknologi,hosting,status,keputusan,alasan,akses,upstream,identitas\r\n"
        + "simpeg-lama,SIMPEG Lama,BKPSDM,PT Data Nusantara,http://simpeg.kota.example/,Data kepegawaian ASN,Operator kepegawaian semua OPD,180,85000000,"
        + "PHP 5 + MySQL,Server Diskominfo,diproksi,migrasi,\"Dipindah ke portal lewat proxy, lalu diganti modul kepegawaian\",pegawai,http://simpeg.kota.example/,signed-headers\r\n"
        + "e-absen-2015,e-Absen 2015,BKPSDM,CV Absensi Jaya,http://absen.kota.example/,Absensi pegawai,Semua pegawai,4000,25000000,"
        + "ASP.NET WebForms,Server Diskominfo,akan-dipensiunkan,hentikan,Digantikan aplikasi absensi nasional,\"peran=admin,admin-opd\",,\r\n";

    public static UserError Required(string column) => new("appcatalog.import.required",
        $"Kolom {column} wajib diisi.", $"The column {column} is required.", column);

    public Task<CatalogueImportResult> PreviewAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        RunAsync(stream, fileName, apply: false, cancellationToken);

    public Task<CatalogueImportResult> ApplyAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        RunAsync(stream, fileName, apply: true, cancellationToken);

    private async Task<CatalogueImportResult> RunAsync(Stream stream, string fileName, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ImportRows rows;
        try
        {
            rows = await ImportRows.ReadAsync(stream, TabularReader.FormatOf(fileName), Rules, cancellationToken);
        }
        catch (TabularFileException ex)
        {
            return CatalogueImportResult.FileError(ex.Error);
        }

        var agencies = await directory.ListAgenciesAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = apply ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (apply)
        {
            // One import at a time: two imports of the same new slug at once would otherwise both plan to create it.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE appcatalog.apps IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }

        var existing = await db.Apps.ToDictionaryAsync(a => a.Slug, StringComparer.Ordinal, cancellationToken);
        var drafts = Plan(rows, agencies, existing);
        if (rows.Errors.Count > 0)
        {
            return new CatalogueImportResult(rows.Rows.Count, 0, 0, [.. rows.Errors.OrderBy(e => e.Row)], false);
        }

        var created = drafts.Count(d => !existing.ContainsKey(d.Draft.Slug));
        if (!apply)
        {
            return new CatalogueImportResult(rows.Rows.Count, created, drafts.Count - created, [], false);
        }

        var now = clock.GetUtcNow();
        foreach (var (draft, owner) in drafts)
        {
            if (existing.TryGetValue(draft.Slug, out var app))
            {
                app.Update(draft, owner, now);
            }
            else
            {
                db.Apps.Add(CityApp.Create(draft, owner, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(AppCatalogDbContext.Schema, "app.imported", "CatalogueImport", fileName,
            $"Impor katalog aplikasi {fileName}: {created} aplikasi baru, {drafts.Count - created} diperbarui",
            new { fileName, Rows = rows.Rows.Count, Created = created, Updated = drafts.Count - created, Slugs = drafts.Select(d => d.Draft.Slug).ToArray() }),
            cancellationToken);
        return new CatalogueImportResult(rows.Rows.Count, created, drafts.Count - created, [], true);
    }

    /// <summary>Reads and checks every row; the errors are recorded in <paramref name="rows"/>.</summary>
    internal static List<(AppDraft Draft, string Owner)> Plan(ImportRows rows, IReadOnlyList<AgencyProfile> agencies, IReadOnlyDictionary<string, CityApp> existing)
    {
        var byCode = agencies.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var drafts = new List<(AppDraft, string)>();
        foreach (var row in rows.Rows)
        {
            var slug = rows.Required(row, "slug");
            var name = rows.Required(row, "nama", numberAllowed: true);
            var ownerCode = rows.Required(row, "kode_opd");
            var statusText = rows.Required(row, "status");
            var decisionText = rows.Required(row, "keputusan");
            var userCountText = rows.Optional(row, "jumlah_pengguna", numberAllowed: true);
            var costText = rows.Optional(row, "biaya_tahunan", numberAllowed: true);
            var accessText = rows.Optional(row, "akses");
            var identityText = rows.Optional(row, "identitas");
            var valid = true;

            if (slug is not null && !AppSlug.IsValid(slug))
            {
                rows.Error(row, "slug", AppErrors.Slug);
                valid = false;
            }
            else if (slug is not null && !seen.TryAdd(slug, row.Number))
            {
                rows.Error(row, "slug", new UserError("appcatalog.import.duplicate", $"Slug ini sudah ada di baris {seen[slug]} berkas ini.",
                    $"This slug is already on row {seen[slug]} of this file.", "slug"));
                continue;
            }

            AgencyProfile? owner = null;
            if (ownerCode is not null && !byCode.TryGetValue(ownerCode, out owner))
            {
                rows.Error(row, "kode_opd", UnknownAgency(ownerCode, "kode_opd"));
            }

            var status = CatalogueText.ParseStatus(statusText);
            if (statusText is not null && status is null)
            {
                rows.Error(row, "status", new UserError("appcatalog.import.status",
                    "Status tidak dikenal. Pilih aktif, akan-diintegrasikan, diproksi, diadaptasi atau akan-dipensiunkan.",
                    "Unknown status. Choose aktif (active), akan-diintegrasikan (to integrate), diproksi (proxied), diadaptasi (adapted) or akan-dipensiunkan (retiring).", "status"));
            }

            var decision = CatalogueText.ParseDecision(decisionText);
            if (decisionText is not null && decision is null)
            {
                rows.Error(row, "keputusan", new UserError("appcatalog.import.decision",
                    "Keputusan tidak dikenal. Pilih pertahankan, kembangkan, migrasi atau hentikan (tolerate, invest, migrate, eliminate).",
                    "Unknown decision. Choose tolerate, invest, migrate or eliminate (pertahankan, kembangkan, migrasi, hentikan).", "keputusan"));
            }

            var identity = CatalogueText.ParseIdentity(identityText);
            if (identity is null)
            {
                rows.Error(row, "identitas", new UserError("appcatalog.import.identity",
                    "Mode identitas tidak dikenal. Pilih tidak-ada, signed-headers atau oidc.", "Unknown identity mode. Choose none, signed-headers or oidc.", "identitas"));
            }

            var userCount = ParseWhole(rows, row, "jumlah_pengguna", userCountText);
            var cost = ParseWhole(rows, row, "biaya_tahunan", costText);
            var access = CatalogueText.ParseAccess(accessText);
            List<Guid> accessAgencies = [];
            if (access is null)
            {
                rows.Error(row, "akses", new UserError("appcatalog.import.access",
                    "Akses tidak dapat dibaca. Tulis publik, pegawai, atau peran=admin,teknisi; opd=DISKOMINFO.",
                    "Access cannot be read. Write publik (public), pegawai (every employee), or peran=admin,teknisi; opd=DISKOMINFO.", "akses"));
            }
            else
            {
                foreach (var code in access.Value.AgencyCodes)
                {
                    if (byCode.TryGetValue(code, out var agency))
                    {
                        accessAgencies.Add(agency.AgencyId);
                    }
                    else
                    {
                        rows.Error(row, "akses", UnknownAgency(code, "akses"));
                    }
                }
            }

            if (!valid || slug is null || name is null || owner is null || status is null || decision is null || identity is null || access is null
                || rows.HasError(row, "jumlah_pengguna") || rows.HasError(row, "biaya_tahunan") || rows.HasError(row, "akses"))
            {
                continue;
            }

            var draft = new AppDraft(slug, name, owner.AgencyId, rows.Optional(row, "vendor", true), rows.Optional(row, "url"), rows.Optional(row, "tujuan", true),
                rows.Optional(row, "pengguna", true), userCount is { } count ? (int)Math.Min(count, int.MaxValue) : null, cost ?? 0,
                rows.Optional(row, "teknologi", true), rows.Optional(row, "hosting", true), status.Value, decision.Value, rows.Optional(row, "alasan", true),
                access.Value.IsPublic, access.Value.Roles, accessAgencies, rows.Optional(row, "upstream"), identity.Value);
            existing.TryGetValue(slug, out var current);
            if (current is not null)
            {
                // An existing app keeps its proxy limits, target date and, when retired, its status (the check then says so).
                draft = draft with { HealthPath = current.HealthPath, MaxRequestBodyBytes = current.MaxRequestBodyBytes, RetirementTarget = current.RetirementTarget };
            }

            rows.Check(row, () =>
            {
                var errors = CityApp.Check(draft, current?.Status == Contracts.AppStatus.Retired);
                if (errors.Count > 0)
                {
                    throw new DomainRuleException(errors);
                }
            });
            drafts.Add((draft, owner.Name));
        }

        return drafts;
    }

    private static long? ParseWhole(ImportRows rows, TabularRow row, string column, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        rows.Error(row, column, new UserError("appcatalog.import.number", $"Kolom {column} harus bilangan bulat tidak negatif, misalnya 85000000.",
            $"The column {column} must be a non-negative whole number, for example 85000000.", column));
        return null;
    }

    private static UserError UnknownAgency(string code, string column) => new("appcatalog.import.agency",
        $"OPD dengan kode \"{code}\" tidak ada.", $"There is no OPD with code \"{code}\".", column);
}
