using Microsoft.EntityFrameworkCore;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.SharedKernel;

namespace Superapps.Organization.Features;

/// <summary>Reads behind the organisation pages: the chart, one level at a time, and the employee search.</summary>
public sealed class OrganizationQueries(OrganizationDbContext db, TimeProvider clock)
{
    /// <summary>Positions that report to <paramref name="superiorId"/> (the top of the city when null), with who holds them.</summary>
    public async Task<IReadOnlyList<PositionNode>> GetSubordinatesAsync(Guid? superiorId, CancellationToken cancellationToken = default)
    {
        var today = Wib.Today(clock);
        var rows = await (
            from p in db.Positions.AsNoTracking()
            where p.IsActive && p.ReportsToId == superiorId
            join a in db.Agencies on p.AgencyId equals a.Id
            orderby p.Level, a.Kind, a.Name, p.Title
            select new
            {
                p.Id,
                p.Title,
                p.Level,
                Agency = a.ShortName,
                Holder = db.Employees.Where(e => e.PositionId == p.Id && e.IsActive).Select(e => e.Name).FirstOrDefault(),
                Acting = db.ActingAssignments.Where(x => x.PositionId == p.Id && !x.IsCancelled && x.Start <= today && x.End >= today)
                    .Join(db.Employees, x => x.EmployeeId, e => e.Id, (x, e) => new { x.Kind, e.Name }).FirstOrDefault(),
                Children = db.Positions.Count(c => c.ReportsToId == p.Id && c.IsActive),
            }).ToListAsync(cancellationToken);

        return rows.Select(r => new PositionNode(r.Id, r.Title, r.Level, r.Agency, r.Holder,
            r.Acting is null ? null : $"{(r.Acting.Kind == HoldingKind.Plt ? "Plt." : "Plh.")} {r.Acting.Name}", r.Children)).ToList();
    }

    /// <summary>Employees by name, NIP or e-mail, one page at a time, sorted on the server.</summary>
    public async Task<Page<EmployeeRow>> SearchEmployeesAsync(EmployeeSearch search, CancellationToken cancellationToken = default)
    {
        var query = from e in db.Employees.AsNoTracking()
                    join a in db.Agencies on e.AgencyId equals a.Id
                    join p in db.Positions on e.PositionId equals p.Id into held
                    from p in held.DefaultIfEmpty()
                    select new { e, Agency = a.ShortName, Position = p == null ? null : p.Title };

        if (!search.IncludeInactive)
        {
            query = query.Where(x => x.e.IsActive);
        }

        if (search.AgencyId is { } agencyId)
        {
            query = query.Where(x => x.e.AgencyId == agencyId);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            var digits = text.Replace(" ", string.Empty, StringComparison.Ordinal);
            var pattern = LikePattern.Contains(text);
            query = query.Where(x => EF.Functions.ILike(x.e.Name, pattern) || (x.e.Nip != null && x.e.Nip.StartsWith(digits))
                || (x.e.Email != null && EF.Functions.ILike(x.e.Email, pattern)) || EF.Functions.ILike(x.Agency, pattern));
        }

        var total = await query.CountAsync(cancellationToken);
        query = (search.SortBy, search.Descending) switch
        {
            ("nip", false) => query.OrderBy(x => x.e.Nip),
            ("nip", true) => query.OrderByDescending(x => x.e.Nip),
            ("agency", false) => query.OrderBy(x => x.Agency).ThenBy(x => x.e.Name),
            ("agency", true) => query.OrderByDescending(x => x.Agency).ThenBy(x => x.e.Name),
            (_, true) => query.OrderByDescending(x => x.e.Name),
            _ => query.OrderBy(x => x.e.Name),
        };
        var size = Math.Clamp(search.PageSize, 1, 100);
        var items = await query.Skip(Math.Max(0, search.Page) * size).Take(size)
            .Select(x => new EmployeeRow(x.e.Id, x.e.Nip, x.e.Name, x.e.Email, x.Agency, x.Position, x.e.IsActive))
            .ToListAsync(cancellationToken);
        return new Page<EmployeeRow>(items, total);
    }
}

public sealed record PositionNode(Guid Id, string Title, PositionLevel Level, string Agency, string? Holder, string? Acting, int Subordinates);

public sealed record EmployeeRow(Guid Id, string? Nip, string Name, string? Email, string Agency, string? Position, bool IsActive);

public sealed record EmployeeSearch(string? Text, Guid? AgencyId, int Page, int PageSize, string? SortBy, bool Descending, bool IncludeInactive = false);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
