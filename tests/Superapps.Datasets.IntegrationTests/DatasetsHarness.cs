using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Data;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Access;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>The Datasets module on a fresh database with <see cref="DatasetsDirectory"/> as the organisation, at 2 December 2026, 09:00 WIB.</summary>
public static class DatasetsHarness
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly DataUser Walidata = new(DatasetsDirectory.Walidata.EmployeeId, DatasetsDirectory.Walidata.Name, DatasetsDirectory.Diskominfo.AgencyId,
        IsCustodian: true, IsOperator: true, IsLeader: false);

    public static readonly DataUser DisdikOperator = new(DatasetsDirectory.DisdikOperator.EmployeeId, DatasetsDirectory.DisdikOperator.Name,
        DatasetsDirectory.Disdik.AgencyId, IsCustodian: false, IsOperator: true, IsLeader: false);

    public static readonly DataUser DinkesOperator = new(DatasetsDirectory.DinkesOperator.EmployeeId, DatasetsDirectory.DinkesOperator.Name,
        DatasetsDirectory.Dinkes.AgencyId, IsCustodian: false, IsOperator: true, IsLeader: false);

    public static Task<ModuleServices> CreateAsync(PostgresServer server, Action<IServiceCollection>? configure = null, bool seedDemo = false) =>
        ModuleServices.CreateAsync(server, s =>
        {
            s.AddSingleton<IOrganizationDirectory, DatasetsDirectory>();
            s.AddDatasetsModule();
            configure?.Invoke(s);
        }, seedDemo, new TestClock(Now));

    /// <summary>Jumlah sekolah per kecamatan: DISDIK, monthly, due on the 10th, from January 2026.</summary>
    public static Dataset Schools() => Dataset.Create("jumlah-sekolah", "Jumlah Sekolah per Kecamatan", null, DatasetsDirectory.Disdik.AgencyId,
        DatasetSchema.Create([new("kecamatan", ColumnType.Text, Required: true, Key: true), new("jumlah_sekolah", ColumnType.WholeNumber, Required: true)]),
        new UpdateSchedule(UpdateFrequency.Monthly, 10), new ReportingPeriod(UpdateFrequency.Monthly, 2026, 1), Now);

    public static async Task AddAsync(this ModuleServices services, params Dataset[] datasets)
    {
        await using var db = await services.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>().CreateDbContextAsync();
        db.Datasets.AddRange(datasets);
        await db.SaveChangesAsync();
    }

    public static async Task<T> ReadAsync<T>(this ModuleServices services, Func<DatasetsDbContext, Task<T>> read)
    {
        await using var db = await services.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>().CreateDbContextAsync();
        return await read(db);
    }
}
