using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization.Data;
using Superapps.Organization.Features.Administration;
using Superapps.Organization.Features.Import;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Organization.IntegrationTests;

/// <summary>Imports against the demo city: every row is checked, and one bad row means nothing is saved.</summary>
public sealed class OrganizationImportTests(PostgresServer server) : IAsyncLifetime
{
    private const string Header = "nip,nama,kode_opd,nik,email,telepon,jabatan";
    private ModuleServices _module = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationModule(), seedDemo: true);

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ImportResult> ImportAsync(ImportKind kind, string csv, AdminScope? scope = null, string fileName = "impor.csv")
    {
        await using var serviceScope = _module.CreateScope();
        var import = serviceScope.ServiceProvider.GetRequiredService<OrganizationImport>();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await import.ImportAsync(scope ?? AdminScope.City, kind, stream, fileName, Ct);
    }

    private async Task<ImportResult> ImportAsync(ImportKind kind, Stream stream, string fileName)
    {
        await using var serviceScope = _module.CreateScope();
        return await serviceScope.ServiceProvider.GetRequiredService<OrganizationImport>().ImportAsync(AdminScope.City, kind, stream, fileName, Ct);
    }

    private async Task<int> EmployeeCountAsync()
    {
        await using var scope = _module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OrganizationDbContext>().Employees.CountAsync(Ct);
    }

    [Fact]
    public async Task Valid_employees_are_created_and_a_second_import_updates_them()
    {
        var before = await EmployeeCountAsync();
        var csv = $"""
            {Header}
            199001152015031002,Rahmat Hidayat,DISKOMINFO,1571021501900003,rahmat.hidayat@kotademo.go.id,081234567890,
            "199203222019032001","Siti Nurhaliza, S.Kom.",DISKOMINFO,,,,
            """;

        var first = await ImportAsync(ImportKind.Employees, csv);
        var second = await ImportAsync(ImportKind.Employees, csv.Replace("Rahmat Hidayat", "\"Rahmat Hidayat, S.T.\"", StringComparison.Ordinal));

        first.Errors.ShouldBeEmpty();
        first.Created.ShouldBe(2);
        second.Errors.ShouldBeEmpty();
        second.Created.ShouldBe(0);
        second.Updated.ShouldBe(2);
        (await EmployeeCountAsync()).ShouldBe(before + 2);
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        (await db.Employees.SingleAsync(e => e.Nip == "199001152015031002", Ct)).Name.ShouldBe("Rahmat Hidayat, S.T.");
        (await db.Employees.SingleAsync(e => e.Nip == "199203222019032001", Ct)).Name.ShouldBe("Siti Nurhaliza, S.Kom.");
    }

    [Fact]
    public async Task An_invalid_nip_and_a_duplicate_nip_are_reported_by_row_and_nothing_is_saved()
    {
        var before = await EmployeeCountAsync();
        var csv = $"""
            {Header}
            199001152015031002,Rahmat Hidayat,DISKOMINFO,,,,
            199013452015031002,Tanggal Lahir Salah,DISKOMINFO,,,,
            199001152015031002,Rahmat Kembar,DISKOMINFO,,,,
            12345,Terlalu Pendek,DISKOMINFO,,,,
            """;

        var result = await ImportAsync(ImportKind.Employees, csv);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ShouldBe(
        [
            (3, "nip", "organization.nip.birth-date"),
            (4, "nip", "organization.import.duplicate"),
            (5, "nip", "organization.nip.format"),
        ]);
        result.Errors[1].Error.Indonesian.ShouldBe("Nilai kolom nip sama dengan baris 2.");
        (await EmployeeCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_nip_already_registered_for_someone_in_another_opd_is_outside_an_opd_admins_scope()
    {
        await using (var scope = _module.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
            var diskominfo = await db.Agencies.SingleAsync(a => a.Code == "DISKOMINFO", Ct);
            var outsider = await db.Employees.FirstAsync(e => e.Nip != null && e.AgencyId != diskominfo.Id, Ct);

            var result = await ImportAsync(ImportKind.Employees, $"{Header}\n{outsider.Nip},Nama Baru,DISKOMINFO,,,,", new AdminScope(false, diskominfo.Id));

            result.Errors.ShouldHaveSingleItem().Error.Code.ShouldBe("organization.import.scope");
            (await db.Employees.AsNoTracking().SingleAsync(e => e.Id == outsider.Id, Ct)).Name.ShouldBe(outsider.Name);
        }
    }

    [Fact]
    public async Task Wrong_columns_reject_the_file_with_the_expected_columns_named()
    {
        var result = await ImportAsync(ImportKind.Employees, "nomor_pegawai,nama,opd\n199001152015031002,Rahmat,DISKOMINFO");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(0);
        error.Error.Code.ShouldBe("tabular.missing-columns");
        error.Error.Indonesian.ShouldStartWith("Kolom wajib tidak ada: nip, kode_opd.");
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_or_not_a_table_is_rejected_as_a_whole()
    {
        await using var latin1 = new MemoryStream(Encoding.Latin1.GetBytes($"{Header}\n199001152015031002,Jos\u00e9 Ramos,DISKOMINFO,,,,"));
        (await ImportAsync(ImportKind.Employees, latin1, "pegawai.csv")).Errors.Single().Error.Code.ShouldBe("tabular.encoding");

        await using var pdf = new MemoryStream("%PDF-1.7"u8.ToArray());
        (await ImportAsync(ImportKind.Employees, pdf, "pegawai.pdf")).Errors.Single().Error.Code.ShouldBe("tabular.format");
        pdf.Position = 0;
        (await ImportAsync(ImportKind.Employees, pdf, "pegawai.xlsx")).Errors.Single().Error.Code.ShouldBe("tabular.xlsx");
    }

    [Fact]
    public async Task A_reports_to_cycle_in_a_positions_file_is_refused_and_no_position_is_created()
    {
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var before = await db.Positions.CountAsync(Ct);
        var csv = """
            kode_opd;jabatan;tingkat;unit;atasan_kode_opd;atasan_jabatan;kepala_opd
            DISKOMINFO;Kepala Bidang Statistik;Kabid;;;Kepala Seksi Diseminasi Statistik;tidak
            DISKOMINFO;Kepala Seksi Diseminasi Statistik;6;;;Kepala Bidang Statistik;tidak
            """;

        var result = await ImportAsync(ImportKind.Positions, csv);

        result.Errors.ShouldContain(e => e.Row == 2 && e.Column == "atasan_jabatan" && e.Error.Code == "organization.position.reports-to-cycle");
        (await db.Positions.CountAsync(Ct)).ShouldBe(before);
    }

    [Fact]
    public async Task Positions_resolve_superiors_in_the_database_and_in_the_same_file()
    {
        var csv = """
            kode_opd,jabatan,tingkat,unit,atasan_kode_opd,atasan_jabatan,kepala_opd
            DISKOMINFO,Kepala Bidang Persandian,5,,,Kepala Dinas Komunikasi dan Informatika,tidak
            DISKOMINFO,Kepala Seksi Keamanan Informasi,Kasi,,,Kepala Bidang Persandian,tidak
            """;

        var result = await ImportAsync(ImportKind.Positions, csv);

        result.Errors.ShouldBeEmpty();
        result.Created.ShouldBe(2);
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var kabid = await db.Positions.SingleAsync(p => p.Title == "Kepala Bidang Persandian", Ct);
        var kasi = await db.Positions.SingleAsync(p => p.Title == "Kepala Seksi Keamanan Informasi", Ct);
        kasi.ReportsToId.ShouldBe(kabid.Id);
        var head = await db.Positions.SingleAsync(p => p.Id == kabid.ReportsToId, Ct);
        head.Title.ShouldBe("Kepala Dinas Komunikasi dan Informatika");
    }

    [Fact]
    public async Task An_opd_admin_cannot_import_opds()
    {
        var result = await ImportAsync(ImportKind.Agencies, "kode,nama,jenis\nDISNAKER,Dinas Tenaga Kerja,Dinas", new AdminScope(false, Guid.NewGuid()));

        result.Errors.Single().Error.ShouldBe(Domain.OrganizationErrors.CityAdministratorOnly);
    }

    [Fact]
    public async Task Opds_with_a_new_kecamatan_and_its_kelurahan_import_together_and_are_audited()
    {
        var csv = """
            kode,nama,singkatan,jenis,induk,alamat
            KEC-BARU,Kecamatan Danau Sipin,Kec. Danau Sipin,Kecamatan,,Jl. Kapten Pattimura No. 1
            KEL-BARU,Kelurahan Legok,Kel. Legok,Kelurahan,KEC-BARU,
            """;

        var result = await ImportAsync(ImportKind.Agencies, csv);

        result.Errors.ShouldBeEmpty();
        result.Created.ShouldBe(2);
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var kecamatan = await db.Agencies.SingleAsync(a => a.Code == "KEC-BARU", Ct);
        (await db.Agencies.SingleAsync(a => a.Code == "KEL-BARU", Ct)).ParentId.ShouldBe(kecamatan.Id);
        var audit = scope.ServiceProvider.GetRequiredService<AuditRecorder>();
        audit.Events.ShouldContain(e => e.Action == "import.agencies");
    }

    [Fact]
    public async Task An_xlsx_with_a_numeric_nip_and_a_formula_is_rejected_cell_by_cell()
    {
        await using var file = Xlsx(
            ["nip", "nama", "kode_opd"],
            [Text("199001152015031002"), Text("Rahmat Hidayat"), Text("DISKOMINFO")],
            [new Cell { CellValue = new CellValue("199203222019032001"), DataType = CellValues.Number }, Text("Siti Aminah"), Text("DISKOMINFO")],
            [Text("199105052016041001"), new Cell { CellFormula = new CellFormula("CONCAT(\"Bu\",\"di\")"), CellValue = new CellValue("Budi"), DataType = CellValues.String }, Text("DISKOMINFO")]);

        var result = await ImportAsync(ImportKind.Employees, file, "pegawai.xlsx");

        result.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ShouldBe(
        [
            (3, "nip", "tabular.number-for-text"),
            (4, "nama", "tabular.formula"),
        ]);
    }

    [Fact]
    public async Task A_valid_xlsx_imports()
    {
        var before = await EmployeeCountAsync();
        await using var file = Xlsx(
            ["NIP", "Nama", "Kode OPD", "E-mail"],
            [Text("199001152015031002"), Text("Rahmat Hidayat"), Text("DISKOMINFO"), Text("rahmat@kotademo.go.id")]);

        var result = await ImportAsync(ImportKind.Employees, file, "pegawai.xlsx");

        result.Errors.ShouldBeEmpty();
        (await EmployeeCountAsync()).ShouldBe(before + 1);
    }

    private static Cell Text(string value) => new() { CellValue = new CellValue(value), DataType = CellValues.String };

    private static MemoryStream Xlsx(string[] header, params Cell[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row([.. header.Select(h => (OpenXmlElement)Text(h))]) { RowIndex = 1 });
            for (var i = 0; i < rows.Length; i++)
            {
                data.Append(new Row([.. rows[i].Cast<OpenXmlElement>()]) { RowIndex = (uint)(i + 2) });
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Pegawai" }));
        }

        stream.Position = 0;
        return stream;
    }
}
