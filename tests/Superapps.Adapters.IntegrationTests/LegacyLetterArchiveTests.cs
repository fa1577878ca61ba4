using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Adapters.Domain;
using Superapps.Adapters.Features.Runs;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Agenda;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.LegacyImport;
using Superapps.Letters.Features.Retention;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>
/// The development host's demo export (docs/samples/legacy-letters-export) imported into the demo city: imported letters are real
/// letters, found in their OPD's agenda and the archive, opened with their legacy fields, scan and dispositions by exactly the
/// people who could read a native letter of that OPD and class.
/// </summary>
public sealed class LegacyLetterArchiveTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The demo city's people (Organization module's demo seed), as the export names them by NIP.
    private const string DiskominfoClerk = "199401042019051001";
    private const string DisdikClerk = "199502152017102001";
    private const string KasiStatistikSektoral = "199306242019012001";
    private const string KasiPersandian = "199212202021041001";
    private const string TeknisiJaringan1 = "199310062017032001";

    private readonly LegacyExportFolder _export = LegacyExportFolder.Demo();
    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync()
    {
        _services = await ModuleServices.CreateAsync(server, _export.AddAdapter, seedDemo: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _export.Dispose();
    }

    private Task<AdapterRunOutcome> RunAsync() => LegacyExportFolder.RunAsync(_services.Services, Ct);

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<Viewer> ViewerAsync(string nip, bool keepsAgenda = false) => WithAsync(async sp =>
    {
        var employee = (await sp.GetRequiredService<IOrganizationDirectory>().FindByNipAsync(nip, Ct)).ShouldNotBeNull();
        return (await sp.GetRequiredService<Viewers>().ForAsync(employee.EmployeeId, keepsAgenda, Ct)).ShouldNotBeNull();
    });

    private Task<Guid> LetterIdAsync(string legacyId) => WithAsync(async sp =>
        (await sp.GetRequiredService<LettersDbContext>().ImportedLetters.AsNoTracking().SingleAsync(l => l.LegacyId == legacyId, Ct)).LetterId.ShouldNotBeNull());

    private Task<(int Letters, int Files, int Entries, int LastNumber)> StateAsync() => WithAsync(async sp =>
    {
        var db = sp.GetRequiredService<LettersDbContext>();
        return (await db.Letters.CountAsync(Ct), await db.Files.CountAsync(Ct), (await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM letters.archive_entries").ToListAsync(Ct))[0],
            await db.AgendaCounters.SumAsync(c => c.LastNumber, Ct));
    });

    private async Task<IReadOnlyList<AdapterRunErrorRow>> ErrorsAsync(Guid runId) =>
        await WithAsync(async sp => (await sp.GetRequiredService<AdapterRunQueries>().ErrorsAsync(runId, 0, 50, Ct)).Items);

    [Fact]
    public async Task The_demo_export_imports_without_errors_and_its_letters_are_in_the_agenda_and_the_archive()
    {
        var outcome = await RunAsync();

        (await ErrorsAsync(outcome.RunId!.Value)).ShouldBeEmpty();
        outcome.Status.ShouldBe(AdapterRunStatus.Succeeded);
        outcome.Counts.ShouldBe(new AdapterRunCounts(8, 8, 0, 0, 0));

        var clerk = await ViewerAsync(DiskominfoClerk, keepsAgenda: true);
        var agenda = await WithAsync(sp => sp.GetRequiredService<AgendaQueries>().SearchAsync(clerk, new AgendaSearch(Year: 2024, SortBy: "number", Descending: false), Ct));
        agenda.Items.Select(r => (r.AgendaLabel, r.SenderNumber)).ShouldBe([
            ("0001/2024", "005/123/BAPPEDA/2024"), ("0002/2024", "421/88/DISDIK/2024"), ("0003/2024", null)]);
        agenda.Items.ShouldAllBe(r => r.Status == LetterStatus.Closed);
        agenda.Items[2].Masked.ShouldBeTrue();
        agenda.Items[2].SecurityClass.ShouldBe(SecurityClass.Rahasia);

        var disdikClerk = await ViewerAsync(DisdikClerk, keepsAgenda: true);
        var disdikAgenda = await WithAsync(sp => sp.GetRequiredService<AgendaQueries>().SearchAsync(disdikClerk, new AgendaSearch(Year: 2024), Ct));
        disdikAgenda.Items.Select(r => r.Subject).ShouldBe(["Verifikasi Data Pokok Pendidikan Semester Genap", "Jadwal Pemasangan Jaringan Sekolah"]);

        var archive = await WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().SearchAsync(clerk, new ArchiveSearch(Text: "\"Satu Data\""), Ct));
        archive.Items.Select(r => (r.Kind, r.Number)).OrderBy(r => r.Kind).ShouldBe([(ArchiveKind.Incoming, "0001/2024"), (ArchiveKind.Outgoing, "005/201/DISKOMINFO/2024")]);
        archive.Items.Single(r => r.Kind == ArchiveKind.Incoming).PdfHref.ShouldNotBeNull().ShouldStartWith("/surat/berkas/");
        var outgoing = archive.Items.Single(r => r.Kind == ArchiveKind.Outgoing);
        outgoing.Href.ShouldBe($"/surat/impor/{outgoing.LetterId}");
        outgoing.PdfHref.ShouldBe($"/surat/impor/{outgoing.LetterId}/berkas");

        // Someone on a legacy chain finds the letter in their own archive, as they would a native one.
        var kasi = await ViewerAsync(KasiStatistikSektoral);
        var own = await WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().SearchAsync(kasi, new ArchiveSearch(), Ct));
        own.Items.Select(r => r.Subject).ShouldBe(["Undangan Rapat Koordinasi \"Satu Data\" Tahun 2024"]);
    }

    [Fact]
    public async Task An_imported_letter_opens_read_only_with_its_legacy_fields_scan_and_dispositions()
    {
        await RunAsync();
        var kasi = await ViewerAsync(KasiStatistikSektoral);
        var letterId = await LetterIdAsync("masuk:1001");

        var view = await WithAsync(sp => sp.GetRequiredService<LetterDesk>().OpenAsync(kasi, letterId, Ct));

        view.Access.ShouldBe(AccessLevel.Full);
        view.Letter.Origin.ShouldBe(LetterOrigin.Legacy);
        view.Letter.AgendaLabel.ShouldBe("0001/2024");
        var imported = view.Imported.ShouldNotBeNull();
        imported.AgendaNumber.ShouldBe("0012/2024");
        imported.Dispositions.Select(d => (d.ToName, d.Instruction, d.Status)).ShouldBe([
            ("Khairunnisa Fitriani, S.P., M.Si.", "Hadiri dan laporkan hasilnya", "Selesai"),
            ("Novi Kusumawati, S.H.", "Siapkan bahan paparan, data per OPD", "Selesai")]);
        var scan = view.Files.Single(f => f.Kind == LetterFileKind.Letter);
        scan.ContentType.ShouldBe("application/pdf");
        var file = await WithAsync(sp => sp.GetRequiredService<LetterDesk>().GetFileAsync(kasi, scan.Id, Ct));
        file.Content.Length.ShouldBe((int)new FileInfo(_export.Scan("1001.pdf")).Length);
        view.History.Select(h => h.Action).ShouldContain("imported");

        // Never actionable: the imported letter is closed.
        var refusal = await Should.ThrowAsync<DomainRuleException>(() => WithAsync(sp => sp.GetRequiredService<LetterDesk>().DisposeAsync(kasi,
            new DisposeInput(Guid.NewGuid(), letterId, null, kasi.PositionIds.First(), [Guid.NewGuid()], ["Laksanakan"], null, null, null), Ct)));
        refusal.Error.Code.ShouldBe(LetterErrors.Closed.Code);
    }

    [Fact]
    public async Task An_imported_outgoing_letter_keeps_its_scan_for_its_readers_until_it_is_destroyed()
    {
        await RunAsync();
        var importedId = await WithAsync(async sp =>
            (await sp.GetRequiredService<LettersDbContext>().ImportedLetters.AsNoTracking().SingleAsync(l => l.LegacyId == "keluar:2001", Ct)).Id);
        var clerk = await ViewerAsync(DiskominfoClerk, keepsAgenda: true);
        var otherOpd = await ViewerAsync(DisdikClerk, keepsAgenda: true);

        var view = await WithAsync(sp => sp.GetRequiredService<ImportedLetterQueries>().OpenAsync(clerk, importedId, Ct));
        view.Access.ShouldBe(AccessLevel.Full);
        var info = view.Scan.ShouldNotBeNull();
        info.FileName.ShouldBe("2001.pdf");
        info.ContentType.ShouldBe("application/pdf");
        var scan = await WithAsync(sp => sp.GetRequiredService<ImportedLetterQueries>().GetScanAsync(clerk, importedId, Ct));
        scan.Content.ShouldBe(await File.ReadAllBytesAsync(_export.Scan("2001.pdf"), Ct));
        // Another OPD's clerk may not read the letter, nor its scan: not found, as for native letters.
        (await Should.ThrowAsync<DomainRuleException>(() => WithAsync(sp => sp.GetRequiredService<ImportedLetterQueries>().GetScanAsync(otherOpd, importedId, Ct))))
            .Error.Code.ShouldBe(LetterErrors.NotFound.Code);
        // The letter without a scan in the export says so.
        var without = await WithAsync(async sp =>
            (await sp.GetRequiredService<LettersDbContext>().ImportedLetters.AsNoTracking().SingleAsync(l => l.LegacyId == "keluar:2002", Ct)).Id);
        (await WithAsync(sp => sp.GetRequiredService<ImportedLetterQueries>().OpenAsync(clerk, without, Ct))).Scan.ShouldBeNull();

        // A destruction decision removes the scan with the content of every destroyed outgoing letter.
        await WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<LettersDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await sp.GetRequiredService<IArchivedOutgoingEraser>().EraseAsync([importedId], Ct);
            await transaction.CommitAsync(Ct);
            return true;
        });
        (await WithAsync(sp => sp.GetRequiredService<ImportedLetterQueries>().OpenAsync(clerk, importedId, Ct))).Scan.ShouldBeNull();
        (await Should.ThrowAsync<DomainRuleException>(() => WithAsync(sp => sp.GetRequiredService<ImportedLetterQueries>().GetScanAsync(clerk, importedId, Ct))))
            .Error.Code.ShouldBe(LetterErrors.NotFound.Code);
    }

    [Fact]
    public async Task A_rahasia_imported_letter_and_its_scan_are_hidden_from_staff_not_on_its_chain()
    {
        await RunAsync();
        var letterId = await LetterIdAsync("masuk:1003");
        var onChain = await ViewerAsync(KasiPersandian);
        var colleague = await ViewerAsync(TeknisiJaringan1);
        var clerk = await ViewerAsync(DiskominfoClerk, keepsAgenda: true);

        var view = await WithAsync(sp => sp.GetRequiredService<LetterDesk>().OpenAsync(onChain, letterId, Ct));
        view.Access.ShouldBe(AccessLevel.Full);
        var scanId = view.Files.Single(f => f.Kind == LetterFileKind.Letter).Id;

        (await Should.ThrowAsync<DomainRuleException>(() => WithAsync(sp => sp.GetRequiredService<LetterDesk>().OpenAsync(colleague, letterId, Ct))))
            .Error.Code.ShouldBe(LetterErrors.NotFound.Code);
        // The file endpoint answers 404 for what GetFileAsync refuses, as for native letters.
        await Should.ThrowAsync<DomainRuleException>(() => WithAsync(sp => sp.GetRequiredService<LetterDesk>().GetFileAsync(colleague, scanId, Ct)));
        await Should.ThrowAsync<DomainRuleException>(() => WithAsync(sp => sp.GetRequiredService<LetterDesk>().GetFileAsync(clerk, scanId, Ct)));
        (await WithAsync(sp => sp.GetRequiredService<LetterDesk>().OpenAsync(clerk, letterId, Ct))).Access.ShouldBe(AccessLevel.AgendaOnly);
        // The technician finds the letter they were disposed (1002), not the Rahasia one.
        (await WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().SearchAsync(colleague, new ArchiveSearch(), Ct))).Items
            .ShouldHaveSingleItem().Subject.ShouldBe("Permohonan Dukungan Jaringan Internet Sekolah");
        var masked = await WithAsync(sp => sp.GetRequiredService<ArchiveQueries>().SearchAsync(clerk, new ArchiveSearch(Text: "Audit"), Ct));
        masked.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rerun_changes_nothing()
    {
        await RunAsync();
        var before = await StateAsync();

        var again = await RunAsync();

        again.Counts.ShouldBe(new AdapterRunCounts(8, 0, 0, 8, 0));
        (await StateAsync()).ShouldBe(before);
        _services.Audit.Events.Count(e => e.Action == "letter.imported").ShouldBe(8);
    }

    [Fact]
    public async Task A_scan_that_is_not_a_pdf_fails_that_letter_only_and_leaves_no_gap_in_the_agenda()
    {
        await File.WriteAllTextAsync(_export.Scan("1002.pdf"), "<html>bukan pindaian</html>", Ct);

        var outcome = await RunAsync();

        outcome.Status.ShouldBe(AdapterRunStatus.PartiallyFailed);
        var error = (await ErrorsAsync(outcome.RunId!.Value)).ShouldHaveSingleItem();
        error.Reference.ShouldBe("tb_surat_masuk.csv baris 3 (id_surat 1002)");
        error.Code.ShouldBe("letters.file.type");
        error.Indonesian.ShouldContain("bukan PDF, JPEG atau PNG");
        error.English.ShouldContain("is not a PDF, JPEG or PNG");
        var clerk = await ViewerAsync(DiskominfoClerk, keepsAgenda: true);
        var agenda = await WithAsync(sp => sp.GetRequiredService<AgendaQueries>().SearchAsync(clerk, new AgendaSearch(Year: 2024, SortBy: "number", Descending: false), Ct));
        agenda.Items.Select(r => r.AgendaLabel).ShouldBe(["0001/2024", "0002/2024"]);
        (await WithAsync(sp => sp.GetRequiredService<LettersDbContext>().ImportedLetters.AnyAsync(l => l.LegacyId == "masuk:1002", Ct))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_scan_over_the_size_limit_is_refused_in_both_languages_before_it_is_read()
    {
        var letter = Letter("masuk:9100", new LegacyScan("besar.pdf", 26L * 1024 * 1024, _ => throw new InvalidOperationException("must not be read")));

        var refusal = await Should.ThrowAsync<DomainRuleException>(() => WithAsync(sp => sp.GetRequiredService<ILegacyLetterImport>().ImportAsync(letter, Ct)));

        refusal.Error.Code.ShouldBe("letters.file.too-large");
        refusal.Error.Indonesian.ShouldContain("terlalu besar");
        refusal.Error.English.ShouldContain("too large");
        (await StateAsync()).ShouldBe((0, 0, 0, 0));
    }

    [Fact]
    public async Task The_same_letter_imported_twice_at_once_is_entered_once_with_one_agenda_number()
    {
        var pdf = await File.ReadAllBytesAsync(_export.Scan("1001.pdf"), Ct);
        var letter = Letter("masuk:9200", new LegacyScan("9200.pdf", pdf.Length, _ => Task.FromResult<Stream>(new MemoryStream(pdf))));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            WithAsync(sp => sp.GetRequiredService<ILegacyLetterImport>().ImportAsync(letter, Ct)), Ct)));

        results.Count(r => r.Created).ShouldBe(1);
        results.Select(r => r.LetterId).Distinct().ShouldHaveSingleItem();
        (await StateAsync()).ShouldBe((1, 1, 1, 1));
    }

    private static LegacyLetter Letter(string legacyId, LegacyScan scan) => new("sipadek", legacyId, LegacyLetterKind.Incoming, "DISKOMINFO", "0100/2024",
        "005/9/BAPPEDA/2024", new DateOnly(2024, 5, 2), new DateOnly(2024, 5, 3), "Bappeda Kota", "Undangan Uji", Urgency.Biasa, SecurityClass.Biasa, "005",
        scan, []);
}
