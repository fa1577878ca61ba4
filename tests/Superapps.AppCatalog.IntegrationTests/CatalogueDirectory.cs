using Superapps.Organization.Contracts;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>A small organisation for the catalogue's tests: the OPDs that own apps. Only the reads the catalogue makes are answered.</summary>
public sealed class CatalogueDirectory : IOrganizationDirectory
{
    public static readonly AgencyProfile Diskominfo = Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika");
    public static readonly AgencyProfile Bkpsdm = Agency("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia");
    public static readonly AgencyProfile Disdik = Agency("DISDIK", "Dinas Pendidikan");
    public static readonly AgencyProfile Dinkes = Agency("DINKES", "Dinas Kesehatan");
    public static readonly AgencyProfile Setda = Agency("SETDA", "Sekretariat Daerah");

    private static readonly IReadOnlyList<AgencyProfile> Agencies = [Diskominfo, Bkpsdm, Disdik, Dinkes, Setda];

    public Task<IReadOnlyList<AgencyProfile>> ListAgenciesAsync(CancellationToken cancellationToken = default) => Task.FromResult(Agencies);

    public Task<AgencyProfile?> GetAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Agencies.FirstOrDefault(a => a.AgencyId == agencyId));

    public Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default) => Task.FromResult<EmployeeProfile?>(null);

    public Task<EmployeeProfile?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => Task.FromResult<EmployeeProfile?>(null);

    public Task<EmployeeProfile?> FindByNipAsync(string nip, CancellationToken cancellationToken = default) => Task.FromResult<EmployeeProfile?>(null);

    public Task<bool> IsBelowAsync(Guid superiorPositionId, Guid subordinatePositionId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<PositionInfo?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken = default) => Task.FromResult<PositionInfo?>(null);

    public Task<IReadOnlyList<PositionInfo>> SearchPositionsBelowAsync(Guid positionId, string? text, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([]);

    public Task<IReadOnlyList<PositionInfo>> ListAgencyPositionsAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([]);

    public Task<IReadOnlyList<PositionInfo>> ListAgencyHeadsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PositionInfo>>([]);

    public Task<IReadOnlyList<EmployeeProfile>> ListActiveEmployeesAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<EmployeeProfile>>([]);

    private static AgencyProfile Agency(string code, string name) =>
        new(Guid.CreateVersion7(), code, name, code, AgencyKind.Dinas, true, "Jalan Contoh 1, Kota Demo", null, null, null, null, null);
}
