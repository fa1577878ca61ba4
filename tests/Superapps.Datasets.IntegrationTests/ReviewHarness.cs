using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Access;
using Superapps.Datasets.Features.Uploads;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The Datasets module on a fresh database with its real migrations, <see cref="ReviewDirectory"/> as the organisation and a test
/// clock; datasets are created and uploaded to as the module does it (<see cref="DatasetUploads"/>), ready for review.
/// </summary>
public sealed class ReviewHarness : IAsyncDisposable
{
    public static readonly DataUser Walidata = new(ReviewDirectory.Rina, "Rina (Walidata)", ReviewDirectory.Diskominfo.AgencyId, IsCustodian: true, IsOperator: true, IsLeader: false);
    public static readonly DataUser OtherWalidata = new(ReviewDirectory.Bayu, "Bayu (Walidata)", ReviewDirectory.Diskominfo.AgencyId, IsCustodian: true, IsOperator: true, IsLeader: false);
    public static readonly DataUser Operator = new(ReviewDirectory.Sari, "Sari (Operator Data)", ReviewDirectory.Disdik.AgencyId, IsCustodian: false, IsOperator: true, IsLeader: false);
    public static readonly DataUser OtherOperator = new(ReviewDirectory.Joko, "Joko (Operator Data)", ReviewDirectory.Dukcapil.AgencyId, IsCustodian: false, IsOperator: true, IsLeader: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReviewHarness(ModuleServices services, TestClock clock) => (Services, Clock) = (services, clock);

    public ModuleServices Services { get; }

    public TestClock Clock { get; }

    public RecordingNotifier Notices => Services.Services.GetRequiredService<RecordingNotifier>();

    public IDbContextFactory<DatasetsDbContext> Contexts => Services.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>();

    public static async Task<ReviewHarness> CreateAsync(PostgresServer server)
    {
        // Wednesday 2 December 2026, 09.00 WIB.
        var clock = new TestClock(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        var services = await ModuleServices.CreateAsync(server, s => s.AddDatasetsModule().AddSingleton<IOrganizationDirectory, ReviewDirectory>(), clock: clock);
        return new ReviewHarness(services, clock);
    }

    /// <summary>A service from a scope of its own, as one request or circuit has.</summary>
    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> use)
        where T : notnull
    {
        await using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task RunAsync<T>(Func<T, Task> use)
        where T : notnull
    {
        await using var scope = Services.CreateScope();
        await use(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>A monthly dataset of Dinas Pendidikan (or another producer) with the given columns.</summary>
    public async Task<Dataset> DatasetAsync(string code, IReadOnlyList<DatasetColumn> columns, Guid? producer = null, string title = "Jumlah Siswa SD")
    {
        var dataset = Dataset.Create(code, title, null, producer ?? ReviewDirectory.Disdik.AgencyId, DatasetSchema.Create(columns),
            new UpdateSchedule(UpdateFrequency.Monthly, 10), new ReportingPeriod(UpdateFrequency.Monthly, 2026, 1), Clock.GetUtcNow());
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(Ct);
        return dataset;
    }

    /// <summary>Changes a dataset's columns, as the data list does; versions already uploaded keep theirs.</summary>
    public async Task ChangeColumnsAsync(Guid datasetId, IReadOnlyList<DatasetColumn> columns)
    {
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        var dataset = await db.Datasets.SingleAsync(d => d.Id == datasetId, Ct);
        dataset.Update(dataset.Title, dataset.Description, dataset.ProducerAgencyId, DatasetSchema.Create(columns), dataset.Schedule, Clock.GetUtcNow());
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Uploads a CSV through <see cref="DatasetUploads"/> and returns the new version's id (the file must be valid).</summary>
    public async Task<Guid> UploadAsync(Dataset dataset, string csv, string period = "2026-11", DataUser? uploader = null)
    {
        var result = await RunAsync<DatasetUploads, UploadResult>(async uploads =>
        {
            using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            return await uploads.UploadAsync(dataset.Id, period, file, "data.csv", (uploader ?? Operator).AsUploader()!, cancellationToken: Ct);
        });
        result.Report.Errors.ShouldBeEmpty();
        Clock.Advance(TimeSpan.FromMinutes(5));
        return result.VersionId!.Value;
    }

    public async Task<DatasetVersion> VersionAsync(Guid versionId)
    {
        await using var db = await Contexts.CreateDbContextAsync(Ct);
        return await db.Versions.AsNoTracking().SingleAsync(v => v.Id == versionId, Ct);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
