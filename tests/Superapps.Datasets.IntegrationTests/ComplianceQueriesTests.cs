using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Compliance;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>The compliance queries on PostgreSQL with the real migrations, for <see cref="SmallCity"/>'s known answers.</summary>
public sealed class ComplianceQueriesTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly ComplianceMonth December = new(2026, 12);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleServices _services = null!;
    private Dictionary<string, Dataset> _datasets = null!;

    public async ValueTask InitializeAsync()
    {
        _services = await ModuleServices.CreateAsync(server, s => s.AddDatasetsModule().AddSingleton<IOrganizationDirectory, CityDirectory>(),
            clock: new TestClock(SmallCity.Now));
        _datasets = await SmallCity.SeedAsync(_services.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>(), Ct);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private async Task<T> QueryAsync<T>(Func<ComplianceQueries, Task<T>> query)
    {
        await using var scope = _services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ComplianceQueries>());
    }

    [Fact]
    public async Task The_city_and_each_opd_are_counted_and_ranked_by_the_rules()
    {
        var report = await QueryAsync(q => q.ReportAsync(December, Ct));

        report.City.ShouldBe(new ComplianceTally(Due: 5, Uploaded: 4, Approved: 3, OnTime: 2, Late: 1, NotYetDue: 1));
        report.City.Percentage.ShouldBe(50.0);
        report.Agencies.Select(a => (a.Rank, a.AgencyName, a.Tally.Percentage)).ShouldBe([
            (1, CityDirectory.Dinkes.Name, (double?)100.0),
            (2, CityDirectory.Disdik.Name, 50.0),
            (3, CityDirectory.Dukcapil.Name, 0.0),
        ]);
        report.Agencies[1].Tally.ShouldBe(new ComplianceTally(Due: 2, Uploaded: 2, Approved: 1, OnTime: 1, Late: 1, NotYetDue: 0));
        report.Due.Select(d => d.Code).ShouldNotContain("kelahiran");
        report.Due.Select(d => d.Code).ShouldNotContain("data-lama");
        report.Due.Single(d => d.Code == "jumlah-penduduk").Status.ShouldBe(DueStatus.ApprovedLate);
    }

    [Fact]
    public async Task The_trend_covers_twelve_months_with_nothing_judged_before_the_first_required_period()
    {
        var report = await QueryAsync(q => q.ReportAsync(December, Ct));

        report.Trend.Count.ShouldBe(12);
        report.Trend[0].Month.ShouldBe(new ComplianceMonth(2026, 1));
        report.Trend.Take(9).ShouldAllBe(p => p.Tally.Due == 0 && p.Tally.Percentage == null);
        report.Trend[9].Tally.ShouldBe(new ComplianceTally(Due: 1, Uploaded: 0, Approved: 0, OnTime: 0, Late: 1, NotYetDue: 0), "the third quarter, due in October");
        report.Trend[10].Tally.ShouldBe(new ComplianceTally(Due: 5, Uploaded: 0, Approved: 0, OnTime: 0, Late: 5, NotYetDue: 0));
        report.Trend[11].Tally.Percentage.ShouldBe(50.0);
    }

    [Fact]
    public async Task The_drill_down_lists_the_opds_datasets_late_first_with_their_freshness()
    {
        var detail = await QueryAsync(q => q.AgencyAsync(CityDirectory.Disdik.AgencyId, December, Ct));

        detail.AgencyName.ShouldBe(CityDirectory.Disdik.Name);
        detail.Datasets.Select(d => (d.Code, d.Due?.Status, d.Freshness)).ShouldBe([
            ("jumlah-guru", (DueStatus?)DueStatus.Late, Freshness.VeryLate),
            ("jumlah-sekolah", DueStatus.OnTime, Freshness.OnTime),
        ]);
        detail.Datasets[0].Due!.Uploaded.ShouldBeTrue();
        detail.Trend[^1].Tally.Percentage.ShouldBe(50.0);

        var dukcapil = await QueryAsync(q => q.AgencyAsync(CityDirectory.Dukcapil.AgencyId, December, Ct));
        dukcapil.Datasets.Select(d => (d.Code, d.Due is null)).ShouldBe([("jumlah-penduduk", false), ("kelahiran", true)]);
        dukcapil.Datasets[1].Freshness.ShouldBe(Freshness.VeryLate);
    }

    [Fact]
    public async Task An_approval_after_the_due_date_of_an_upload_before_it_turns_late_into_on_time()
    {
        var guru = _datasets["jumlah-guru"];
        await using (var db = await _services.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>().CreateDbContextAsync(Ct))
        {
            var again = SmallCity.Version(guru, "2026-11", 2, SmallCity.At(12, 10, 23));
            again.Approve(SmallCity.Walidata, "Walidata", null, SmallCity.At(12, 14, 9));
            db.Versions.Add(again);
            await db.SaveChangesAsync(Ct);
        }

        var report = await QueryAsync(q => q.ReportAsync(December, Ct));

        report.Due.Single(d => d.Code == "jumlah-guru").Status.ShouldBe(DueStatus.OnTime);
        report.Agencies.Select(a => (a.AgencyName, a.Tally.Percentage)).Take(2).ShouldBe([(CityDirectory.Dinkes.Name, (double?)100.0), (CityDirectory.Disdik.Name, 100.0)],
            "a tie at 100 % goes by name");
    }
}
