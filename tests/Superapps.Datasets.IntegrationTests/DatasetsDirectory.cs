using Superapps.Organization.Contracts;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// A small organisation for the Datasets module's tests: Diskominfo with its walidata, and the producing OPDs of the demo data list with
/// a data operator each. Only the reads the Datasets module makes are answered.
/// </summary>
public sealed class DatasetsDirectory : IOrganizationDirectory
{
    public static readonly AgencyProfile Diskominfo = Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika", AgencyKind.Dinas);
    public static readonly AgencyProfile Disdik = Agency("DISDIK", "Dinas Pendidikan", AgencyKind.Dinas);
    public static readonly AgencyProfile Dinkes = Agency("DINKES", "Dinas Kesehatan", AgencyKind.Dinas);
    public static readonly AgencyProfile Disdukcapil = Agency("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.Dinas);
    public static readonly AgencyProfile Dishub = Agency("DISHUB", "Dinas Perhubungan", AgencyKind.Dinas);
    public static readonly AgencyProfile Dinsos = Agency("DINSOS", "Dinas Sosial", AgencyKind.Dinas);
    public static readonly AgencyProfile Telanaipura = Agency("KEC-TELANAIPURA", "Kecamatan Telanaipura", AgencyKind.Kecamatan);
    public static readonly AgencyProfile KotaBaru = Agency("KEC-KOTABARU", "Kecamatan Kota Baru", AgencyKind.Kecamatan);

    public static readonly EmployeeProfile Walidata = Employee("Wulan Sari", Diskominfo, "Statistisi Ahli Muda (Walidata)");
    public static readonly EmployeeProfile DisdikOperator = Employee("Dedi Operator", Disdik, "Pengelola Data (Operator Data)");
    public static readonly EmployeeProfile DinkesOperator = Employee("Nia Operator", Dinkes, "Pengelola Data (Operator Data)");

    private static readonly IReadOnlyList<AgencyProfile> Agencies = [Diskominfo, Disdik, Dinkes, Disdukcapil, Dishub, Dinsos, Telanaipura, KotaBaru];
    private static readonly IReadOnlyList<EmployeeProfile> Employees = [Walidata, DisdikOperator, DinkesOperator];

    public Task<IReadOnlyList<AgencyProfile>> ListAgenciesAsync(CancellationToken cancellationToken = default) => Task.FromResult(Agencies);

    public Task<AgencyProfile?> GetAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Agencies.FirstOrDefault(a => a.AgencyId == agencyId));

    public Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Employees.FirstOrDefault(e => e.EmployeeId == employeeId));

    public Task<EmployeeProfile?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => Task.FromResult<EmployeeProfile?>(null);

    public Task<EmployeeProfile?> FindByNipAsync(string nip, CancellationToken cancellationToken = default) => Task.FromResult<EmployeeProfile?>(null);

    public Task<bool> IsBelowAsync(Guid superiorPositionId, Guid subordinatePositionId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<PositionInfo?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken = default) => Task.FromResult<PositionInfo?>(null);

    public Task<IReadOnlyList<PositionInfo>> SearchPositionsBelowAsync(Guid positionId, string? text, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([]);

    public Task<IReadOnlyList<PositionInfo>> ListAgencyPositionsAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([]);

    public Task<IReadOnlyList<PositionInfo>> ListAgencyHeadsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PositionInfo>>([]);

    public Task<IReadOnlyList<EmployeeProfile>> ListActiveEmployeesAsync(CancellationToken cancellationToken = default) => Task.FromResult(Employees);

    private static AgencyProfile Agency(string code, string name, AgencyKind kind) =>
        new(Guid.CreateVersion7(), code, name, code, kind, true, "Jalan Contoh 1, Kota Demo", null, null, null, null, null);

    private static EmployeeProfile Employee(string name, AgencyProfile agency, string position) =>
        new(Guid.CreateVersion7(), null, name, null, agency.AgencyId, agency.Name, true,
            [new HeldPosition(Guid.CreateVersion7(), position, PositionLevel.Staf, agency.AgencyId, agency.Name, HoldingKind.Definitive, null)]);
}
