using Superapps.SharedKernel;

namespace Superapps.Tickets.Features.Sites.Import;

/// <summary>Row-level errors of the sites import, in Indonesian and English, each naming its column.</summary>
public static class SiteImportErrors
{
    public static UserError Required(string column) => new("tickets.import.required",
        $"Kolom {column} wajib diisi.", $"The column {column} is required.", column);

    public static UserError UnknownAgency(string code) => new("tickets.import.unknown-agency",
        $"OPD dengan kode \"{code}\" tidak ada. Lihat kode OPD di menu Organisasi.",
        $"There is no OPD with code \"{code}\". See the OPD codes under Organisation.", "kode_opd");

    public static UserError UnknownNode(string code, string column) => new("tickets.import.unknown-node",
        $"Simpul jaringan \"{code}\" tidak ada (di basis data maupun di berkas ini).",
        $"There is no network node \"{code}\" (neither in the database nor in this file).", column);

    public static UserError UnknownKind(string value) => new("tickets.import.kind",
        $"Jenis lokasi \"{value}\" tidak dikenal. Pilih: Kantor OPD, Kecamatan, Kelurahan, Sekolah, Pusat Data, Lainnya.",
        $"Unknown site kind \"{value}\". Choose: Kantor OPD, Kecamatan, Kelurahan, Sekolah, Pusat Data, Lainnya.", "jenis");

    public static UserError Number(string column) => new("tickets.import.number",
        $"Kolom {column} harus berupa angka derajat desimal, contoh -1.6101.",
        $"The column {column} must be a decimal number of degrees, e.g. -1.6101.", column);

    public static UserError DuplicateInFile(string column, int firstRow) => new("tickets.import.duplicate",
        $"Nilai kolom {column} sama dengan baris {firstRow}.", $"The {column} value repeats row {firstRow}.", column);

    public static UserError Cycle(string code) => new("tickets.import.cycle",
        $"Induk simpul {code} membuat lingkaran: sebuah simpul tidak boleh berada di bawah dirinya sendiri.",
        $"The parent of node {code} makes a loop: a node cannot sit below itself.", "induk");

    public static readonly UserError CoreHasParent = new("tickets.import.core-parent",
        "Simpul ini simpul inti (puncak jaringan); kosongkan kolom induk.",
        "This node is a core (the top of the network); leave the induk column empty.", "induk");

    public static readonly UserError NodeColumnsOnSiteRow = new("tickets.import.node-on-site-row",
        "Pada baris lokasi, kosongkan nama_simpul dan induk; tulis simpul baru pada barisnya sendiri (kolom kode kosong).",
        "On a site row leave nama_simpul and induk empty; put a new node on its own row (with kode empty).", "nama_simpul");
}
