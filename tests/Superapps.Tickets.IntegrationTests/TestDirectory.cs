using Superapps.Organization.Contracts;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// A small organisation for the Tickets module's tests: Diskominfo, a kecamatan with a kelurahan, and an employee in each (with
/// e-mail addresses). Only the reads the Tickets module makes are answered.
/// </summary>
public sealed class TestDirectory : IOrganizationDirectory
{
    public static readonly AgencyProfile Diskominfo = Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika", AgencyKind.Dinas);
    public static readonly AgencyProfile Telanaipura = Agency("KEC-TELANAIPURA", "Kecamatan Telanaipura", AgencyKind.Kecamatan);
    public static readonly AgencyProfile Beringin = Agency("KEL-BERINGIN", "Kelurahan Beringin", AgencyKind.Kelurahan) with { ParentAgencyId = Telanaipura.AgencyId };
    public static readonly AgencyProfile Disdik = Agency("DISDIK", "Dinas Pendidikan", AgencyKind.Dinas);

    public static readonly EmployeeProfile Rina = Employee("Rina Marlina", "rina@kelurahan-beringin.go.id", Beringin);
    public static readonly EmployeeProfile Andi = Employee("Andi Saputra", "andi@diskominfo.go.id", Diskominfo);
    public static readonly EmployeeProfile Sari = Employee("Sari Dewi", "sari@disdik.go.id", Disdik);

    private static readonly IReadOnlyList<AgencyProfile> Agencies = [Diskominfo, Telanaipura, Beringin, Disdik];
    private static readonly IReadOnlyList<EmployeeProfile> Employees = [Rina, Andi, Sari];

    public Task<IReadOnlyList<AgencyProfile>> ListAgenciesAsync(CancellationToken cancellationToken = default) => Task.FromResult(Agencies);

    public Task<AgencyProfile?> GetAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Agencies.FirstOrDefault(a => a.AgencyId == agencyId));

    public Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Employees.FirstOrDefault(e => e.EmployeeId == employeeId));

    public Task<EmployeeProfile?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Task.FromResult(Employees.FirstOrDefault(e => string.Equals(e.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)));

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
        new(Guid.CreateVersion7(), code, name, code, kind, true, "Jalan Contoh 1, Jambi", null, null, null, null, null);

    private static EmployeeProfile Employee(string name, string email, AgencyProfile agency) =>
        new(Guid.CreateVersion7(), null, name, email, agency.AgencyId, agency.Name, true, []);
}
