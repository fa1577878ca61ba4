using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Domain;
using Superapps.Organization.Features.Administration;
using Superapps.Organization.Features.Import;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Organization.IntegrationTests;

/// <summary>
/// The letterhead facts of an OPD and the pangkat/golongan of an employee: seeded, edited, imported, and read by other modules
/// through <see cref="IOrganizationDirectory"/>.
/// </summary>
public sealed class LetterheadAndRankTests(PostgresServer server) : IAsyncLifetime
{
    private ModuleServices _module = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationModule(), seedDemo: true);

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _module.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<AgencyProfile> AgencyAsync(string code) => WithAsync(async s =>
    {
        var id = await s.GetRequiredService<OrganizationDbContext>().Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync(Ct);
        return (await s.GetRequiredService<IOrganizationDirectory>().GetAgencyAsync(id, Ct))!;
    });

    private Task<ImportResult> ImportAsync(ImportKind kind, string csv) => WithAsync(async s =>
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await s.GetRequiredService<OrganizationImport>().ImportAsync(AdminScope.City, kind, stream, "impor.csv", Ct);
    });

    [Fact]
    public async Task The_directory_gives_the_seeded_letterhead_of_every_opd()
    {
        var agencies = await WithAsync(s => s.GetRequiredService<IOrganizationDirectory>().ListAgenciesAsync(Ct));
        var diskominfo = agencies.Single(a => a.Code == "DISKOMINFO");

        diskominfo.Name.ShouldBe("Dinas Komunikasi dan Informatika");
        diskominfo.AddressLine.ShouldStartWith("Jalan Jenderal Basuki Rahmat Nomor 1A, Kotabaru");
        diskominfo.AddressLine.ShouldContain("Kode Pos 361");
        diskominfo.ContactLine.ShouldNotBeNull();
        diskominfo.ContactLine.ShouldContain("Telepon (0741) 555-");
        diskominfo.ContactLine.ShouldContain("Pos-el diskominfo@kotademo.go.id");
        diskominfo.ContactLine.ShouldContain("Laman diskominfo.kotademo.go.id");
        agencies.Count.ShouldBeGreaterThanOrEqualTo(100);
        agencies.Where(a => a.Address is null || a.PostalCode is null || a.Telephone is null || a.Email is null).ShouldBeEmpty();
        agencies.Where(a => a.Kind != AgencyKind.Kelurahan && a.Website is null).ShouldBeEmpty();
        agencies.ShouldContain(a => a.Fax != null);
    }

    [Fact]
    public async Task The_directory_gives_pangkat_and_golongan_of_employees_and_of_position_holders()
    {
        var (head, position) = await WithAsync(async s =>
        {
            var directory = s.GetRequiredService<IOrganizationDirectory>();
            var heads = await directory.ListAgencyHeadsAsync(Ct);
            var info = heads.Single(h => h.Title == "Kepala Dinas Komunikasi dan Informatika");
            return (await directory.GetEmployeeAsync(info.Holders.Single().EmployeeId, Ct), await directory.GetPositionAsync(info.PositionId, Ct));
        });

        head.ShouldNotBeNull();
        head.Rank.ShouldBe("Pembina Utama Muda");
        head.Grade.ShouldBe("IV/c");
        head.RankLine.ShouldBe("Pembina Utama Muda (IV/c)");
        var holder = position!.Holders.Single();
        (holder.Name, holder.Nip, holder.RankLine).ShouldBe((head.Name, head.Nip, "Pembina Utama Muda (IV/c)"));

        // The elected Walikota has no NIP and no pangkat.
        var walikota = await WithAsync(async s =>
        {
            var id = await s.GetRequiredService<OrganizationDbContext>().Employees.Where(e => e.Nip == null).Select(e => e.Id).FirstAsync(Ct);
            return await s.GetRequiredService<IOrganizationDirectory>().GetEmployeeAsync(id, Ct);
        });
        walikota!.RankLine.ShouldBeNull();
    }

    [Fact]
    public async Task An_administrator_edits_the_letterhead_and_the_directory_reads_it()
    {
        var before = await AgencyAsync("DISKOMINFO");
        var detail = await WithAsync(s => s.GetRequiredService<AdministrationQueries>().GetAgencyAsync(before.AgencyId, Ct));

        await WithAsync(s => s.GetRequiredService<OrganizationAdministration>().SaveAgencyAsync(AdminScope.City, before.AgencyId,
            new AgencyInput(detail!.Code, detail.Name, detail.ShortName, detail.Kind, null, " Jalan Jenderal Sudirman Nomor 7, Thehok, Kota Demo ",
                "36138", "(0741) 555-0777", "", "Kominfo@KotaDemo.go.id", "kominfo.kotademo.go.id"), detail.Version, Ct));

        var after = await AgencyAsync("DISKOMINFO");
        after.AddressLine.ShouldBe("Jalan Jenderal Sudirman Nomor 7, Thehok, Kota Demo, Kode Pos 36138");
        after.ContactLine.ShouldBe("Telepon (0741) 555-0777, Pos-el kominfo@kotademo.go.id, Laman kominfo.kotademo.go.id");
        after.Fax.ShouldBeNull();
        var audit = _module.Audit;
        audit.Events.ShouldContain(e => e.Action == "agency.updated" && e.EntityId == before.AgencyId.ToString());
    }

    [Fact]
    public async Task A_wrong_postal_code_email_and_telephone_are_refused_together_and_nothing_is_saved()
    {
        var before = await AgencyAsync("DINKES");
        var detail = await WithAsync(s => s.GetRequiredService<AdministrationQueries>().GetAgencyAsync(before.AgencyId, Ct));

        var refused = await Should.ThrowAsync<DomainRuleException>(() => WithAsync(s => s.GetRequiredService<OrganizationAdministration>().SaveAgencyAsync(
            AdminScope.City, before.AgencyId, new AgencyInput(detail!.Code, "Dinas Kesehatan Baru", detail.ShortName, detail.Kind, null, "Alamat baru",
                "3612", "telepon kantor", null, "bukan surel", null), detail.Version, Ct)));

        refused.Errors.Select(e => e.Field).ShouldBe(["postalCode", "telephone", "email"], ignoreOrder: true);
        refused.Errors.ShouldAllBe(e => e.Indonesian.Length > 0 && e.English.Length > 0 && e.Indonesian != e.English);
        var after = await AgencyAsync("DINKES");
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Pangkat_follows_the_golongan_when_left_blank_and_a_wrong_golongan_is_refused()
    {
        var (id, detail) = await WithAsync(async s =>
        {
            var db = s.GetRequiredService<OrganizationDbContext>();
            var employeeId = await db.Employees.Where(e => e.Nip != null && e.IsActive).OrderBy(e => e.Name).Select(e => e.Id).FirstAsync(Ct);
            return (employeeId, (await s.GetRequiredService<AdministrationQueries>().GetEmployeeAsync(employeeId, Ct))!);
        });
        EmployeeInput Input(string? rank, string? grade) =>
            new(detail.Nip, detail.Nik, detail.Name, detail.Email, detail.Phone, detail.AgencyId, detail.PositionId, rank, grade);

        await WithAsync(s => s.GetRequiredService<OrganizationAdministration>().SaveEmployeeAsync(AdminScope.City, id, Input(null, " iv / b "), detail.Version, Ct));
        var saved = await WithAsync(s => s.GetRequiredService<IOrganizationDirectory>().GetEmployeeAsync(id, Ct));
        (saved!.Rank, saved.Grade).ShouldBe(("Pembina Tingkat I", "IV/b"));

        var current = await WithAsync(s => s.GetRequiredService<AdministrationQueries>().GetEmployeeAsync(id, Ct));
        var refused = await Should.ThrowAsync<DomainRuleException>(() => WithAsync(s => s.GetRequiredService<OrganizationAdministration>().SaveEmployeeAsync(
            AdminScope.City, id, Input("Pembina", "V/z") with { Name = "Nama Yang Tidak Tersimpan" }, current!.Version, Ct)));

        refused.Errors.Single().ShouldBe(OrganizationErrors.EmployeeGrade);
        var unchanged = await WithAsync(s => s.GetRequiredService<IOrganizationDirectory>().GetEmployeeAsync(id, Ct));
        (unchanged!.Name, unchanged.Rank, unchanged.Grade).ShouldBe((detail.Name, "Pembina Tingkat I", "IV/b"));
    }

    [Fact]
    public async Task Opds_import_with_their_letterhead_and_an_old_file_without_those_columns_keeps_them()
    {
        var full = await ImportAsync(ImportKind.Agencies, """
            kode,nama,singkatan,jenis,induk,alamat,kode_pos,telepon,faksimile,email,laman
            DISKOMINFO,Dinas Komunikasi dan Informatika,Diskominfo,Dinas,,"Jalan Kapten A. Bakaruddin Nomor 3, Kotabaru, Kota Demo",36129,(0741) 555-0333,(0741) 555-0334,kominfo@kotademo.go.id,kominfo.kotademo.go.id
            """);
        full.Errors.ShouldBeEmpty();
        full.Updated.ShouldBe(1);

        var old = await ImportAsync(ImportKind.Agencies, """
            kode,nama,singkatan,jenis,induk,alamat
            DISKOMINFO,Dinas Komunikasi dan Informatika,Diskominfo,Dinas,,
            """);
        old.Errors.ShouldBeEmpty();

        var profile = await AgencyAsync("DISKOMINFO");
        profile.AddressLine.ShouldBe("Jalan Kapten A. Bakaruddin Nomor 3, Kotabaru, Kota Demo, Kode Pos 36129");
        profile.ContactLine.ShouldBe("Telepon (0741) 555-0333, Faksimile (0741) 555-0334, Pos-el kominfo@kotademo.go.id, Laman kominfo.kotademo.go.id");
    }

    [Fact]
    public async Task A_wrong_postal_code_in_an_opd_file_is_reported_by_row_and_column_and_nothing_is_saved()
    {
        var before = await AgencyAsync("DISKOMINFO");

        var result = await ImportAsync(ImportKind.Agencies, """
            kode,nama,jenis,alamat,kode_pos,email
            DISKOMINFO,Dinas Komunikasi dan Informatika,Dinas,Alamat yang tidak tersimpan,36129,kominfo@kotademo.go.id
            DINKES,Dinas Kesehatan,Dinas,,3612X,bukan-surel
            """);

        result.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ShouldBe(
            [(3, "kode_pos", "organization.agency.postal-code"), (3, "email", "organization.agency.email")], ignoreOrder: true);
        (await AgencyAsync("DISKOMINFO")).ShouldBe(before);
    }

    [Fact]
    public async Task Employees_import_with_pangkat_and_golongan_and_a_wrong_golongan_is_reported_in_its_column()
    {
        var result = await ImportAsync(ImportKind.Employees, """
            nip,nama,kode_opd,pangkat,golongan
            199001152015031002,Rahmat Hidayat,DISKOMINFO,,III/b
            199203222019032001,"Siti Nurhaliza, S.Kom.",DISKOMINFO,Penata Muda,III/a
            """);
        result.Errors.ShouldBeEmpty();
        var rahmat = await WithAsync(s => s.GetRequiredService<IOrganizationDirectory>().FindByNipAsync("199001152015031002", Ct));
        rahmat!.RankLine.ShouldBe("Penata Muda Tingkat I (III/b)");

        var wrong = await ImportAsync(ImportKind.Employees, """
            nip,nama,kode_opd,golongan
            199001152015031002,Rahmat Hidayat,DISKOMINFO,III/f
            """);
        wrong.Errors.Select(e => (e.Row, e.Column, e.Error.Code)).ShouldBe([(2, "golongan", "organization.employee.grade")]);

        // A file without the new columns still imports and keeps what is recorded.
        var old = await ImportAsync(ImportKind.Employees, """
            nip,nama,kode_opd,nik,email,telepon,jabatan
            199001152015031002,"Rahmat Hidayat, S.T.",DISKOMINFO,,,,
            """);
        old.Errors.ShouldBeEmpty();
        rahmat = await WithAsync(s => s.GetRequiredService<IOrganizationDirectory>().FindByNipAsync("199001152015031002", Ct));
        (rahmat!.Name, rahmat.RankLine).ShouldBe(("Rahmat Hidayat, S.T.", "Penata Muda Tingkat I (III/b)"));
    }
}
