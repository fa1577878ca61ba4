using Superapps.Organization.Contracts;

namespace Superapps.Testing;

/// <summary>
/// The organisation directory of module tests: a fixed organisation given as data (OPDs, employees, positions), answering every read
/// of <see cref="IOrganizationDirectory"/> from it. A test world derives from it with its own data, or builds one with <c>new</c>.
/// </summary>
/// <remarks>No position sits below another (<see cref="IsBelowAsync"/> is false, <see cref="SearchPositionsBelowAsync"/> empty):
/// modules whose tests need the hierarchy use the Organization module itself.</remarks>
public class TestOrganizationDirectory(
    IReadOnlyList<AgencyProfile> agencies,
    IReadOnlyList<EmployeeProfile>? employees = null,
    IReadOnlyList<PositionInfo>? positions = null) : IOrganizationDirectory
{
    private readonly IReadOnlyList<EmployeeProfile> _employees = employees ?? [];
    private readonly IReadOnlyList<PositionInfo> _positions = positions ?? [];

    public Task<IReadOnlyList<AgencyProfile>> ListAgenciesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AgencyProfile>>([.. agencies.Where(a => a.IsActive)]);

    public Task<AgencyProfile?> GetAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(agencies.FirstOrDefault(a => a.AgencyId == agencyId));

    public Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_employees.FirstOrDefault(e => e.EmployeeId == employeeId));

    public Task<EmployeeProfile?> FindByNipAsync(string nip, CancellationToken cancellationToken = default) =>
        Task.FromResult(_employees.FirstOrDefault(e => e.Nip is not null && e.Nip == nip.Trim()));

    public Task<EmployeeProfile?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Task.FromResult(_employees.FirstOrDefault(e => e.IsActive && string.Equals(e.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<EmployeeProfile>> ListActiveEmployeesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EmployeeProfile>>([.. _employees.Where(e => e.IsActive)]);

    public Task<PositionInfo?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_positions.FirstOrDefault(p => p.PositionId == positionId));

    public Task<IReadOnlyList<PositionInfo>> ListAgencyPositionsAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([.. _positions.Where(p => p.AgencyId == agencyId && p.IsActive)]);

    public Task<IReadOnlyList<PositionInfo>> ListAgencyHeadsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([.. _positions.Where(p => p.IsHeadOfAgency && p.IsActive)]);

    public Task<bool> IsBelowAsync(Guid superiorPositionId, Guid subordinatePositionId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<IReadOnlyList<PositionInfo>> SearchPositionsBelowAsync(Guid positionId, string? text, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PositionInfo>>([]);

    /// <summary>An active OPD (or kecamatan, kelurahan) with a new id; the code doubles as its short name.</summary>
    public static AgencyProfile Agency(string code, string name, AgencyKind kind = AgencyKind.Dinas, string? address = null) =>
        new(Guid.CreateVersion7(), code, name, code, kind, true, address, null, null, null, null, null);
}
