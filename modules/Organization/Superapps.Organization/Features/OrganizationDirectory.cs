using Microsoft.EntityFrameworkCore;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Domain;
using Superapps.SharedKernel;

namespace Superapps.Organization.Features;

/// <summary>The <see cref="IOrganizationDirectory"/> facade over the module's own tables.</summary>
internal sealed class OrganizationDirectory(OrganizationDbContext db, TimeProvider clock) : IOrganizationDirectory
{
    public async Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId, cancellationToken);
        return employee is null ? null : (await ProfilesAsync([employee], cancellationToken))[0];
    }

    public async Task<EmployeeProfile?> FindByNipAsync(string nip, CancellationToken cancellationToken = default)
    {
        var value = nip.Replace(" ", string.Empty, StringComparison.Ordinal);
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Nip == value, cancellationToken);
        return employee is null ? null : (await ProfilesAsync([employee], cancellationToken))[0];
    }

    public async Task<bool> IsBelowAsync(Guid superiorPositionId, Guid subordinatePositionId, CancellationToken cancellationToken = default)
    {
        var reportsTo = await db.Positions.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ReportsToId, cancellationToken);
        return Hierarchy.IsBelow(superiorPositionId, subordinatePositionId, reportsTo);
    }

    public async Task<PositionInfo?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken = default)
    {
        var position = await db.Positions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == positionId, cancellationToken);
        if (position is null)
        {
            return null;
        }

        var today = Wib.Today(clock);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == position.AgencyId).Select(a => a.Name).FirstAsync(cancellationToken);
        var holders = await db.Employees.AsNoTracking().Where(e => e.PositionId == positionId && e.IsActive)
            .Select(e => new PositionHolder(e.Id, e.Name, HoldingKind.Definitive)).ToListAsync(cancellationToken);
        var acting = await (
            from a in db.ActingAssignments.AsNoTracking()
            where a.PositionId == positionId && !a.IsCancelled && a.Start <= today && a.End >= today
            join e in db.Employees on a.EmployeeId equals e.Id
            where e.IsActive
            select new { e.Id, e.Name, a.Kind }).ToListAsync(cancellationToken);
        holders.AddRange(acting.Select(a => new PositionHolder(a.Id, a.Name, a.Kind)));
        return new PositionInfo(position.Id, position.Title, position.Level, position.AgencyId, agency, position.IsHeadOfAgency, position.IsActive, holders);
    }

    public async Task<IReadOnlyList<EmployeeProfile>> ListActiveEmployeesAsync(CancellationToken cancellationToken = default)
    {
        var employees = await db.Employees.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name).ToListAsync(cancellationToken);
        return await ProfilesAsync(employees, cancellationToken);
    }

    private async Task<IReadOnlyList<EmployeeProfile>> ProfilesAsync(IReadOnlyList<Employee> employees, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var ids = employees.Select(e => e.Id).ToList();
        var acting = await db.ActingAssignments.AsNoTracking()
            .Where(a => ids.Contains(a.EmployeeId) && !a.IsCancelled && a.Start <= today && a.End >= today)
            .ToListAsync(cancellationToken);
        var positionIds = employees.Where(e => e.PositionId is not null).Select(e => e.PositionId!.Value)
            .Concat(acting.Select(a => a.PositionId)).Distinct().ToList();
        var positions = await db.Positions.AsNoTracking().Where(p => positionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var agencyIds = employees.Select(e => e.AgencyId).Concat(positions.Values.Select(p => p.AgencyId)).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        HeldPosition Held(Guid positionId, HoldingKind kind, DateOnly? until)
        {
            var p = positions[positionId];
            return new HeldPosition(p.Id, p.Title, p.Level, p.AgencyId, agencies[p.AgencyId], kind, until);
        }

        return employees.Select(e =>
        {
            var held = new List<HeldPosition>();
            if (e.PositionId is { } own)
            {
                held.Add(Held(own, HoldingKind.Definitive, null));
            }

            held.AddRange(acting.Where(a => a.EmployeeId == e.Id).OrderBy(a => a.Start).Select(a => Held(a.PositionId, a.Kind, a.End)));
            return new EmployeeProfile(e.Id, e.Nip, e.Name, e.Email, e.AgencyId, agencies[e.AgencyId], e.IsActive, held);
        }).ToList();
    }
}
