using Microsoft.EntityFrameworkCore;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.SharedKernel;

namespace Superapps.Organization.Features.Administration;

/// <summary>Reads behind the administration pages: OPD lists and details, employee details, Plt/Plh assignments, pickers.</summary>
public sealed class AdministrationQueries(OrganizationDbContext db, TimeProvider clock)
{
    public async Task<Page<AgencyRow>> SearchAgenciesAsync(AgencySearch search, CancellationToken cancellationToken = default)
    {
        var query = from a in db.Agencies.AsNoTracking()
                    join p in db.Agencies on a.ParentId equals p.Id into parents
                    from p in parents.DefaultIfEmpty()
                    select new { a, Parent = p == null ? null : p.Name };
        if (!search.IncludeInactive)
        {
            query = query.Where(x => x.a.IsActive);
        }

        if (search.Kind is { } kind)
        {
            query = query.Where(x => x.a.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var pattern = Like(search.Text);
            query = query.Where(x => EF.Functions.ILike(x.a.Name, pattern) || EF.Functions.ILike(x.a.Code, pattern) || EF.Functions.ILike(x.a.ShortName, pattern));
        }

        var total = await query.CountAsync(cancellationToken);
        query = (search.SortBy, search.Descending) switch
        {
            ("code", false) => query.OrderBy(x => x.a.Code),
            ("code", true) => query.OrderByDescending(x => x.a.Code),
            ("kind", false) => query.OrderBy(x => x.a.Kind).ThenBy(x => x.a.Name),
            ("kind", true) => query.OrderByDescending(x => x.a.Kind).ThenBy(x => x.a.Name),
            (_, true) => query.OrderByDescending(x => x.a.Name),
            _ => query.OrderBy(x => x.a.Name),
        };
        var size = Math.Clamp(search.PageSize, 1, 100);
        var items = await query.Skip(Math.Max(0, search.Page) * size).Take(size)
            .Select(x => new AgencyRow(x.a.Id, x.a.Code, x.a.Name, x.a.Kind, x.Parent,
                db.Employees.Count(e => e.AgencyId == x.a.Id && e.IsActive), x.a.IsActive))
            .ToListAsync(cancellationToken);
        return new Page<AgencyRow>(items, total);
    }

    public Task<List<AgencyOption>> ListAgenciesAsync(CancellationToken cancellationToken = default) =>
        db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Code, a.Name, a.Kind)).ToListAsync(cancellationToken);

    public async Task<AgencyDetail?> GetAgencyAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null)
        {
            return null;
        }

        var today = Wib.Today(clock);
        var units = await db.Units.AsNoTracking().Where(u => u.AgencyId == id && u.IsActive).OrderBy(u => u.Code)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.ParentId)).ToListAsync(cancellationToken);
        var positions = await (
            from p in db.Positions.AsNoTracking()
            where p.AgencyId == id && p.IsActive
            join s in db.Positions on p.ReportsToId equals s.Id into superiors
            from s in superiors.DefaultIfEmpty()
            join u in db.Units on p.UnitId equals u.Id into units2
            from u in units2.DefaultIfEmpty()
            orderby p.Level, p.Title
            select new PositionRow(p.Id, p.Title, p.Level, p.UnitId, u == null ? null : u.Name, p.ReportsToId, s == null ? null : s.Title, p.IsHeadOfAgency,
                db.Employees.Where(e => e.PositionId == p.Id && e.IsActive).Select(e => e.Name).FirstOrDefault(),
                db.ActingAssignments.Where(x => x.PositionId == p.Id && !x.IsCancelled && x.Start <= today && x.End >= today)
                    .Join(db.Employees, x => x.EmployeeId, e => e.Id, (x, e) => (x.Kind == HoldingKind.Plt ? "Plt. " : "Plh. ") + e.Name).FirstOrDefault(),
                p.Version)).ToListAsync(cancellationToken);
        return new AgencyDetail(agency.Id, agency.Code, agency.Name, agency.ShortName, agency.Kind, agency.ParentId, agency.Address, agency.IsActive,
            agency.Version, units, positions)
        {
            PostalCode = agency.PostalCode,
            Telephone = agency.Telephone,
            Fax = agency.Fax,
            Email = agency.Email,
            Website = agency.Website,
        };
    }

    public async Task<EmployeeDetail?> GetEmployeeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await (
            from e in db.Employees.AsNoTracking()
            where e.Id == id
            join a in db.Agencies on e.AgencyId equals a.Id
            join p in db.Positions on e.PositionId equals p.Id into held
            from p in held.DefaultIfEmpty()
            select new { e, Agency = a.Name, Position = p == null ? null : p.Title }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var acting = (await Acting(db.ActingAssignments.Where(x => x.EmployeeId == id)).ToListAsync(cancellationToken)).OrderByDescending(x => x.Start).ToList();
        return new EmployeeDetail(row.e.Id, row.e.Nip, row.e.Nik, row.e.Name, row.e.Email, row.e.Phone, row.e.AgencyId, row.Agency,
            row.e.PositionId, row.Position, row.e.IsActive, row.e.Version, acting)
        {
            Rank = row.e.Rank,
            Grade = row.e.Grade,
        };
    }

    /// <summary>Plt/Plh assignments that are running or still to come, within the scope's OPD when it has one.</summary>
    public async Task<List<ActingRow>> ListCurrentActingAsync(AdminScope scope, CancellationToken cancellationToken = default)
    {
        var today = Wib.Today(clock);
        var source = db.ActingAssignments.Where(x => !x.IsCancelled && x.End >= today);
        if (!scope.CityWide)
        {
            source = source.Where(x => db.Positions.Any(p => p.Id == x.PositionId && p.AgencyId == scope.AgencyId));
        }

        return [.. (await Acting(source).ToListAsync(cancellationToken)).OrderBy(x => x.Start).ThenBy(x => x.Position)];
    }

    /// <summary>Active positions matching a title, for pickers; optionally within one OPD and optionally vacant only.</summary>
    public async Task<List<PositionOption>> SearchPositionsAsync(string? text, Guid? agencyId, bool vacantOnly, CancellationToken cancellationToken = default)
    {
        var query = from p in db.Positions.AsNoTracking()
                    where p.IsActive
                    join a in db.Agencies on p.AgencyId equals a.Id
                    select new { p, Agency = a.ShortName, Holder = db.Employees.Where(e => e.PositionId == p.Id && e.IsActive).Select(e => e.Name).FirstOrDefault() };
        if (agencyId is { } id)
        {
            query = query.Where(x => x.p.AgencyId == id || x.p.Level <= PositionLevel.Sekda);
        }

        if (vacantOnly)
        {
            query = query.Where(x => x.Holder == null);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = Like(text);
            query = query.Where(x => EF.Functions.ILike(x.p.Title, pattern) || EF.Functions.ILike(x.Agency, pattern));
        }

        return await query.OrderBy(x => x.p.Level).ThenBy(x => x.p.Title).Take(30)
            .Select(x => new PositionOption(x.p.Id, x.p.Title, x.Agency, x.p.Level, x.Holder)).ToListAsync(cancellationToken);
    }

    private IQueryable<ActingRow> Acting(IQueryable<Domain.ActingAssignment> source) =>
        from x in source.AsNoTracking()
        join e in db.Employees on x.EmployeeId equals e.Id
        join p in db.Positions on x.PositionId equals p.Id
        join a in db.Agencies on p.AgencyId equals a.Id
        select new ActingRow(x.Id, x.EmployeeId, e.Name, x.PositionId, p.Title, p.AgencyId, a.ShortName, x.Kind, x.Start, x.End, x.DecreeNumber, x.IsCancelled);

    private static string Like(string text) => LikePattern.Contains(text);
}

