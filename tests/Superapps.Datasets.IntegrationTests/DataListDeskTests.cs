using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.DataList;
using Superapps.Datasets.Features.Uploads;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>The walidata's commands on the data list, on PostgreSQL: created, edited, deactivated and activated, each audited; refusals save nothing.</summary>
public sealed class DataListDeskTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleServices _services = null!;

    public async ValueTask InitializeAsync() => _services = await DatasetsHarness.CreateAsync(server);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static DatasetDraft Draft(string code = "jumlah-sekolah") => new(code, "Jumlah Sekolah per Kecamatan", "Sekolah negeri dan swasta.",
        DatasetsDirectory.Disdik.AgencyId, [new("kecamatan", ColumnType.Text, Required: true, Key: true), new("jumlah_sekolah", ColumnType.WholeNumber, Required: true)],
        UpdateFrequency.Monthly, 10, "2026-01", ["pendidikan", " sekolah ", "Pendidikan"], null);

    private async Task<T> DeskAsync<T>(Func<DataListDesk, Task<T>> act)
    {
        await using var scope = _services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<DataListDesk>());
    }

    [Fact]
    public async Task A_new_entry_is_saved_with_its_schema_schedule_keywords_and_licence_and_audited()
    {
        var created = await DeskAsync(d => d.CreateAsync(Draft(), Ct));

        var saved = await _services.ReadAsync(db => db.Datasets.SingleAsync(d => d.Id == created.Id, Ct));
        (saved.Code, saved.Frequency, saved.DueDay, saved.FirstPeriod, saved.IsActive, saved.License).ShouldBe(("jumlah-sekolah", UpdateFrequency.Monthly, 10, "2026-01", true, "CC-BY-4.0"));
        saved.Columns.Select(c => c.Name).ShouldBe(["kecamatan", "jumlah_sekolah"]);
        saved.Keywords.ShouldBe(["pendidikan", "sekolah"]);
        _services.Audit.Events.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Action.ShouldBe("dataset.created"), e => e.EntityId.ShouldBe(created.Id.ToString()), e => e.Module.ShouldBe("datasets"));
    }

    [Fact]
    public async Task A_code_that_is_no_slug_or_is_taken_is_refused_in_both_languages_and_nothing_is_saved()
    {
        await DeskAsync(d => d.CreateAsync(Draft(), Ct));
        _services.Audit.Clear();

        var badSlug = await Should.ThrowAsync<DomainRuleException>(() => DeskAsync(d => d.CreateAsync(Draft("Jumlah Sekolah"), Ct)));
        var taken = await Should.ThrowAsync<DomainRuleException>(() => DeskAsync(d => d.CreateAsync(Draft() with { Title = "Lain" }, Ct)));

        badSlug.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("code"), e => e.Indonesian.ShouldContain("huruf kecil"),
            e => e.English.ShouldContain("lowercase letters"));
        taken.Errors.ShouldBe([DataListErrors.CodeTaken("jumlah-sekolah")]);
        (await _services.ReadAsync(db => db.Datasets.CountAsync(Ct))).ShouldBe(1);
        (await _services.ReadAsync(db => db.Datasets.SingleAsync(Ct))).Title.ShouldBe("Jumlah Sekolah per Kecamatan");
        _services.Audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_edit_changes_nothing_and_a_good_one_changes_the_columns_while_uploaded_versions_keep_theirs()
    {
        var dataset = await DeskAsync(d => d.CreateAsync(Draft(), Ct));
        await using (var scope = _services.CreateScope())
        {
            using var file = new MemoryStream(Encoding.UTF8.GetBytes("kecamatan,jumlah_sekolah\nTelanaipura,12\n"));
            var upload = await scope.ServiceProvider.GetRequiredService<DatasetUploads>().UploadAsync(dataset.Id, "2026-11", file, "sekolah.csv",
                DatasetsHarness.DisdikOperator.AsUploader()!, cancellationToken: Ct);
            upload.Report.IsValid.ShouldBeTrue();
        }

        _services.Audit.Clear();

        var refused = await Should.ThrowAsync<DomainRuleException>(() => DeskAsync(d => d.UpdateAsync(dataset.Id, Draft() with
        {
            Title = "Baru", Columns = [new("kecamatan", ColumnType.Text, Key: true)], DueDay = 0, ProducerAgencyId = Guid.NewGuid(),
        }, Ct)));

        refused.Errors.Select(e => e.Field).ShouldBe(["producer", "columns", "dueDay"], ignoreOrder: true);
        (await _services.ReadAsync(db => db.Datasets.SingleAsync(Ct))).ShouldSatisfyAllConditions(d => d.Title.ShouldBe("Jumlah Sekolah per Kecamatan"), d => d.DueDay.ShouldBe(10));
        _services.Audit.Events.ShouldBeEmpty();

        await DeskAsync(d => d.UpdateAsync(dataset.Id, Draft() with
        {
            Code = "ignored", Title = "Jumlah Sekolah dan Siswa", FirstPeriod = "2025-01", Frequency = UpdateFrequency.Quarterly, DueDay = 15,
            Columns = [new("kecamatan", ColumnType.Text, Required: true, Key: true), new("jumlah_sekolah", ColumnType.WholeNumber, Required: true), new("jumlah_siswa", ColumnType.WholeNumber)],
        }, Ct));

        var saved = await _services.ReadAsync(db => db.Datasets.SingleAsync(Ct));
        (saved.Code, saved.Title, saved.Frequency, saved.DueDay, saved.FirstPeriod).ShouldBe(("jumlah-sekolah", "Jumlah Sekolah dan Siswa", UpdateFrequency.Quarterly, 15, "2026-Q1"));
        saved.Columns.Count.ShouldBe(3);
        (await _services.ReadAsync(db => db.Versions.SingleAsync(Ct))).Columns.Count.ShouldBe(2);
        _services.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("dataset.updated");
    }

    [Fact]
    public async Task Deactivating_and_activating_are_audited_once_each()
    {
        var dataset = await DeskAsync(d => d.CreateAsync(Draft(), Ct));
        _services.Audit.Clear();

        await DeskAsync(async d => { await d.SetActiveAsync(dataset.Id, false, Ct); return 0; });
        await DeskAsync(async d => { await d.SetActiveAsync(dataset.Id, false, Ct); return 0; });
        (await _services.ReadAsync(db => db.Datasets.SingleAsync(Ct))).IsActive.ShouldBeFalse();
        await DeskAsync(async d => { await d.SetActiveAsync(dataset.Id, true, Ct); return 0; });

        (await _services.ReadAsync(db => db.Datasets.SingleAsync(Ct))).IsActive.ShouldBeTrue();
        _services.Audit.Events.Select(e => e.Action).ShouldBe(["dataset.deactivated", "dataset.activated"]);
        (await Should.ThrowAsync<DomainRuleException>(() => DeskAsync(async d => { await d.SetActiveAsync(Guid.NewGuid(), false, Ct); return 0; })))
            .Errors.ShouldBe([DataListErrors.NotFound]);
    }
}
