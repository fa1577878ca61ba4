using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Validation;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>The demo data list: seeded only when asked, across the demo OPDs, with DISDIK on time, DINKES late and DISHUB very late today.</summary>
public sealed class DemoDatasetsSeederTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_data_list_is_seeded_with_approved_versions_so_that_each_opd_stands_as_the_demo_needs()
    {
        await using var services = await DatasetsHarness.CreateAsync(server, s => s.Configure<DatasetsOptions>(o => o.SeedDemoDatasets = true), seedDemo: true);

        var datasets = await services.ReadAsync(db => db.Datasets.ToListAsync(Ct));
        var versions = await services.ReadAsync(db => db.Versions.ToListAsync(Ct));
        datasets.Count.ShouldBe(10);
        datasets.Select(d => d.ProducerAgencyId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);

        var today = DateOnly.FromDateTime(DatasetsHarness.Now.AddHours(7).DateTime);
        Freshness FreshnessOf(Dataset d)
        {
            var approved = versions.Where(v => v.DatasetId == d.Id && v.Status == VersionStatus.Approved).Select(v => (ReportingPeriod?)ReportingPeriod.Parse(d.Frequency, v.Period)).Max();
            return d.Schedule.FreshnessOn(today, approved, d.Since);
        }

        datasets.Where(d => d.ProducerAgencyId == DatasetsDirectory.Disdik.AgencyId).Select(FreshnessOf).ShouldAllBe(f => f == Freshness.OnTime);
        FreshnessOf(datasets.Single(d => d.Code == "kunjungan-puskesmas")).ShouldBe(Freshness.Late);
        FreshnessOf(datasets.Single(d => d.Code == "volume-lalu-lintas")).ShouldBe(Freshness.VeryLate);
        versions.Where(v => v.Status == VersionStatus.Submitted).ShouldHaveSingleItem().DatasetId.ShouldBe(datasets.Single(d => d.Code == "kunjungan-puskesmas").Id);
        versions.Where(v => v.Status == VersionStatus.Approved).ShouldAllBe(v => v.ReviewedById == DatasetsDirectory.Walidata.EmployeeId && v.UploadedById != v.ReviewedById);

        // Every seeded row parses as its version's columns, as an upload of it would.
        var rows = await services.ReadAsync(db => db.Rows.ToListAsync(Ct));
        rows.Count.ShouldBeGreaterThan(100);
        foreach (var row in rows.Take(500))
        {
            var columns = versions.Single(v => v.Id == row.VersionId).Columns;
            row.Values.Length.ShouldBe(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                ValueParser.Parse(columns[i], new Superapps.Tabular.TabularCell(row.Values[i] ?? string.Empty)).Error.ShouldBeNull();
            }
        }
    }

    [Fact]
    public async Task Without_the_setting_the_data_list_starts_empty_even_with_the_demo_city()
    {
        await using var services = await DatasetsHarness.CreateAsync(server, seedDemo: true);

        (await services.ReadAsync(db => db.Datasets.CountAsync(Ct))).ShouldBe(0);
    }
}
