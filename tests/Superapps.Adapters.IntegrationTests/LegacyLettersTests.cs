using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Adapters.Domain;
using Superapps.Adapters.Features.Runs;
using Superapps.Adapters.LegacyLetters;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>
/// The legacy letters adapter on the sample export (adapters/Superapps.Adapters.LegacyLetters/TestData/export) into the real Letters
/// module, with the demo organisation: the export's NIPs are the demo Diskominfo's Kepala Dinas, Kabid Aplikasi dan Informatika and
/// Kasi Pengembangan dan Pengelolaan Aplikasi (and one retired NIP that is not in the directory).
/// </summary>
public sealed class LegacyLettersTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] SampleNips = ["196710182002022001", "197812032023021001", "199209252023042001"];

    private readonly LegacyExportFolder _export = LegacyExportFolder.Sample();
    private readonly FailOnce _failOnce = new();
    private ModuleServices _services = null!;
    private List<EmployeeProfile> _staff = [];

    public async ValueTask InitializeAsync()
    {
        _services = await ModuleServices.CreateAsync(server, s =>
        {
            _export.AddAdapter(s);
            s.AddSingleton(_failOnce);
            // Wraps the Letters module's import to make one letter fail like a dying database, once.
            var real = s.Last(d => d.ServiceType == typeof(ILegacyLetterImport)).ImplementationType!;
            s.AddScoped<ILegacyLetterImport>(sp => new FailingImport((ILegacyLetterImport)ActivatorUtilities.CreateInstance(sp, real), sp.GetRequiredService<FailOnce>()));
        }, seedDemo: true);
        await using var scope = _services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        var staff = new List<EmployeeProfile>();
        foreach (var nip in SampleNips)
        {
            staff.Add((await directory.FindByNipAsync(nip, Ct)).ShouldNotBeNull($"demo NIP {nip}"));
        }

        _staff = staff;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _export.Dispose();
    }

    private Task<AdapterRunOutcome> RunAsync() => LegacyExportFolder.RunAsync(_services.Services, Ct);

    private async Task<List<Superapps.Letters.Features.LegacyImport.ImportedLetter>> LettersAsync()
    {
        await using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LettersDbContext>().ImportedLetters.AsNoTracking().OrderBy(l => l.LegacyId).ToListAsync(Ct);
    }

    private async Task<IReadOnlyList<AdapterRunErrorRow>> ErrorsAsync(Guid runId)
    {
        await using var scope = _services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AdapterRunQueries>().ErrorsAsync(runId, 0, 50, Ct)).Items;
    }

    [Fact]
    public async Task The_sample_export_imports_its_good_letters_with_their_dispositions_and_reports_each_bad_row_by_file_and_line()
    {
        var outcome = await RunAsync();

        outcome.Status.ShouldBe(AdapterRunStatus.PartiallyFailed);
        outcome.Counts.ShouldBe(new AdapterRunCounts(8, 5, 0, 0, 4));
        var letters = await LettersAsync();
        letters.Select(l => l.LegacyId).ShouldBe(["keluar:2001", "keluar:2002", "masuk:1001", "masuk:1002", "masuk:1006"]);
        letters.ShouldAllBe(l => l.Source == "sipadek" && l.AgencyName.Contains("Komunikasi"));
        var invitation = letters.Single(l => l.LegacyId == "masuk:1001");
        invitation.Kind.ShouldBe(LegacyLetterKind.Incoming);
        invitation.Subject.ShouldBe("Undangan Rapat Koordinasi \"Satu Data\" Tahun 2024");
        invitation.Urgency.ShouldBe(Urgency.Segera);
        invitation.AgendaNumber.ShouldBe("0012/2024");
        invitation.Date.ShouldBe(new DateOnly(2024, 3, 4));
        invitation.ReceivedOn.ShouldBe(new DateOnly(2024, 3, 5));
        invitation.ScanFileName.ShouldBe("1001.pdf");
        invitation.LetterId.ShouldNotBeNull();
        invitation.ScanFileId.ShouldNotBeNull();
        letters.Where(l => l.Kind == LegacyLetterKind.Outgoing).ShouldAllBe(l => l.LetterId == null);
        invitation.Dispositions.Select(d => (d.FromEmployeeId, d.ToEmployeeId)).ShouldBe([(_staff[0].EmployeeId, _staff[1].EmployeeId), (_staff[1].EmployeeId, _staff[2].EmployeeId)]);
        invitation.Dispositions[1].Instruction.ShouldBe("Siapkan bahan paparan, data per OPD");
        invitation.Dispositions[0].Deadline.ShouldBe(new DateOnly(2024, 3, 8));
        invitation.Dispositions[0].GivenAt.ShouldBe(new DateTimeOffset(2024, 3, 5, 2, 12, 0, TimeSpan.Zero));
        letters.Single(l => l.LegacyId == "masuk:1006").SecurityClass.ShouldBe(SecurityClass.Rahasia);
        letters.Single(l => l.LegacyId == "masuk:1006").Dispositions.ShouldBeEmpty();
        letters.Single(l => l.LegacyId == "keluar:2002").Urgency.ShouldBe(Urgency.SangatSegera);
        letters.Single(l => l.LegacyId == "keluar:2002").Correspondent.ShouldBe("Kepala Dinas Pendidikan");

        var errors = await ErrorsAsync(outcome.RunId!.Value);
        errors.Select(e => (e.Reference, e.Code)).ShouldBe([
            ("tb_surat_masuk.csv baris 4 (id_surat 1003)", "adapters.legacy-letters.date"),
            ("tb_surat_masuk.csv baris 5 (id_surat 1004)", "letters.legacy.agency"),
            ("tb_surat_masuk.csv baris 6 (id_surat 1005)", "adapters.legacy-letters.scan"),
            ("tb_disposisi.csv baris 4 (id_disposisi 503)", "adapters.legacy-letters.nip"),
        ]);
        errors[0].Indonesian.ShouldBe("tgl_surat \"2024-13-45\" bukan tanggal yang sah (yyyy-MM-dd).");
        errors[0].English.ShouldBe("tgl_surat \"2024-13-45\" is not a valid date (yyyy-MM-dd).");
        errors[1].English.ShouldContain("DINAS-HILANG");
        _services.Audit.Events.Count(e => e.Action == "letter.imported").ShouldBe(5);
    }

    [Fact]
    public async Task A_rerun_imports_nothing_twice()
    {
        await RunAsync();

        var again = await RunAsync();

        again.Counts.ShouldBe(new AdapterRunCounts(8, 0, 0, 5, 3));
        (await LettersAsync()).Count.ShouldBe(5);
        _services.Audit.Events.Count(e => e.Action == "letter.imported").ShouldBe(5);
    }

    [Fact]
    public async Task A_run_stopped_midway_resumes_from_its_checkpoint()
    {
        _failOnce.LegacyId = "masuk:1006";

        var stopped = await RunAsync();
        var resumed = await RunAsync();

        stopped.Status.ShouldBe(AdapterRunStatus.Failed);
        stopped.Counts.Created.ShouldBe(2);
        await using (var scope = _services.CreateScope())
        {
            var (runs, _) = await scope.ServiceProvider.GetRequiredService<AdapterRunQueries>().RunsAsync(LegacyLettersAdapter.AdapterKey, 0, 10, Ct);
            runs.Single(r => r.Id == stopped.RunId).Message.ShouldNotBeNull().ShouldContain("connection reset at masuk:1006");
            runs.Single(r => r.Id == stopped.RunId).CheckpointAfter.ShouldBe("masuk:5");
            runs.Single(r => r.Id == resumed.RunId).CheckpointBefore.ShouldBe("masuk:5");
        }

        // 1006 imports now; its disposition to a NIP not in the directory stays an error of its own row.
        resumed.Status.ShouldBe(AdapterRunStatus.PartiallyFailed);
        resumed.Counts.ShouldBe(new AdapterRunCounts(3, 3, 0, 0, 1));
        (await LettersAsync()).Select(l => l.LegacyId).ShouldBe(["keluar:2001", "keluar:2002", "masuk:1001", "masuk:1002", "masuk:1006"]);
    }

    [Fact]
    public async Task The_import_refuses_an_unknown_nip_in_both_languages_and_saves_nothing_of_the_letter()
    {
        await using var scope = _services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ILegacyLetterImport>();
        var letter = new LegacyLetter("sipadek", "masuk:9001", LegacyLetterKind.Incoming, "DISKOMINFO", "0001/2024", "001/1/X/2024", new DateOnly(2024, 1, 2), null,
            "Bappeda", "Uji", Urgency.Biasa, SecurityClass.Biasa, "005", null,
            [new LegacyDisposition("9", _staff[0].Nip!, "198501012010011099", "Tindak lanjuti", null, "Belum dibaca", DateTimeOffset.UtcNow.AddDays(-400))]);

        var refusal = await Should.ThrowAsync<Superapps.SharedKernel.DomainRuleException>(() => import.ImportAsync(letter, Ct));

        refusal.Error.Code.ShouldBe("letters.legacy.nip");
        refusal.Error.Indonesian.ShouldContain("198501012010011099");
        refusal.Error.English.ShouldContain("is not in the employee directory");
        (await LettersAsync()).ShouldBeEmpty();
    }
}

/// <summary>Which letter the failing import fails on, once.</summary>
public sealed class FailOnce
{
    public string? LegacyId { get; set; }
}

internal sealed class FailingImport(ILegacyLetterImport inner, FailOnce fail) : ILegacyLetterImport
{
    public Task<LegacyLetterImported> ImportAsync(LegacyLetter letter, CancellationToken cancellationToken = default)
    {
        if (letter.LegacyId == fail.LegacyId)
        {
            fail.LegacyId = null;
            throw new InvalidOperationException($"connection reset at {letter.LegacyId}");
        }

        return inner.ImportAsync(letter, cancellationToken);
    }
}
