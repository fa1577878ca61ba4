using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Datasets.Features.DataList;

/// <summary>What an import would do or did: entries created and updated, or the errors by row and column (row 0: the file as a whole).</summary>
public sealed record DataListImportResult(int Rows, int Created, int Updated, IReadOnlyList<RowError> Errors, bool Applied) : IImportOutcome
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>True when the file itself was refused (unreadable, wrong header, too large) rather than some of its rows.</summary>
    public bool IsFileError => Errors.Count > 0 && Errors.All(e => e.Row == 0);

    public static DataListImportResult FileError(UserError error) => new(0, 0, 0, [new RowError(0, null, error)], false);
}

/// <summary>
/// Imports the data list from CSV or XLSX, one dataset per row, upserting by <c>kode</c>: an existing code updates its entry (its first
/// period stays). <see cref="PreviewAsync"/> checks every row and says what would change; <see cref="ApplyAsync"/> checks again and saves
/// every row in one transaction, or nothing when any row is wrong. The layout is in the module's README and the template.
/// </summary>
public sealed class DataListImport(IDbContextFactory<DatasetsDbContext> contexts, IOrganizationDirectory directory, IAuditTrail audit, TimeProvider clock)
{
    public const long MaximumBytes = 5 * 1024 * 1024;

    public const int MaximumRows = 5_000;

    public static readonly IReadOnlyList<ColumnSpec> Columns =
    [
        new("kode"), new("judul", true, "title"), new("deskripsi", false, "description"), new("kode_opd"), new("frekuensi", true, "frequency"),
        new("hari_jatuh_tempo", true, "due_day"), new("periode_awal", true, "first_period"), new("kolom", true, "columns"),
        new("kata_kunci", false, "keywords"), new("lisensi", false, "license", "licence"),
    ];

    internal static readonly ImportRowRules Rules = new(Columns, MaximumRows, DataListErrors.Required, new Dictionary<string, string>
    {
        ["code"] = "kode",
        ["title"] = "judul",
        ["description"] = "deskripsi",
        ["producer"] = "kode_opd",
        ["columns"] = "kolom",
        ["frequency"] = "frekuensi",
        ["dueDay"] = "hari_jatuh_tempo",
        ["firstPeriod"] = "periode_awal",
        ["keywords"] = "kata_kunci",
        ["license"] = "lisensi",
    });

    /// <summary>The template offered for download: two datasets of different frequencies.</summary>
    public const string Template = "kode,judul,deskripsi,kode_opd,frekuensi,hari_jatuh_tempo,periode_awal,kolom,kata_kunci,lisensi\r\n"
        + "jumlah-sekolah-per-kecamatan,Jumlah Sekolah per Kecamatan,\"Sekolah negeri dan swasta per jenjang, per kecamatan\",DISDIK,bulanan,10,2026-01,"
        + "\"kecamatan:teks:wajib:kunci; jenjang:teks:wajib:kunci:maks=20; jumlah_sekolah:bilangan-bulat:wajib\",\"pendidikan, sekolah\",CC-BY-4.0\r\n"
        + "realisasi-pad-triwulanan,Realisasi Pendapatan Asli Daerah,,BAPENDA,triwulanan,15,2026-Q1,"
        + "\"jenis_pendapatan:teks:wajib:kunci; target:angka:wajib; realisasi:angka:wajib; tanggal_data:tanggal\",keuangan,\r\n";

    public Task<DataListImportResult> PreviewAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        RunAsync(stream, fileName, apply: false, cancellationToken);

    public Task<DataListImportResult> ApplyAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        RunAsync(stream, fileName, apply: true, cancellationToken);

