using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Domain;
using Superapps.SharedKernel;

namespace Superapps.Organization.Features.Administration;

/// <summary>
/// Creating, editing and deactivating OPDs, units, positions, employees and Plt/Plh assignments.
/// Every change is checked against the domain rules and the caller's <see cref="AdminScope"/>, saved whole or not at all,
/// and audited. Rule violations surface as <see cref="DomainRuleException"/> with bilingual messages.
/// </summary>
public sealed class OrganizationAdministration(OrganizationDbContext db, IAuditTrail audit, TimeProvider clock)
{
    private const string Module = OrganizationDbContext.Schema;

    public async Task<Guid> SaveAgencyAsync(AdminScope scope, Guid? id, AgencyInput input, uint? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<UserError>();
        Agency agency;
        if (id is null)
        {
            scope.DemandCityWide();
            agency = Collect(errors, () => new Agency(Guid.CreateVersion7(), input.Code, input.Name, input.ShortName ?? string.Empty, input.Kind, input.ParentId));
            if (agency is null)
            {
                errors.AddRange(Agency.Check(input.Letterhead).Errors);
                throw new DomainRuleException(errors);
            }

            db.Agencies.Add(agency);
        }
        else
        {
            agency = await db.Agencies.FindAsync([id.Value], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.AgencyNotFound);
            scope.Demand(agency.Id);
            ExpectVersion(agency, expectedVersion);
            Collect(errors, () => agency.Update(input.Code, input.Name, input.ShortName ?? string.Empty, input.Kind, input.ParentId));
        }

        // Every error of the form at once: names and letterhead alike.
        Collect(errors, () => agency.SetLetterhead(input.Letterhead));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(errors);
        }

        if (agency.ParentId is { } parentId
            && !await db.Agencies.AnyAsync(a => a.Id == parentId && a.Kind == AgencyKind.Kecamatan && a.IsActive && a.Id != agency.Id, cancellationToken))
        {
            throw new DomainRuleException(OrganizationErrors.ParentMustBeKecamatan);
        }

