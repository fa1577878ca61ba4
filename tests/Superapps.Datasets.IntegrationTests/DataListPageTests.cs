using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Pages.DataList;
using Superapps.Datasets.Pages.Dataset;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The data list and a dataset's page on PostgreSQL: every dataset for the walidata and the own OPD's for an operator; a new entry refused
/// in place keeping what was typed, then saved; a dataset's schedule, freshness and versions, closed to another OPD.
/// </summary>
public sealed class DataListPageTests(PostgresServer server) : DatasetsPageTest(server)
{
    private Dataset _schools = null!;
    private Dataset _visits = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _schools = DatasetsHarness.Schools();
        _visits = Dataset.Create("kunjungan-puskesmas", "Kunjungan Puskesmas", null, DatasetsDirectory.Dinkes.AgencyId,
            DatasetSchema.Create([new("puskesmas", ColumnType.Text, Required: true, Key: true), new("kunjungan", ColumnType.WholeNumber, Required: true)]),
            new UpdateSchedule(UpdateFrequency.Quarterly, 20), new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 1), DatasetsHarness.Now);
        await Module.AddAsync(_schools, _visits);
        await using var db = await Module.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.DatasetsDbContext>>().CreateDbContextAsync(Ct);
        // October's schools data approved; November's being collected (due 10 December).
        var approved = DatasetVersion.Submit(_schools.Id, new ReportingPeriod(UpdateFrequency.Monthly, 2026, 10), 1, "oktober.csv", 100, 3,
            DatasetsHarness.DisdikOperator.EmployeeId, "Dedi Operator", _schools.Schema, DatasetsHarness.Now.AddDays(-25));
        approved.Approve(DatasetsHarness.Walidata.EmployeeId, "Wulan Sari", null, DatasetsHarness.Now.AddDays(-24));
        db.Versions.Add(approved);
        await db.SaveChangesAsync(Ct);
        Module.Audit.Clear();
    }

    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<DataListPage> RenderList(Features.Access.DataUser who, int rows)
    {
        SignIn(who);
        _dialogs = RenderDialogProvider();
        var page = Render<DataListPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=datasets] tbody tr").Count.ShouldBe(rows), Wait);
        return page;
    }

    [Fact]
    public void The_walidata_sees_every_dataset_with_its_producer_schedule_next_period_and_latest_status()
    {
        typeof(DataListPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(DatasetsPortalModule.DataListPolicy);
        var page = RenderList(DatasetsHarness.Walidata, 2);

        var rows = page.FindAll("[data-testid=datasets] tbody tr").Select(Text).ToList();
        rows[0].ShouldContain("jumlah-sekolah");
        rows[0].ShouldContain("Dinas Pendidikan");
        rows[0].ShouldContain("Bulanan");
        rows[0].ShouldContain("November 2026 · 10 Desember 2026");
        rows[0].ShouldContain("Disetujui");
        rows[1].ShouldContain("kunjungan-puskesmas");
        rows[1].ShouldContain("Triwulan IV 2026 · 20 Januari 2027");
        rows[1].ShouldContain("Belum ada unggahan");
        page.FindAll("[data-testid=dataset-add]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_operator_sees_only_the_own_opds_datasets_and_the_search_filters_on_the_server()
    {
        var page = RenderList(DatasetsHarness.DinkesOperator, 1);

        Text(page.Find("[data-testid=datasets] tbody tr")).ShouldContain("kunjungan-puskesmas");
        page.FindAll("[data-testid=dataset-add]").ShouldBeEmpty();
        page.FindAll("[data-testid=dataset-edit]").ShouldBeEmpty();

        await page.InvokeAsync(() => page.FindComponents<MudTextField<string>>().Single().Instance.ValueChanged.InvokeAsync("sekolah"));
        page.WaitForAssertion(() => Text(page.Find("[data-testid=datasets] tbody")).ShouldContain("Tidak ada dataset yang cocok."), Wait);
    }

    [Fact]
    public async Task A_new_entry_with_a_bad_code_and_a_key_column_not_required_is_refused_in_place_keeping_what_was_typed_then_saved()
    {
        var page = RenderList(DatasetsHarness.Walidata, 2);
        page.Find("[data-testid=dataset-add]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=dataset-save]").Count.ShouldBe(1), Wait);

        Input(_dialogs, "dataset-code").Change("Jumlah Penduduk");
        Input(_dialogs, "dataset-title").Change("Jumlah Penduduk per Kecamatan");
        await ChooseAsync(_dialogs, "dataset-producer", (Guid?)DatasetsDirectory.Disdukcapil.AgencyId);
        Input(_dialogs, "dataset-first-period").Change("2026-01");
        Input(_dialogs, "column-name").Input("kecamatan");
        await CheckAsync("column-required", 0, false);
        _dialogs.Find("[data-testid=dataset-save]").Click();

        _dialogs.WaitForAssertion(() => Text(_dialogs.Find("[data-testid=column-errors]")).ShouldContain("Kolom kunci \"kecamatan\" harus wajib diisi."), Wait);
        Text(_dialogs.Find("[data-testid=dataset-dialog]")).ShouldContain("Kode hanya boleh berisi huruf kecil");
        Input(_dialogs, "dataset-title").GetAttribute("value").ShouldBe("Jumlah Penduduk per Kecamatan");
        Text(_dialogs.Find("[data-testid=dataset-producer]")).ShouldBe(DatasetsDirectory.Disdukcapil.Name);
        (await Module.ReadAsync(db => db.Datasets.CountAsync(Ct))).ShouldBe(2);

        Input(_dialogs, "dataset-code").Change("jumlah-penduduk");
        await CheckAsync("column-required", 0, true);
        _dialogs.Find("[data-testid=column-add]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=column-row]").Count.ShouldBe(2), Wait);
        _dialogs.FindAll("input[data-testid=column-name], [data-testid=column-name] input")[1].Input("jumlah_penduduk");
        var types = _dialogs.FindComponents<MudSelect<ColumnType>>();
        await _dialogs.InvokeAsync(() => types[1].Instance.ValueChanged.InvokeAsync(ColumnType.WholeNumber));
        _dialogs.Find("[data-testid=dataset-save]").Click();

        _dialogs.WaitForAssertion(() => _dialogs.FindAll("[data-testid=dataset-dialog]").ShouldBeEmpty(), Wait);
        page.WaitForAssertion(() => page.FindAll("[data-testid=datasets] tbody tr").Count.ShouldBe(3), Wait);
        var saved = await Module.ReadAsync(db => db.Datasets.SingleAsync(d => d.Code == "jumlah-penduduk", Ct));
        saved.Columns.ShouldBe([new DatasetColumn("kecamatan", ColumnType.Text, true, true), new DatasetColumn("jumlah_penduduk", ColumnType.WholeNumber)]);
        Module.Audit.Events.ShouldHaveSingleItem().Action.ShouldBe("dataset.created");
    }

    private Task CheckAsync(string testId, int index, bool value)
    {
        var box = _dialogs.FindComponents<MudCheckBox<bool>>().Where(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId)).ElementAt(index);
        return _dialogs.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public void The_dataset_page_shows_the_schedule_freshness_and_versions_and_offers_the_upload_to_the_producer()
    {
        typeof(DatasetPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(DatasetsPortalModule.DataListPolicy);
        SignIn(DatasetsHarness.DisdikOperator);

        var page = Render<DatasetPage>(p => p.Add(x => x.Code, "jumlah-sekolah"));

        page.WaitForAssertion(() => Text(page.Find("[data-testid=dataset-title]")).ShouldBe("Jumlah Sekolah per Kecamatan"), Wait);
        Text(page.Find("[data-testid=dataset-next]")).ShouldBe("November 2026 · 10 Desember 2026");
        page.Find("[data-testid=dataset-freshness]").GetAttribute("data-freshness").ShouldBe("on-time");
        var version = page.Find("[data-testid=dataset-versions] tbody tr");
        Text(version).ShouldContain("Oktober 2026");
        Text(version).ShouldContain("Disetujui");
        Text(version).ShouldContain("Dedi Operator");
        Text(version).ShouldContain("oktober.csv");
        page.Find("[data-testid=version-link]").GetAttribute("href").ShouldBe("/data/jumlah-sekolah/versi/1");
        page.Find("[data-testid=dataset-upload]").GetAttribute("href").ShouldBe("/data/jumlah-sekolah/unggah");
    }

    [Fact]
    public void Another_opds_operator_gets_the_not_found_message()
    {
        SignIn(DatasetsHarness.DinkesOperator);
        var refused = Render<DatasetPage>(p => p.Add(x => x.Code, "jumlah-sekolah"));

        refused.WaitForAssertion(() => Text(refused.Find("[data-testid=dataset-not-found]")).ShouldContain("tidak ditemukan"), Wait);
        refused.FindAll("[data-testid=dataset-versions]").ShouldBeEmpty();
    }

    [Fact]
    public void The_walidata_sees_another_opds_very_late_dataset_without_an_upload_button()
    {
        SignIn(DatasetsHarness.Walidata);
        var walidata = Render<DatasetPage>(p => p.Add(x => x.Code, "kunjungan-puskesmas"));
        walidata.WaitForAssertion(() => walidata.Find("[data-testid=dataset-freshness]").GetAttribute("data-freshness").ShouldBe("very-late"), Wait);
        walidata.FindAll("[data-testid=dataset-upload]").ShouldBeEmpty();
    }
}
