using Superapps.SharedKernel;

namespace Superapps.Organization.Features.Import;

/// <summary>Row-level import errors, in Indonesian and English.</summary>
internal static class ImportErrors
{
    public static UserError Required(string column) => new("organization.import.required",
        $"Kolom {column} wajib diisi.", $"The column {column} is required.", column);

    public static UserError UnknownKind(string value) => new("organization.import.agency-kind",
        $"Jenis OPD \"{value}\" tidak dikenal. Pilih: Kepala Daerah, Sekretariat Daerah, Sekretariat, Inspektorat, Dinas, Badan, Kecamatan, Kelurahan.",
        $"Unknown OPD kind \"{value}\". Choose: Kepala Daerah, Sekretariat Daerah, Sekretariat, Inspektorat, Dinas, Badan, Kecamatan, Kelurahan.", "jenis");

    public static UserError UnknownLevel(string value) => new("organization.import.level",
        $"Tingkat jabatan \"{value}\" tidak dikenal. Isi 1–7 atau: Walikota, Wakil Walikota, Sekda, Kepala OPD, Kabid, Kasi, Staf.",
        $"Unknown position level \"{value}\". Use 1–7 or: Walikota, Wakil Walikota, Sekda, Kepala OPD, Kabid, Kasi, Staf.", "tingkat");

    public static UserError UnknownAgency(string code, string column) => new("organization.import.unknown-agency",
        $"OPD dengan kode \"{code}\" tidak ada (di basis data maupun di berkas ini).",
        $"There is no OPD with code \"{code}\" (neither in the database nor in this file).", column);

    public static UserError UnknownUnit(string code) => new("organization.import.unknown-unit",
        $"Unit kerja dengan kode \"{code}\" tidak ada di OPD ini.", $"There is no unit with code \"{code}\" in this OPD.", "unit");

    public static UserError UnknownPosition(string title, string agencyCode, string column) => new("organization.import.unknown-position",
        $"Jabatan \"{title}\" tidak ada di OPD {agencyCode}.", $"There is no position \"{title}\" in OPD {agencyCode}.", column);

    public static UserError DuplicateInFile(string column, int firstRow) => new("organization.import.duplicate",
        $"Nilai kolom {column} sama dengan baris {firstRow}.", $"The {column} value repeats row {firstRow}.", column);

    public static UserError PositionClaimedTwice(int firstRow) => new("organization.import.position-twice",
        $"Jabatan ini sudah diberikan kepada pegawai di baris {firstRow}.", $"This position was already given to the employee in row {firstRow}.", "jabatan");

    public static UserError PositionHeldBy(string name) => new("organization.import.position-held",
        $"Jabatan ini sudah dipegang {name}.", $"{name} already holds this position.", "jabatan");

    public static readonly UserError YesNo = new("organization.import.yes-no",
        "Isi \"ya\" atau \"tidak\".", "Use \"ya\" (yes) or \"tidak\" (no).", "kepala_opd");

    public static readonly UserError ParentNotKecamatan = new("organization.import.parent",
        "Induk kelurahan harus kode sebuah kecamatan.", "A kelurahan's parent must be the code of a kecamatan.", "induk");

    public static readonly UserError OutsideScope = new("organization.import.scope",
        "Baris ini untuk OPD lain; Anda hanya dapat mengimpor data OPD Anda sendiri.",
        "This row belongs to another OPD; you can only import your own OPD's records.", "kode_opd");

    public static readonly UserError EmailNeedsNoNip = new("organization.import.nip-or-email",
        "Isi NIP; hanya pejabat yang bukan ASN (Walikota, Wakil Walikota) boleh tanpa NIP dan wajib ber-e-mail.",
        "Fill in the NIP; only officials who are not civil servants (the mayor and deputy) may go without one, and they need an e-mail.", "nip");
}