        if (await db.Agencies.AnyAsync(a => a.Code == agency.Code && a.Id != agency.Id, cancellationToken))
        {
            throw new DomainRuleException(OrganizationErrors.AgencyCodeTaken);
        }

        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, id is null ? "agency.created" : "agency.updated", nameof(Agency), agency.Id.ToString(),
            $"{(id is null ? "OPD ditambahkan" : "OPD diubah")}: {agency.Code} {agency.Name}", input), cancellationToken);
        return agency.Id;
    }

    public async Task SetAgencyActiveAsync(AdminScope scope, Guid id, bool active, CancellationToken cancellationToken = default)
    {
        scope.DemandCityWide();
        var agency = await db.Agencies.FindAsync([id], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.AgencyNotFound);
        if (!active && await db.Employees.AnyAsync(e => e.AgencyId == id && e.IsActive, cancellationToken))
        {
            throw new DomainRuleException(OrganizationErrors.AgencyHasEmployees);
        }

        if (active)
        {
            agency.Activate();
        }
        else
        {
            agency.Deactivate();
        }

        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, active ? "agency.activated" : "agency.deactivated", nameof(Agency), id.ToString(),
            $"OPD {(active ? "diaktifkan" : "dinonaktifkan")}: {agency.Code} {agency.Name}"), cancellationToken);
    }

    public async Task<Guid> SaveUnitAsync(AdminScope scope, Guid? id, UnitInput input, CancellationToken cancellationToken = default)
    {
        scope.Demand(input.AgencyId);
        await RequireActiveAgencyAsync(input.AgencyId, cancellationToken);
        if (input.ParentId is { } parentId && !await db.Units.AnyAsync(u => u.Id == parentId && u.AgencyId == input.AgencyId && u.Id != id, cancellationToken))
        {
            throw new DomainRuleException(OrganizationErrors.UnitNotFound);
        }

        OrganizationUnit unit;
        if (id is null)
        {
            unit = new OrganizationUnit(Guid.CreateVersion7(), input.AgencyId, input.Code, input.Name, input.ParentId);
            db.Units.Add(unit);
        }
        else
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id && u.AgencyId == input.AgencyId, cancellationToken)
                ?? throw new DomainRuleException(OrganizationErrors.UnitNotFound);
            unit.Rename(input.Code, input.Name);
        }

        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, id is null ? "unit.created" : "unit.updated", nameof(OrganizationUnit), unit.Id.ToString(),
            $"Unit kerja {(id is null ? "ditambahkan" : "diubah")}: {unit.Name}", input), cancellationToken);
        return unit.Id;
    }

    /// <summary>Retires a unit; its positions stay (they may move to another unit) but no longer show the unit.</summary>
    public async Task DeactivateUnitAsync(AdminScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.FindAsync([id], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.UnitNotFound);
        scope.Demand(unit.AgencyId);
        unit.Deactivate();
        foreach (var position in await db.Positions.Where(p => p.UnitId == id).ToListAsync(cancellationToken))
        {
            position.MoveTo(position.AgencyId, null, position.Level, position.IsHeadOfAgency);
        }

        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, "unit.deactivated", nameof(OrganizationUnit), id.ToString(), $"Unit kerja dinonaktifkan: {unit.Name}"), cancellationToken);
    }

    public async Task<Guid> SavePositionAsync(AdminScope scope, Guid? id, PositionInput input, uint? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        scope.Demand(input.AgencyId);
        await RequireActiveAgencyAsync(input.AgencyId, cancellationToken);
        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.AgencyId == input.AgencyId, cancellationToken))
        {
            throw new DomainRuleException(OrganizationErrors.UnitNotFound);
        }

        Position position;
        if (id is null)
        {
            position = new Position(Guid.CreateVersion7(), input.AgencyId, input.UnitId, input.Title, input.Level, reportsToId: null, input.IsHeadOfAgency);
            db.Positions.Add(position);
        }
        else
        {
            position = await db.Positions.FindAsync([id.Value], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.PositionNotFound);
            scope.Demand(position.AgencyId);
            ExpectVersion(position, expectedVersion);
            position.Rename(input.Title);
            position.MoveTo(input.AgencyId, input.UnitId, input.Level, input.IsHeadOfAgency);
        }

        Position? superior = null;
        if (input.ReportsToId is { } superiorId)
        {
            superior = await db.Positions.FirstOrDefaultAsync(p => p.Id == superiorId && p.IsActive, cancellationToken)
                ?? throw new DomainRuleException(OrganizationErrors.PositionNotFound with { Field = "reportsTo" });
        }

        var reportsTo = await db.Positions.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ReportsToId, cancellationToken);
        Hierarchy.CheckReportsTo(position, superior, reportsTo);
        position.ReportTo(input.ReportsToId);

        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, id is null ? "position.created" : "position.updated", nameof(Position), position.Id.ToString(),
            $"Jabatan {(id is null ? "ditambahkan" : "diubah")}: {position.Title}", input), cancellationToken);
        return position.Id;
    }

    /// <summary>Retires a position: its holder keeps their employment but no longer holds it; open Plt/Plh assignments end.</summary>
    public async Task DeactivatePositionAsync(AdminScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        var position = await db.Positions.FindAsync([id], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.PositionNotFound);
        scope.Demand(position.AgencyId);
        if (await db.Positions.AnyAsync(p => p.ReportsToId == id && p.IsActive, cancellationToken))
        {
            throw new DomainRuleException(OrganizationErrors.PositionHasSubordinates);
        }

        position.Deactivate();
        foreach (var holder in await db.Employees.Where(e => e.PositionId == id).ToListAsync(cancellationToken))
        {
            holder.AssignPosition(null);
        }

        var today = Today();
        foreach (var acting in await db.ActingAssignments.Where(a => a.PositionId == id && !a.IsCancelled && a.End >= today).ToListAsync(cancellationToken))
        {
            acting.Cancel();
        }

        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, "position.deactivated", nameof(Position), id.ToString(), $"Jabatan dinonaktifkan: {position.Title}"), cancellationToken);
    }

    public async Task<Guid> SaveEmployeeAsync(AdminScope scope, Guid? id, EmployeeInput input, uint? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        scope.Demand(input.AgencyId);
        await RequireActiveAgencyAsync(input.AgencyId, cancellationToken);
        var errors = new List<UserError>();
        Nip? nip = null;
        if (!string.IsNullOrWhiteSpace(input.Nip))
        {
            if (Nip.TryParse(input.Nip, out var parsed, out var nipError))
            {
                nip = parsed;
            }
            else
            {
                errors.Add(nipError!);
            }
        }
        else if (string.IsNullOrWhiteSpace(input.Email))
        {
            // Only elected officials have no NIP, and they sign in with their e-mail address.
            errors.Add(Nip.Errors.NipFormat);
        }

        Employee employee;
        if (id is null)
        {
            employee = Collect(errors, () => new Employee(Guid.CreateVersion7(), nip, input.Name, input.AgencyId));
            if (employee is null)
            {
                throw new DomainRuleException(errors);
            }
        }
        else
        {
            employee = await db.Employees.FindAsync([id.Value], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.EmployeeNotFound);
            scope.Demand(employee.AgencyId);
            ExpectVersion(employee, expectedVersion);
            Collect(errors, () => employee.Rename(input.Name));
            if (nip is not null)
            {
                employee.ChangeNip(nip);
            }
        }

        Collect(errors, () => employee.SetNik(input.Nik));
        Collect(errors, () => employee.SetEmail(input.Email));
        Collect(errors, () => employee.SetRank(input.Rank, input.Grade));
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        employee.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        employee.MoveToAgency(input.AgencyId);
        if (employee.Nip is { } value && await db.Employees.AnyAsync(e => e.Nip == value && e.Id != employee.Id, cancellationToken))
        {
            errors.Add(OrganizationErrors.NipTaken);
        }

        if (employee.Email is { } email && await db.Employees.AnyAsync(e => e.Email == email && e.Id != employee.Id, cancellationToken))
        {
            errors.Add(OrganizationErrors.EmailTaken);
        }

        if (input.PositionId is { } positionId && positionId != employee.PositionId)
        {
            var position = await db.Positions.FindAsync([positionId], cancellationToken);
            if (position is null || !position.IsActive)
            {
                errors.Add(OrganizationErrors.PositionInactive);
            }
            else if (position.AgencyId != input.AgencyId && position.Level > PositionLevel.Sekda)
            {
                errors.Add(OrganizationErrors.PositionOtherAgency);
            }
            else if (await db.Employees.AnyAsync(e => e.PositionId == positionId && e.Id != employee.Id, cancellationToken))
            {
                errors.Add(OrganizationErrors.PositionTaken);
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        if (id is null)
        {
            db.Employees.Add(employee);
        }

        employee.AssignPosition(input.PositionId);
        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, id is null ? "employee.created" : "employee.updated", nameof(Employee), employee.Id.ToString(),
            $"Pegawai {(id is null ? "ditambahkan" : "diubah")}: {employee.Name} ({employee.Nip ?? employee.Email})",
            input with { Nik = input.Nik is null ? null : "****" }), cancellationToken);
        return employee.Id;
    }

    /// <summary>Deactivating an employee (retired, moved away) vacates their position and ends their Plt/Plh assignments.</summary>
    public async Task SetEmployeeActiveAsync(AdminScope scope, Guid id, bool active, CancellationToken cancellationToken = default)
    {
        var employee = await db.Employees.FindAsync([id], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.EmployeeNotFound);
        scope.Demand(employee.AgencyId);
        if (active)
        {
            employee.Activate();
        }
        else
        {
            employee.Deactivate();
            var today = Today();
            foreach (var acting in await db.ActingAssignments.Where(a => a.EmployeeId == id && !a.IsCancelled && a.End >= today).ToListAsync(cancellationToken))
            {
                acting.Cancel();
            }
        }

        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, active ? "employee.activated" : "employee.deactivated", nameof(Employee), id.ToString(),
            $"Pegawai {(active ? "diaktifkan" : "dinonaktifkan")}: {employee.Name}"), cancellationToken);
    }

    public async Task<Guid> AssignActingAsync(AdminScope scope, ActingInput input, CancellationToken cancellationToken = default)
    {
        var target = await db.Positions.FindAsync([input.PositionId], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.PositionNotFound);
        scope.Demand(target.AgencyId);
        if (!target.IsActive)
        {
            throw new DomainRuleException(OrganizationErrors.PositionInactive);
        }

        var employee = await db.Employees.FindAsync([input.EmployeeId], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.EmployeeNotFound);
        if (!employee.IsActive)
        {
            throw new DomainRuleException(OrganizationErrors.EmployeeInactive);
        }

        PositionLevel? holderLevel = employee.PositionId is { } own
            ? await db.Positions.Where(p => p.Id == own).Select(p => (PositionLevel?)p.Level).FirstOrDefaultAsync(cancellationToken)
            : null;
        var holderId = await db.Employees.Where(e => e.PositionId == target.Id && e.IsActive).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        var existing = await db.ActingAssignments.Where(a => a.PositionId == target.Id && !a.IsCancelled).ToListAsync(cancellationToken);
        var assignment = ActingAssignment.Create(Guid.CreateVersion7(), employee.Id, holderLevel, target, holderId, input.Kind,
            input.Start, input.End, input.DecreeNumber, existing);
        db.ActingAssignments.Add(assignment);
        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, "acting.assigned", nameof(ActingAssignment), assignment.Id.ToString(),
            $"{input.Kind}. {target.Title}: {employee.Name}, {input.Start:dd-MM-yyyy} s.d. {input.End:dd-MM-yyyy}", input), cancellationToken);
        return assignment.Id;
    }

    public async Task CancelActingAsync(AdminScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        var assignment = await db.ActingAssignments.FindAsync([id], cancellationToken) ?? throw new DomainRuleException(OrganizationErrors.ActingNotFound);
        var agencyId = await db.Positions.Where(p => p.Id == assignment.PositionId).Select(p => p.AgencyId).FirstAsync(cancellationToken);
        scope.Demand(agencyId);
        assignment.Cancel();
        await SaveAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(Module, "acting.cancelled", nameof(ActingAssignment), id.ToString(),
            $"Penugasan {assignment.Kind} dibatalkan"), cancellationToken);
    }

    private DateOnly Today() => Wib.Today(clock);

    private async Task RequireActiveAgencyAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, cancellationToken))
        {
            throw new DomainRuleException(OrganizationErrors.AgencyInactive);
        }
    }

    private void ExpectVersion<T>(T entity, uint? expectedVersion)
        where T : class
    {
        if (expectedVersion is { } version)
        {
            db.Entry(entity).Property("Version").OriginalValue = version;
        }
    }

    private static T Collect<T>(List<UserError> errors, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DomainRuleException ex)
        {
            errors.AddRange(ex.Errors);
            return default!;
        }
    }

    private static void Collect(List<UserError> errors, Action action)
    {
        try
        {
            action();
        }
        catch (DomainRuleException ex)
        {
            errors.AddRange(ex.Errors);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException(OrganizationErrors.Concurrency);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // A race with another administrator: the unique indexes are the last word.
            db.ChangeTracker.Clear();
            throw new DomainRuleException(unique.ConstraintName switch
            {
                { } name when name.Contains("nip", StringComparison.Ordinal) => OrganizationErrors.NipTaken,
                { } name when name.Contains("email", StringComparison.Ordinal) => OrganizationErrors.EmailTaken,
                { } name when name.Contains("position", StringComparison.Ordinal) => OrganizationErrors.PositionTaken,
                _ => OrganizationErrors.AgencyCodeTaken,
            });
        }
    }
}
