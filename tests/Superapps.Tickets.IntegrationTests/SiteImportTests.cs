using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization.Contracts;
using Superapps.Tabular;
using Superapps.Testing;
using Superapps.Tickets.Data;
using Superapps.Tickets.Features.Sites.Import;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The sites import on PostgreSQL: preview, apply in one transaction, upsert by code, and bad files refused by row and column with nothing saved.</summary>
public sealed class SiteImportTests(PostgresServer server)
{
    private const string Header = "kode,nama,jenis,kode_opd,alamat,lintang,bujur,kode_simpul,nama_simpul,induk\n";

    private const string Good = Header
        + ",,,,,,,CORE-DC,Core Data Center,\n"
        + ",,,,,,,DIST-TELANAI,Distribusi Telanaipura,CORE-DC\n"
        + ",,,,,,,DIST-BERINGIN,ODC Beringin,DIST-TELANAI\n"
        + "KEL-BERINGIN,Kantor Kelurahan Beringin,Kelurahan,KEL-BERINGIN,\"Jl. Beringin 1, Jambi\",\"-1,6101\",103.6131,DIST-BERINGIN,,\n"
        + "SMPN-7,SMP Negeri 7,Sekolah,DISDIK,,,,DIST-TELANAI,,\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TicketsHarness> HarnessAsync(PostgresServer server) =>
        TicketsHarness.CreateAsync(server, s => s.AddSingleton<IOrganizationDirectory, TestDirectory>());

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<(int Nodes, int Sites)> CountAsync(TicketsHarness harness)
    {
        await using var scope = harness.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        return (await db.NetworkNodes.CountAsync(Ct), await db.Sites.CountAsync(Ct));
    }

    [Fact]
    public async Task A_preview_saves_nothing_and_the_apply_saves_nodes_and_sites_then_updates_them_by_code()
    {
        await using var harness = await HarnessAsync(server);

        var preview = await harness.Get<SiteImport>().PreviewAsync(Csv(Good), "lokasi.csv", Ct);
        preview.Errors.ShouldBeEmpty();
        (preview.NodesCreated, preview.SitesCreated, preview.Applied).ShouldBe((3, 2, false));
        (await CountAsync(harness)).ShouldBe((0, 0));

        var applied = await harness.Get<SiteImport>().ApplyAsync(Csv(Good), "lokasi.csv", Ct);
        (applied.NodesCreated, applied.NodesUpdated, applied.SitesCreated, applied.SitesUpdated, applied.Applied).ShouldBe((3, 0, 2, 0, true));
        (await CountAsync(harness)).ShouldBe((3, 2));

        await using (var scope = harness.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
            var beringin = await db.Sites.SingleAsync(s => s.Code == "KEL-BERINGIN", Ct);
            beringin.Latitude.ShouldBe(-1.6101);
            beringin.AgencyId.ShouldBe(TestDirectory.Beringin.AgencyId);
            beringin.AgencyName.ShouldBe("Kelurahan Beringin");
            var odc = await db.NetworkNodes.SingleAsync(n => n.Code == "DIST-BERINGIN", Ct);
            beringin.NetworkNodeId.ShouldBe(odc.Id);
            (await db.NetworkNodes.SingleAsync(n => n.Id == odc.ParentId, Ct)).Code.ShouldBe("DIST-TELANAI");
        }

        // The same codes again: updates, and a node moves to another parent.
        var again = Header + ",,,,,,,DIST-BERINGIN,ODC Beringin Baru,CORE-DC\n" + "SMPN-7,SMP Negeri 7 Jambi,Sekolah,DISDIK,,,,DIST-BERINGIN,,\n";
        var updated = await harness.Get<SiteImport>().ApplyAsync(Csv(again), "lokasi-2.csv", Ct);
        (updated.NodesCreated, updated.NodesUpdated, updated.SitesCreated, updated.SitesUpdated).ShouldBe((0, 1, 0, 1));
        (await CountAsync(harness)).ShouldBe((3, 2));
        await using (var scope = harness.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
            var odc = await db.NetworkNodes.SingleAsync(n => n.Code == "DIST-BERINGIN", Ct);
            odc.Name.ShouldBe("ODC Beringin Baru");
            (await db.NetworkNodes.SingleAsync(n => n.Id == odc.ParentId, Ct)).Code.ShouldBe("CORE-DC");
            (await db.Sites.SingleAsync(s => s.Code == "SMPN-7", Ct)).Name.ShouldBe("SMP Negeri 7 Jambi");
        }

        harness.Audit.Events.Count(e => e.Action == "sites.imported").ShouldBe(2);
    }

