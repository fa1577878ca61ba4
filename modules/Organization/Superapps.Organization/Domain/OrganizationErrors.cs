using Superapps.SharedKernel;

namespace Superapps.Organization.Domain;

/// <summary>Every error the Organization module shows a user, in Indonesian and English.</summary>
public static class OrganizationErrors
{
    public static readonly UserError AgencyCode = new("organization.agency.code",
        "Kode OPD wajib diisi: 2–30 huruf, angka, titik, tanda hubung atau garis bawah.",
        "An OPD code is required: 2–30 letters, digits, dots, dashes or underscores.", "code");

    public static readonly UserError AgencyCodeTaken = new("organization.agency.code-taken",
        "Kode OPD sudah dipakai.", "That OPD code is already in use.", "code");

    public static readonly UserError AgencyName = new("organization.agency.name",
        "Nama OPD wajib diisi (paling banyak 200 karakter).", "An OPD name is required (at most 200 characters).", "name");

    public static readonly UserError AgencyNotFound = new("organization.agency.not-found",
        "OPD tidak ditemukan.", "OPD not found.", "agency");

    public static readonly UserError KelurahanNeedsKecamatan = new("organization.agency.kelurahan-parent",
        "Kelurahan harus berada di bawah sebuah kecamatan.", "A kelurahan must belong to a kecamatan.", "parent");

    public static readonly UserError UnitName = new("organization.unit.name",
        "Kode dan nama unit kerja wajib diisi.", "A unit needs a code and a name.", "name");

    public static readonly UserError UnitNotFound = new("organization.unit.not-found",
        "Unit kerja tidak ditemukan di OPD ini.", "Unit not found in this OPD.", "unit");

    public static readonly UserError PositionTitle = new("organization.position.title",
        "Nama jabatan wajib diisi (paling banyak 250 karakter).", "A position title is required (at most 250 characters).", "title");

    public static readonly UserError PositionNotFound = new("organization.position.not-found",
        "Jabatan tidak ditemukan.", "Position not found.", "position");

    public static readonly UserError PositionTaken = new("organization.position.taken",
        "Jabatan ini sudah dipegang pegawai lain.", "Another employee already holds this position.", "position");

    public static readonly UserError ReportsToSelf = new("organization.position.reports-to-self",
        "Jabatan tidak boleh melapor kepada dirinya sendiri.", "A position cannot report to itself.", "reportsTo");

    public static readonly UserError ReportsToCycle = new("organization.position.reports-to-cycle",
        "Atasan yang dipilih berada di bawah jabatan ini: hierarki tidak boleh melingkar.",
        "The chosen superior sits below this position: the hierarchy cannot loop.", "reportsTo");

    public static readonly UserError ReportsToRank = new("organization.position.reports-to-rank",
        "Atasan harus memiliki eselon/tingkat jabatan yang lebih tinggi.",
        "The superior must rank higher than the position.", "reportsTo");

    public static readonly UserError EmployeeName = new("organization.employee.name",
        "Nama pegawai wajib diisi (2–150 karakter).", "An employee name is required (2–150 characters).", "name");

    public static readonly UserError EmployeeEmail = new("organization.employee.email",
        "Alamat e-mail tidak valid.", "That e-mail address is not valid.", "email");

    public static readonly UserError EmployeeNotFound = new("organization.employee.not-found",
        "Pegawai tidak ditemukan.", "Employee not found.", "employee");

    public static readonly UserError NipTaken = new("organization.employee.nip-taken",
        "NIP sudah terdaftar untuk pegawai lain.", "That NIP is already registered to another employee.", "nip");

    public static readonly UserError EmailTaken = new("organization.employee.email-taken",
        "Alamat e-mail sudah dipakai pegawai lain.", "That e-mail address is already used by another employee.", "email");

    public static readonly UserError ActingKind = new("organization.acting.kind",
        "Jenis penugasan harus Plt atau Plh.", "An acting assignment must be Plt or Plh.", "kind");

    public static readonly UserError ActingWindowReversed = new("organization.acting.window",
        "Tanggal selesai tidak boleh sebelum tanggal mulai.", "The end date cannot be before the start date.", "end");

    public static readonly UserError ActingWindowTooLong = new("organization.acting.too-long",
        "Penugasan Plt/Plh paling lama 3 bulan; perpanjangan dibuat sebagai penugasan baru.",
        "A Plt/Plh assignment lasts at most 3 months; an extension is a new assignment.", "end");

    public static readonly UserError ActingOwnPosition = new("organization.acting.own-position",
        "Pegawai tidak dapat menjadi Plt/Plh untuk jabatannya sendiri.", "An employee cannot act for their own position.", "position");

    public static readonly UserError PltNeedsVacancy = new("organization.acting.plt-vacancy",
        "Plt hanya untuk jabatan yang kosong; gunakan Plh bila pejabatnya berhalangan sementara.",
        "A Plt is only for a vacant position; use Plh while the holder is temporarily away.", "kind");

    public static readonly UserError PlhNeedsHolder = new("organization.acting.plh-holder",
        "Plh hanya untuk jabatan yang ada pejabatnya; gunakan Plt untuk jabatan kosong.",
        "A Plh stands in for a holder; use Plt for a vacant position.", "kind");