    private async Task<DataListImportResult> RunAsync(Stream stream, string fileName, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ImportRows rows;
        try
        {
            rows = await ImportRows.ReadAsync(stream, TabularReader.FormatOf(fileName), Rules, cancellationToken);
        }
        catch (TabularFileException ex)
        {
            return DataListImportResult.FileError(ex.Error);
        }

        var agencies = (await directory.ListAgenciesAsync(cancellationToken)).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = apply ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (apply)
        {
            // One import at a time: two walidata importing the same new code at once would otherwise both plan to create it.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE datasets.datasets IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }

        var existing = await db.Datasets.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        var drafts = Plan(rows, agencies);
        if (rows.Errors.Count > 0)
        {
            return new DataListImportResult(rows.Rows.Count, 0, 0, [.. rows.Errors.OrderBy(e => e.Row)], false);
        }

        var created = drafts.Count(d => !existing.ContainsKey(d.Code));
        if (!apply)
        {
            return new DataListImportResult(rows.Rows.Count, created, drafts.Count - created, [], false);
        }

        var now = clock.GetUtcNow();
        foreach (var draft in drafts)
        {
            var (schema, schedule, firstPeriod) = draft.Check(agencies.Select(a => a.AgencyId).ToHashSet());
            if (existing.TryGetValue(draft.Code, out var dataset))
            {
                dataset.Update(draft.Title, draft.Description, draft.ProducerAgencyId, schema, schedule, now);
            }
            else
            {
                dataset = Dataset.Create(draft.Code, draft.Title, draft.Description, draft.ProducerAgencyId, schema, schedule, firstPeriod, now);
                db.Datasets.Add(dataset);
            }

            dataset.Describe(draft.Keywords, draft.License, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(DatasetsDbContext.Schema, "dataset.imported", "DataListImport", fileName,
            $"Impor daftar data {fileName}: {created} dataset baru, {drafts.Count - created} diperbarui",
            new { fileName, Rows = rows.Rows.Count, Created = created, Updated = drafts.Count - created, Codes = drafts.Select(d => d.Code).ToArray() }), cancellationToken);
        return new DataListImportResult(rows.Rows.Count, created, drafts.Count - created, [], true);
    }

    /// <summary>Reads and checks every row; the errors are recorded in <paramref name="rows"/>.</summary>
    internal static List<DatasetDraft> Plan(ImportRows rows, IReadOnlyList<AgencyProfile> agencies)
    {
        var byCode = agencies.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        var ids = agencies.Select(a => a.AgencyId).ToHashSet();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var drafts = new List<DatasetDraft>();
        foreach (var row in rows.Rows)
        {
            var code = rows.Required(row, "kode");
            var title = rows.Required(row, "judul");
            var description = rows.Optional(row, "deskripsi", numberAllowed: true);
            var agencyCode = rows.Required(row, "kode_opd");
            var frequencyText = rows.Required(row, "frekuensi");
            var dueDayText = rows.Required(row, "hari_jatuh_tempo", numberAllowed: true);
            var firstPeriod = rows.Required(row, "periode_awal", numberAllowed: true);
            var columnsText = rows.Required(row, "kolom");
            var keywords = DataListText.ParseKeywords(rows.Optional(row, "kata_kunci", numberAllowed: true));
            var license = rows.Optional(row, "lisensi");

            if (code is not null && !DatasetCode.IsValid(code))
            {
                rows.Error(row, "kode", DataListErrors.CodeFormat(DatasetCode.MaxLength));
            }

            AgencyProfile? agency = null;
            if (agencyCode is not null && !byCode.TryGetValue(agencyCode, out agency))
            {
                rows.Error(row, "kode_opd", new UserError("datasets.import.agency", $"OPD dengan kode \"{agencyCode}\" tidak ada.",
                    $"There is no OPD with code \"{agencyCode}\".", "kode_opd"));
            }

            var frequency = DataListText.ParseFrequency(frequencyText);
            if (frequencyText is not null && frequency is null)
            {
                rows.Error(row, "frekuensi", DataListErrors.Frequency);
            }

            int? dueDay = null;
            if (dueDayText is not null)
            {
                if (int.TryParse(dueDayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
                {
                    dueDay = day;
                }
                else
                {
                    rows.Error(row, "hari_jatuh_tempo", DataListErrors.DueDay);
                }
            }

            var (columns, columnErrors) = DataListText.ParseColumns(columnsText);
            foreach (var error in columnErrors)
            {
                rows.Error(row, "kolom", error);
            }

            if (code is not null && !seen.TryAdd(code, row.Number))
            {
                rows.Error(row, "kode", DataListErrors.DuplicateInFile(seen[code]));
                continue;
            }

            if (code is null || title is null || agency is null || frequency is null || dueDay is null || firstPeriod is null || columnsText is null
                || columnErrors.Count > 0)
            {
                continue;
            }

            var draft = new DatasetDraft(code, title, description, agency.AgencyId, columns, frequency.Value, dueDay.Value, firstPeriod, keywords, license);
            rows.Check(row, () => draft.Check(ids));
            drafts.Add(draft);
        }

        return drafts;
    }
}