    [Fact]
    public async Task Every_wrong_row_is_reported_by_row_and_column_and_nothing_is_saved()
    {
        await using var harness = await HarnessAsync(server);
        await harness.Get<SiteImport>().ApplyAsync(Csv(Good), "lokasi.csv", Ct);

        var bad = Header
            + "KEL-BERINGIN,Nama Baru Yang Tidak Boleh Tersimpan,Kelurahan,KEL-BERINGIN,,,,DIST-BERINGIN,,\n" // row 2: fine on its own
            + "KEL-X,Kantor X,Kelurahan,OPD-TIDAK-ADA,,,,DIST-BERINGIN,,\n" // row 3: unknown OPD
            + "KEL-Y,Kantor Y,Kelurahan,KEL-BERINGIN,,-1.6,,DIST-ENTAH,,\n" // row 4: unknown node; latitude without longitude
            + "KEL-Z,Kantor Z,Puskesmas,KEL-BERINGIN,,abc,200,DIST-BERINGIN,,\n" // row 5: unknown kind, bad latitude, longitude out of range
            + "KEL-X,Kantor X lagi,Kelurahan,KEL-BERINGIN,,,,DIST-BERINGIN,,\n" // row 6: duplicate code of row 3
            + ",,,,,,,DIST-TELANAI,Distribusi Telanaipura,DIST-BERINGIN\n"; // row 7: DIST-TELANAI under its own child

        var result = await harness.Get<SiteImport>().ApplyAsync(Csv(bad), "salah.csv", Ct);

        result.Applied.ShouldBeFalse();
        var errors = result.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ToList();
        errors.ShouldContain((3, "kode_opd", "tickets.import.unknown-agency"));
        errors.ShouldContain((4, "kode_simpul", "tickets.import.unknown-node"));
        errors.ShouldContain((4, "lintang", "tickets.site.coordinates"));
        errors.ShouldContain((5, "jenis", "tickets.import.kind"));
        errors.ShouldContain((5, "lintang", "tickets.import.number"));
        errors.ShouldContain((6, "kode", "tickets.import.duplicate"));
        errors.ShouldContain((7, "induk", "tickets.import.cycle"));
        errors.ShouldNotContain(e => e.Row == 2);
        result.Errors.Single(e => e.Row == 3).Error.Indonesian.ShouldContain("OPD-TIDAK-ADA");
        result.Errors.Single(e => e.Row == 3).Error.English.ShouldContain("no OPD with code");

        (await CountAsync(harness)).ShouldBe((3, 2));
        await using var scope = harness.NewScope();
        (await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Sites.SingleAsync(s => s.Code == "KEL-BERINGIN", Ct)).Name.ShouldBe("Kantor Kelurahan Beringin");
        harness.Audit.Events.Count(e => e.Action == "sites.imported").ShouldBe(1);
    }

    [Fact]
    public async Task Files_that_cannot_be_read_are_refused_as_a_whole()
    {
        await using var harness = await HarnessAsync(server);
        var import = harness.Get<SiteImport>();

        (await import.PreviewAsync(new MemoryStream("%PDF-1.7"u8.ToArray()), "lokasi.pdf", Ct)).Errors.Single().Error.ShouldBe(TabularErrors.UnknownFormat);
        var latin1 = Encoding.Latin1.GetBytes(Header + "KEL-BERINGIN,Kantor Kelurahan Beringin Jaya Ñ,Kelurahan,KEL-BERINGIN,,,,DIST-X,,\n");
        (await import.PreviewAsync(new MemoryStream(latin1), "lokasi.csv", Ct)).Errors.Single().Error.ShouldBe(TabularErrors.NotUtf8);
        var missing = await import.PreviewAsync(Csv("kode,nama\nA,B\n"), "lokasi.csv", Ct);
        missing.Errors.Single().Error.Code.ShouldBe("tabular.missing-columns");
        missing.Errors[0].Row.ShouldBe(0);
        (await import.ApplyAsync(new MemoryStream("bukan zip"u8.ToArray()), "lokasi.xlsx", Ct)).Errors.Single().Error.ShouldBe(TabularErrors.NotXlsx);
        (await CountAsync(harness)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_formula_in_a_workbook_is_refused_in_its_cell()
    {
        await using var harness = await HarnessAsync(server);
        string[] header = ["kode", "nama", "jenis", "kode_opd", "alamat", "lintang", "bujur", "kode_simpul", "nama_simpul", "induk"];
        var workbook = Workbook(
            [.. header.Select(Text)],
            [Text(""), Text(""), Text(""), Text(""), Text(""), Text(""), Text(""), Text("CORE-DC"), Text("Core"), Text("")],
            [Text("KEL-BERINGIN"), Formula("CONCAT(\"Kantor \",\"Beringin\")", "Kantor Beringin"), Text("Kelurahan"), Text("KEL-BERINGIN"), Text(""),
                Number("-1.61"), Number("103.61"), Text("CORE-DC"), Text(""), Text("")]);

        var result = await harness.Get<SiteImport>().ApplyAsync(new MemoryStream(workbook), "lokasi.xlsx", Ct);

        result.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ShouldBe([(3, "nama", TabularErrors.Formula.Code)]);
        (await CountAsync(harness)).ShouldBe((0, 0));
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

    private static Cell Number(string value) => new() { CellValue = new CellValue(value) };

    private static Cell Formula(string formula, string cached) => new() { CellFormula = new CellFormula(formula), CellValue = new CellValue(cached), DataType = CellValues.String };

    private static byte[] Workbook(params Cell[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(new SheetData(rows.Select(cells => new Row(cells))));
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Lokasi" });
        }

        return stream.ToArray();
    }
}
