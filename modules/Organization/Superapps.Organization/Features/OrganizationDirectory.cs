using Microsoft.EntityFrameworkCore;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Domain;
using Superapps.SharedKernel;

namespace Superapps.Organization.Features;

/// <summary>The <see cref="IOrganizationDirectory"/> facade over the module's own tables.</summary>
/// <remarks>Every call reads through a context of its own: the directory is read by every module and, in a Blazor circuit, by
/// several components at once, and one context must never run two queries at the same time.</remarks>
internal sealed class OrganizationDirectory(IDbContextFactory<OrganizationDbContext> contexts, TimeProvider clock) : IOrganizationDirectory
{
    public async Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId, cancellationToken);
        return employee is null ? null : (await ProfilesAsync(db, [employee], cancellationToken))[0];
    }

    public async Task<EmployeeProfile?> FindByNipAsync(string nip, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var value = nip.Replace(" ", string.Empty, StringComparison.Ordinal);
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Nip == value, cancellationToken);
        return employee is null ? null : (await ProfilesAsync(db, [employee], cancellationToken))[0];
    }

    public async Task<EmployeeProfile?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Addresses are stored in lower case (Employee.SetEmail).
        var value = email.Trim().ToLowerInvariant();
        if (value.Length == 0)
        {
            return null;
        }

        var employees = await db.Employees.AsNoTracking().Where(e => e.Email == value && e.IsActive).Take(2).ToListAsync(cancellationToken);
        return employees.Count == 1 ? (await ProfilesAsync(db, employees, cancellationToken))[0] : null;
    }

    public async Task<bool> IsBelowAsync(Guid superiorPositionId, Guid subordinatePositionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reportsTo = await db.Positions.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ReportsToId, cancellationToken);
        return Hierarchy.IsBelow(superiorPositionId, subordinatePositionId, reportsTo);
    }

    public async Task<PositionInfo?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var position = await db.Positions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == positionId, cancellationToken);
        if (position is null)
        {
            return null;
        }

        var today = Wib.Today(clock);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == position.AgencyId).Select(a => a.Name).FirstAsync(cancellationToken);
        var holders = await db.Employees.AsNoTracking().Where(e => e.PositionId == positionId && e.IsActive)
            .Select(e => new PositionHolder(e.Id, e.Name, HoldingKind.Definitive, e.Nip, e.Rank, e.Grade)).ToListAsync(cancellationToken);
        var acting = await (
            from a in db.ActingAssignments.AsNoTracking()
            where a.PositionId == positionId && !a.IsCancelled && a.Start <= today && a.End >= today
            join e in db.Employees on a.EmployeeId equals e.Id
            where e.IsActive
            select new { e.Id, e.Name, a.Kind, e.Nip, e.Rank, e.Grade }).ToListAsync(cancellationToken);
        holders.AddRange(acting.Select(a => new PositionHolder(a.Id, a.Name, a.Kind, a.Nip, a.Rank, a.Grade)));
        return new PositionInfo(position.Id, position.Title, position.Level, position.AgencyId, agency, position.IsHeadOfAgency, position.IsActive, holders);
    }

    public async Task<IReadOnlyList<PositionInfo>> SearchPositionsBelowAsync(Guid positionId, string? text, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var positions = await db.Positions.AsNoTracking().Where(p => p.IsActive).ToListAsync(cancellationToken);
        var children = positions.ToLookup(p => p.ReportsToId);
        var below = new List<(Position Position, int Depth)>();
        var queue = new Queue<(Guid Id, int Depth)>([(positionId, 0)]);
        var seen = new HashSet<Guid> { positionId };
        while (queue.Count > 0)
        {
            var (id, depth) = queue.Dequeue();
            foreach (var child in children[id].Where(c => seen.Add(c.Id)))
            {
                below.Add((child, depth + 1));
                queue.Enqueue((child.Id, depth + 1));
            }
        }

        var infos = await InfosAsync(db, [.. below.Select(b => b.Position)], cancellationToken);
        var depthOf = below.ToDictionary(b => b.Position.Id, b => b.Depth);
        var needle = text?.Trim();
        return [.. infos
            .Where(i => string.IsNullOrEmpty(needle) || i.Title.Contains(needle, StringComparison.OrdinalIgnoreCase)
                || i.AgencyName.Contains(needle, StringComparison.OrdinalIgnoreCase)
                || i.Holders.Any(h => h.Name.Contains(needle, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(i => depthOf[i.PositionId]).ThenBy(i => i.Level).ThenBy(i => i.Title)
            .Take(Math.Clamp(take, 1, 200))];
    }

    public async Task<IReadOnlyList<PositionInfo>> ListAgencyPositionsAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var positions = await db.Positions.AsNoTracking().Where(p => p.AgencyId == agencyId && p.IsActive).ToListAsync(cancellationToken);
        return [.. (await InfosAsync(db, positions, cancellationToken)).OrderBy(i => i.Level).ThenBy(i => i.Title)];
    }

    public async Task<IReadOnlyList<PositionInfo>> ListAgencyHeadsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var heads = await db.Positions.AsNoTracking().Where(p => p.IsHeadOfAgency && p.IsActive).ToListAsync(cancellationToken);
        return [.. (await InfosAsync(db, heads, cancellationToken)).OrderBy(i => i.AgencyName).ThenBy(i => i.Title)];
    }

    private async Task<List<PositionInfo>> InfosAsync(OrganizationDbContext db, IReadOnlyList<Position> positions, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var ids = positions.Select(p => p.Id).ToList();
        var agencyIds = positions.Select(p => p.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var holders = await db.Employees.AsNoTracking().Where(e => e.PositionId != null && ids.Contains(e.PositionId.Value) && e.IsActive)
            .Select(e => new { PositionId = e.PositionId!.Value, e.Id, e.Name, e.Nip, e.Rank, e.Grade }).ToListAsync(cancellationToken);
        var acting = await (
            from a in db.ActingAssignments.AsNoTracking()
            where ids.Contains(a.PositionId) && !a.IsCancelled && a.Start <= today && a.End >= today
            join e in db.Employees on a.EmployeeId equals e.Id
            where e.IsActive
            select new { a.PositionId, e.Id, e.Name, a.Kind, e.Nip, e.Rank, e.Grade }).ToListAsync(cancellationToken);
        return [.. positions.Select(p => new PositionInfo(p.Id, p.Title, p.Level, p.AgencyId, agencies[p.AgencyId], p.IsHeadOfAgency, p.IsActive,
            [.. holders.Where(h => h.PositionId == p.Id).Select(h => new PositionHolder(h.Id, h.Name, HoldingKind.Definitive, h.Nip, h.Rank, h.Grade))
                .Concat(acting.Where(a => a.PositionId == p.Id).Select(a => new PositionHolder(a.Id, a.Name, a.Kind, a.Nip, a.Rank, a.Grade)))]))];
    }

    public async Task<IReadOnlyList<EmployeeProfile>> ListActiveEmployeesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var employees = await db.Employees.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name).ToListAsync(cancellationToken);
        return await ProfilesAsync(db, employees, cancellationToken);
    }

    public async Task<AgencyProfile?> GetAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
        return agency is null ? null : Profile(agency);
    }

    public async Task<IReadOnlyList<AgencyProfile>> ListAgenciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken)).Select(Profile)];
    }

    private static AgencyProfile Profile(Agency a) =>
        new(a.Id, a.Code, a.Name, a.ShortName, a.Kind, a.IsActive, a.Address, a.PostalCode, a.Telephone, a.Fax, a.Email, a.Website, a.ParentId);

    private async Task<IReadOnlyList<EmployeeProfile>> ProfilesAsync(OrganizationDbContext db, IReadOnlyList<Employee> employees, CancellationToken cancellationToken)
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
            return new EmployeeProfile(e.Id, e.Nip, e.Name, e.Email, e.AgencyId, agencies[e.AgencyId], e.IsActive, held, e.Rank, e.Grade);
        }).ToList();
    }
}