    public static readonly UserError ActingRank = new("organization.acting.rank",
        "Plt/Plh harus dijabat pegawai dengan jabatan setingkat atau satu tingkat di bawahnya.",
        "A Plt/Plh must hold a position of the same rank or one rank below.", "employee");

    public static readonly UserError ActingOverlap = new("organization.acting.overlap",
        "Sudah ada Plt/Plh lain untuk jabatan ini pada rentang tanggal tersebut.",
        "Another Plt/Plh already covers this position in that period.", "start");

    public static readonly UserError Concurrency = new("organization.concurrency",
        "Data ini baru saja diubah orang lain. Muat ulang lalu ulangi perubahan Anda.",
        "Someone else changed this record just now. Reload it and make your change again.");

    public static readonly UserError OutsideScope = new("organization.scope",
        "Anda hanya dapat mengelola data OPD Anda sendiri.", "You can only manage your own OPD's records.");

    public static readonly UserError CityAdministratorOnly = new("organization.city-admin-only",
        "Hanya Administrator Sistem yang dapat menambah atau menonaktifkan OPD.",
        "Only a system administrator can add or deactivate OPDs.");

    public static readonly UserError PositionHasSubordinates = new("organization.position.has-subordinates",
        "Jabatan ini masih membawahi jabatan aktif. Pindahkan bawahannya lebih dahulu.",
        "This position still has active positions below it. Move them first.", "position");

    public static readonly UserError PositionInactive = new("organization.position.inactive",
        "Jabatan ini sudah tidak aktif.", "This position is no longer active.", "position");

    public static readonly UserError PositionOtherAgency = new("organization.position.other-agency",
        "Jabatan yang dipilih bukan milik OPD pegawai ini.", "The chosen position belongs to another OPD.", "position");

    public static readonly UserError AgencyInactive = new("organization.agency.inactive",
        "OPD ini sudah tidak aktif.", "This OPD is no longer active.", "agency");

    public static readonly UserError AgencyHasEmployees = new("organization.agency.has-employees",
        "OPD ini masih memiliki pegawai aktif. Pindahkan atau nonaktifkan mereka lebih dahulu.",
        "This OPD still has active employees. Move or deactivate them first.", "agency");

    public static readonly UserError ParentMustBeKecamatan = new("organization.agency.parent-kecamatan",
        "Induk kelurahan harus sebuah kecamatan yang aktif.", "A kelurahan's parent must be an active kecamatan.", "parent");

    public static readonly UserError ActingNotFound = new("organization.acting.not-found",
        "Penugasan Plt/Plh tidak ditemukan.", "Plt/Plh assignment not found.", "assignment");

    public static readonly UserError EmployeeInactive = new("organization.employee.inactive",
        "Pegawai ini sudah tidak aktif.", "This employee is no longer active.", "employee");

    public static readonly UserError AgencyAddress = new("organization.agency.address",
        "Alamat OPD paling banyak 300 karakter.", "An OPD address has at most 300 characters.", "address");

    public static readonly UserError AgencyPostalCode = new("organization.agency.postal-code",
        "Kode pos terdiri dari 5 angka, mis. 36128.", "A postal code has 5 digits, e.g. 36128.", "postalCode");

    public static readonly UserError AgencyTelephone = new("organization.agency.telephone",
        "Nomor telepon hanya berisi angka, spasi, tanda kurung, tanda hubung dan tanda plus (paling banyak 50 karakter), mis. (0741) 555-0101.",
        "A telephone number holds only digits, spaces, brackets, dashes and a plus (at most 50 characters), e.g. (0741) 555-0101.", "telephone");

    public static readonly UserError AgencyFax = new("organization.agency.fax",
        "Nomor faksimile hanya berisi angka, spasi, tanda kurung, tanda hubung dan tanda plus (paling banyak 50 karakter).",
        "A fax number holds only digits, spaces, brackets, dashes and a plus (at most 50 characters).", "fax");

    public static readonly UserError AgencyEmail = new("organization.agency.email",
        "Alamat pos-el OPD tidak valid.", "The OPD's e-mail address is not valid.", "email");

    public static readonly UserError AgencyWebsite = new("organization.agency.website",
        "Laman OPD ditulis tanpa spasi, mis. diskominfo.jambikota.go.id (paling banyak 200 karakter).",
        "The OPD's website is written without spaces, e.g. diskominfo.jambikota.go.id (at most 200 characters).", "website");

    public static readonly UserError EmployeeRank = new("organization.employee.rank",
        "Pangkat paling banyak 60 karakter, mis. Pembina Utama Muda.", "A rank (pangkat) has at most 60 characters, e.g. Pembina Utama Muda.", "rank");

    public static readonly UserError EmployeeGrade = new("organization.employee.grade",
        "Golongan ditulis seperti III/a sampai IV/e (PNS) atau I sampai XVII (PPPK).",
        "A grade (golongan) is written as III/a to IV/e (civil servants) or I to XVII (PPPK).", "grade");
}
