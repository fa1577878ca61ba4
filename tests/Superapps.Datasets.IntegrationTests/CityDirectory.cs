using Superapps.Organization.Contracts;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// A small city for the Datasets module's tests: three OPDs with a head position each. Dinas Kesehatan's head position is vacant,
/// held by a Plt. Only the reads the module makes are answered.
/// </summary>
public sealed class CityDirectory : IOrganizationDirectory
{
    public static readonly AgencyProfile Disdik = Agency("DISDIK", "Dinas Pendidikan");
    public static readonly AgencyProfile Dinkes = Agency("DINKES", "Dinas Kesehatan");
    public static readonly AgencyProfile Dukcapil = Agency("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil");

    /// <summary>Kepala Dinas Pendidikan (definitive).</summary>
    public static readonly PositionHolder DisdikHead = new(Guid.Parse("0195d0a0-0000-7000-8000-0000000000a1"), "Dr. Hendra Gunawan", HoldingKind.Definitive);

    /// <summary>Plt. Kepala Dinas Kesehatan: the position has no definitive holder.</summary>
    public static readonly PositionHolder DinkesActingHead = new(Guid.Parse("0195d0a0-0000-7000-8000-0000000000a2"), "dr. Lestari", HoldingKind.Plt);

    public static readonly PositionHolder DukcapilHead = new(Guid.Parse("0195d0a0-0000-7000-8000-0000000000a3"), "Bambang Sutrisno", HoldingKind.Definitive);

    private static readonly IReadOnlyList<AgencyProfile> Agencies = [Disdik, Dinkes, Dukcapil];

    private static readonly IReadOnlyList<PositionInfo> Heads =
    [
        Head(Disdik, "Kepala Dinas Pendidikan", DisdikHead),
        Head(Dinkes, "Kepala Dinas Kesehatan", DinkesActingHead),
        Head(Dukcapil, "Kepala Dinas Kependudukan dan Pencatatan Sipil", DukcapilHead),
    ];

    public Task<IReadOnlyList<AgencyProfile>> ListAgenciesAsync(CancellationToken cancellationToken = default) => Task.FromResult(Agencies);

    public Task<AgencyProfile?> GetAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Agencies.FirstOrDefault(a => a.AgencyId == agencyId));

    public Task<IReadOnlyList<PositionInfo>> ListAgencyPositionsAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([.. Heads.Where(p => p.AgencyId == agencyId)]);

    public Task<IReadOnlyList<PositionInfo>> ListAgencyHeadsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Heads);

    public Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default) => Task.FromResult<EmployeeProfile?>(null);

    public Task<EmployeeProfile?> FindByNipAsync(string nip, CancellationToken cancellationToken = default) => Task.FromResult<EmployeeProfile?>(null);

    public Task<EmployeeProfile?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => Task.FromResult<EmployeeProfile?>(null);

    public Task<bool> IsBelowAsync(Guid superiorPositionId, Guid subordinatePositionId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<PositionInfo?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Heads.FirstOrDefault(p => p.PositionId == positionId));

    public Task<IReadOnlyList<PositionInfo>> SearchPositionsBelowAsync(Guid positionId, string? text, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([]);

    public Task<IReadOnlyList<EmployeeProfile>> ListActiveEmployeesAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<EmployeeProfile>>([]);

    private static AgencyProfile Agency(string code, string name) => new(Guid.CreateVersion7(), code, name, code, AgencyKind.Dinas, true, null, null, null, null, null, null);

    private static PositionInfo Head(AgencyProfile agency, string title, PositionHolder holder) =>
        new(Guid.CreateVersion7(), title, PositionLevel.KepalaOpd, agency.AgencyId, agency.Name, true, true, [holder]);
}