public sealed record AgencySearch(string? Text, AgencyKind? Kind, int Page, int PageSize, string? SortBy, bool Descending, bool IncludeInactive = false);

public sealed record AgencyRow(Guid Id, string Code, string Name, AgencyKind Kind, string? Parent, int Employees, bool IsActive);

public sealed record AgencyOption(Guid Id, string Code, string Name, AgencyKind Kind)
{
    public override string ToString() => $"{Name} ({Code})";
}

public sealed record AgencyDetail(Guid Id, string Code, string Name, string ShortName, AgencyKind Kind, Guid? ParentId, string? Address, bool IsActive, uint Version,
    IReadOnlyList<UnitRow> Units, IReadOnlyList<PositionRow> Positions)
{
    public string? PostalCode { get; init; }

    public string? Telephone { get; init; }

    public string? Fax { get; init; }

    public string? Email { get; init; }

    public string? Website { get; init; }
}

public sealed record UnitRow(Guid Id, string Code, string Name, Guid? ParentId);

public sealed record PositionRow(Guid Id, string Title, PositionLevel Level, Guid? UnitId, string? Unit, Guid? ReportsToId, string? ReportsTo, bool IsHeadOfAgency,
    string? Holder, string? Acting, uint Version);

public sealed record PositionOption(Guid Id, string Title, string Agency, PositionLevel Level, string? Holder)
{
    public override string ToString() => $"{Title} · {Agency}";
}

public sealed record EmployeeDetail(Guid Id, string? Nip, string? Nik, string Name, string? Email, string? Phone, Guid AgencyId, string Agency,
    Guid? PositionId, string? Position, bool IsActive, uint Version, IReadOnlyList<ActingRow> Acting)
{
    /// <summary>Pangkat.</summary>
    public string? Rank { get; init; }

    /// <summary>Golongan.</summary>
    public string? Grade { get; init; }
}

public sealed record ActingRow(Guid Id, Guid EmployeeId, string Employee, Guid PositionId, string Position, Guid AgencyId, string Agency, HoldingKind Kind,
    DateOnly Start, DateOnly End, string? DecreeNumber, bool IsCancelled);
