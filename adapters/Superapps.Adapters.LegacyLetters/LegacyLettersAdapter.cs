using System.Globalization;
using Microsoft.Extensions.Options;
using Superapps.Letters.Contracts;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Adapters.LegacyLetters;

/// <summary>
/// Imports a legacy e-office database export (README.md: tb_surat_masuk, tb_surat_keluar, tb_disposisi, tb_pegawai as CSV, scans
/// under scan/) into the Letters module through <see cref="ILegacyLetterImport"/>. Incoming letters first, then outgoing ones, in
/// file order; the checkpoint is the next row to read (<c>masuk:12</c>), saved after each letter, so a stopped run resumes there.
/// A bad row (bad date, unknown OPD, missing scan, a disposition with an unknown NIP) is a run error naming the file and line; the
/// rest imports. A letter imported before (by any run) is skipped.
/// </summary>
internal sealed class LegacyLettersAdapter(IOptions<LegacyLettersOptions> options, ILegacyLetterImport import, IOrganizationDirectory directory) : ILegacyAdapter
{
    public const string AdapterKey = "legacy-letters";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "dd-MM-yyyy"];
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public string Key => AdapterKey;

    public AdapterDescription Describe() => new(
        "Surat dari e-Office lama", "Letters from the legacy e-office",
        options.Value.ExportDirectory ?? "(Superapps:Adapters:LegacyLetters:ExportDirectory belum diatur / not set)",
        "Surat / Letters",
        "Surat masuk, surat keluar dan disposisi dari ekspor basis data aplikasi surat lama (SIPADEK/Sisumaker), sebagai arsip.",
        "Incoming and outgoing letters and dispositions from the legacy letter app's database export (SIPADEK/Sisumaker), as archive.");

    public async Task RunAsync(AdapterRunContext context, CancellationToken cancellationToken)
    {
        var folder = options.Value.ExportDirectory;
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"Folder ekspor \"{folder}\" tidak ada ({LegacyLettersOptions.Section}:ExportDirectory). / The export folder \"{folder}\" does not exist ({LegacyLettersOptions.Section}:ExportDirectory).");
        }

        var incoming = ReadTable(folder, "tb_surat_masuk.csv", required: true);
        var outgoing = ReadTable(folder, "tb_surat_keluar.csv", required: false);
        var dispositions = ReadTable(folder, "tb_disposisi.csv", required: false).ToLookup(r => r["id_surat"], StringComparer.Ordinal);
        var (table, resumeAt) = ParseCheckpoint(context.Checkpoint);

        if (table == "masuk")
        {
            for (var i = resumeAt; i < incoming.Count; i++)
            {
                await ImportRowAsync(context, folder, incoming[i], LegacyLetterKind.Incoming, dispositions[incoming[i]["id_surat"]], cancellationToken);
                await context.SaveCheckpointAsync($"masuk:{i + 1}", cancellationToken);
            }

            resumeAt = 0;
        }

        for (var i = resumeAt; i < outgoing.Count; i++)
        {
            await ImportRowAsync(context, folder, outgoing[i], LegacyLetterKind.Outgoing, [], cancellationToken);
            await context.SaveCheckpointAsync($"keluar:{i + 1}", cancellationToken);
        }

        // The whole export was read: the next run reads it again from the top (and skips what it imported).
        await context.SaveCheckpointAsync(null, cancellationToken);
    }

    private async Task ImportRowAsync(AdapterRunContext context, string folder, CsvRow row, LegacyLetterKind kind, IEnumerable<CsvRow> dispositionRows, CancellationToken cancellationToken)
    {
        context.CountRead();
        var id = row["id_surat"];
        var where = row.Where("id_surat");
        var externalId = $"{(kind == LegacyLetterKind.Incoming ? "masuk" : "keluar")}:{id}";
        if (id.Length == 0)
        {
            await context.RecordErrorAsync(where, LegacyLetterErrors.MissingId, cancellationToken);
            return;
        }

        if (await context.TryGetImportedAsync(externalId, cancellationToken) is not null)
        {
            context.CountSkipped();
            return;
        }

        var errors = new List<UserError>();
        var date = ParseDate(row["tgl_surat"], "tgl_surat", errors);
        var received = kind == LegacyLetterKind.Incoming && row["tgl_terima"].Length > 0 ? ParseDate(row["tgl_terima"], "tgl_terima", errors) : null;
        var scan = row["file_scan"];
        if (scan.Length > 0 && (scan.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(scan) || !File.Exists(Path.Combine(folder, "scan", scan))))
        {
            errors.Add(LegacyLetterErrors.MissingScan(scan));
        }

        if (errors.Count > 0)
        {
            await context.RecordErrorAsync(where, Combine(errors), cancellationToken);
            return;
        }

        var dispositions = new List<LegacyDisposition>();
        foreach (var d in dispositionRows)
        {
            var dWhere = d.Where("id_disposisi");
            var dErrors = new List<UserError>();
            foreach (var nip in new[] { d["dari_nip"], d["kepada_nip"] })
            {
                if (await directory.FindByNipAsync(nip, cancellationToken) is null)
                {
                    dErrors.Add(LegacyLetterErrors.UnknownNip(nip));
                }
            }

            var deadline = d["batas_waktu"].Length > 0 ? ParseDate(d["batas_waktu"], "batas_waktu", dErrors) : null;
            var given = ParseDateTime(d["tgl_disposisi"], dErrors);
            if (dErrors.Count > 0)
            {
                await context.RecordErrorAsync(dWhere, Combine(dErrors), cancellationToken);
                continue;
            }

            dispositions.Add(new LegacyDisposition(d["id_disposisi"], d["dari_nip"], d["kepada_nip"], d["isi_disposisi"], deadline, d["status"], given!.Value));
        }

        var (urgency, security) = Sifat(row["sifat"]);
        var letter = new LegacyLetter(options.Value.Source, externalId, kind, row["kode_opd"], kind == LegacyLetterKind.Incoming ? row["no_agenda"] : null,
            row["no_surat"], date!.Value, received, kind == LegacyLetterKind.Incoming ? row["asal_surat"] : row["tujuan_surat"], row["perihal"],
            urgency, security, row["klasifikasi"], scan.Length > 0 ? Scan(Path.Combine(folder, "scan", scan)) : null, dispositions);
        try
        {
            var imported = await import.ImportAsync(letter, cancellationToken);
            await context.RecordImportedAsync(externalId, imported.LetterId.ToString(), cancellationToken);
            if (imported.Created)
            {
                context.CountCreated();
            }
            else
            {
                context.CountSkipped();
            }
        }
        catch (DomainRuleException ex)
        {
            await context.RecordErrorAsync(where, Combine(ex.Errors), cancellationToken);
        }
    }

    /// <summary>The scan under scan/, opened only when the Letters module reads it (after its declared length passed the size limit).</summary>
    private static LegacyScan Scan(string path) =>
        new(Path.GetFileName(path), new FileInfo(path).Length, _ => Task.FromResult<Stream>(File.OpenRead(path)));

    /// <summary>Sifat surat as the legacy apps wrote it: a speed (Biasa, Segera, Sangat Segera) or a class (Rahasia, Terbatas).</summary>
    internal static (Urgency Urgency, SecurityClass Security) Sifat(string sifat) => sifat.Trim().ToUpperInvariant() switch
    {
        "SEGERA" => (Urgency.Segera, SecurityClass.Biasa),
        "SANGAT SEGERA" or "KILAT" => (Urgency.SangatSegera, SecurityClass.Biasa),
        "RAHASIA" => (Urgency.Biasa, SecurityClass.Rahasia),
        "SANGAT RAHASIA" => (Urgency.Biasa, SecurityClass.SangatRahasia),
        "TERBATAS" => (Urgency.Biasa, SecurityClass.Terbatas),
        _ => (Urgency.Biasa, SecurityClass.Biasa),
    };

    internal static (string Table, int Row) ParseCheckpoint(string? checkpoint)
    {
        if (checkpoint is { } text && text.Split(':') is [var table and ("masuk" or "keluar"), var row]
            && int.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return (table, index);
        }

        return ("masuk", 0);
    }

    private static DateOnly? ParseDate(string text, string column, List<UserError> errors)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(LegacyLetterErrors.BadDate(column, text));
        return null;
    }

    /// <summary>A legacy time, written in WIB without an offset.</summary>
    private static DateTimeOffset? ParseDateTime(string text, List<UserError> errors)
    {
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, TimeSpan.FromHours(7));
        }

        errors.Add(LegacyLetterErrors.BadDate("tgl_disposisi", text));
        return null;
    }

    private static UserError Combine(IReadOnlyList<UserError> errors) => errors.Count == 1
        ? errors[0]
        : new UserError(errors[0].Code, string.Join(" ", errors.Select(e => e.Indonesian)), string.Join(" ", errors.Select(e => e.English)), errors[0].Field);

    private static List<CsvRow> ReadTable(string folder, string file, bool required)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return required
                ? throw new InvalidOperationException($"Berkas {file} tidak ada di folder ekspor {folder}. / The file {file} is missing from the export folder {folder}.")
                : [];
        }

        return [.. Csv.Read(path)];
    }
}

/// <summary>Why a row of the export is refused, in Indonesian and English.</summary>
internal static class LegacyLetterErrors
{
    public static readonly UserError MissingId = new("adapters.legacy-letters.id", "Baris tanpa id_surat.", "A row without id_surat.", "id_surat");

    public static UserError BadDate(string column, string text) => new("adapters.legacy-letters.date",
        $"{column} \"{text}\" bukan tanggal yang sah (yyyy-MM-dd).", $"{column} \"{text}\" is not a valid date (yyyy-MM-dd).", column);

    public static UserError MissingScan(string file) => new("adapters.legacy-letters.scan",
        $"Berkas pindaian \"{file}\" tidak ada di folder scan/.", $"The scan \"{file}\" is not in the scan/ folder.", "file_scan");

    public static UserError UnknownNip(string nip) => new("adapters.legacy-letters.nip",
        $"NIP \"{nip}\" tidak ada di direktori pegawai.", $"NIP \"{nip}\" is not in the employee directory.", "nip");
}
