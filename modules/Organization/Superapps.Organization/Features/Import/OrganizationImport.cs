using Microsoft.EntityFrameworkCore;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Domain;
using Superapps.Organization.Features.Administration;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Organization.Features.Import;

/// <summary>What an import file holds.</summary>
public enum ImportKind
{
    Agencies,
    Positions,
    Employees,
}

/// <summary>
/// The outcome of an import: either every row was saved, or none was and <see cref="Errors"/> says why, by row and column.
/// Row 0 stands for the file as a whole (wrong type, wrong columns, unreadable).
/// </summary>
public sealed record ImportResult(ImportKind Kind, int Rows, int Created, int Updated, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult FileError(ImportKind kind, UserError error) => new(kind, 0, 0, 0, [new RowError(0, null, error)]);
}

/// <summary>
/// Imports OPDs, positions and employees from CSV or XLSX. Rows are matched to what exists (OPD by code, position by OPD and title,
/// employee by NIP) and updated, or created. All rows are checked first; one bad row rejects the whole file, so nothing is half-imported.
/// </summary>
public sealed class OrganizationImport(OrganizationDbContext db, IAuditTrail audit)
{
    /// <summary>The largest file accepted, in bytes.</summary>
    public const long MaximumBytes = 10 * 1024 * 1024;

    public const int MaximumRows = 20_000;

    public static IReadOnlyList<ColumnSpec> ColumnsOf(ImportKind kind) => kind switch
    {
        ImportKind.Agencies => [new("kode"), new("nama"), new("singkatan", false), new("jenis"), new("induk", false), new("alamat", false),
            new("kode_pos", false, "kodepos"), new("telepon", false), new("faksimile", false, "fax", "faks"), new("email", false, "e-mail", "pos-el"),
            new("laman", false, "website", "situs")],
        ImportKind.Positions => [new("kode_opd"), new("jabatan"), new("tingkat"), new("unit", false), new("atasan_kode_opd", false),
            new("atasan_jabatan", false), new("kepala_opd", false)],
        _ => [new("nip"), new("nama"), new("kode_opd"), new("nik", false), new("email", false, "e-mail"), new("telepon", false, "hp"),
            new("jabatan", false), new("pangkat", false), new("golongan", false)],
    };

    public async Task<ImportResult> ImportAsync(AdminScope scope, ImportKind kind, Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ImportRows reader;
        try
        {
            reader = await ImportRows.ReadAsync(stream, TabularReader.FormatOf(fileName), new ImportRowRules(ColumnsOf(kind), MaximumRows, ImportErrors.Required, FieldColumns), cancellationToken);
        }
        catch (TabularFileException ex)
        {
            return ImportResult.FileError(kind, ex.Error);
        }

        if (kind == ImportKind.Agencies && !scope.CityWide)
        {
            return ImportResult.FileError(kind, OrganizationErrors.CityAdministratorOnly);
        }

        var (created, updated) = kind switch
        {
            ImportKind.Agencies => await ImportAgenciesAsync(reader, cancellationToken),
            ImportKind.Positions => await ImportPositionsAsync(scope, reader, cancellationToken),
            _ => await ImportEmployeesAsync(scope, reader, cancellationToken),
        };

        if (reader.Errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ImportResult(kind, reader.Rows.Count, 0, 0, [.. reader.Errors.OrderBy(e => e.Row)]);
        }

        await audit.RecordAsync(new AuditEvent(OrganizationDbContext.Schema, $"import.{kind.ToString().ToLowerInvariant()}", "Import", fileName,
            $"Impor {fileName}: {created} baru, {updated} diperbarui", new { fileName, rows = reader.Rows.Count, created, updated }), cancellationToken);
        return new ImportResult(kind, reader.Rows.Count, created, updated, []);
    }

    private async Task<(int Created, int Updated)> ImportAgenciesAsync(ImportRows reader, CancellationToken cancellationToken)
    {
        var existing = await db.Agencies.ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var rows = new List<(int Row, string Code, string Name, string? ShortName, AgencyKind Kind, string? Parent, AgencyLetterhead Letterhead)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in reader.Rows)
        {
            var code = reader.Required(row, "kode")?.ToUpperInvariant();
            var name = reader.Required(row, "nama");
            var kindText = reader.Required(row, "jenis");
            AgencyKind? kind = kindText is null ? null : ParseAgencyKind(kindText);
            if (kindText is not null && kind is null)
            {
                reader.Error(row, "jenis", ImportErrors.UnknownKind(kindText));
            }

            if (code is not null && !seen.TryAdd(code, row.Number))
            {
                reader.Error(row, "kode", ImportErrors.DuplicateInFile("kode", seen[code]));
            }

            if (code is null || name is null || kind is null)
            {
                continue;
            }

            var parent = reader.Optional(row, "induk")?.ToUpperInvariant();
            // The entity checks the code's format and the name; a placeholder parent stands in until codes are resolved.
            reader.Check(row, () => _ = new Agency(Guid.Empty, code, name, string.Empty, kind.Value, parent is null ? null : Guid.Empty));
            var letterhead = new AgencyLetterhead(reader.Optional(row, "alamat"), reader.Optional(row, "kode_pos", numberAllowed: true),
                reader.Optional(row, "telepon", numberAllowed: true), reader.Optional(row, "faksimile", numberAllowed: true), reader.Optional(row, "email"),
                reader.Optional(row, "laman"));
            foreach (var error in Agency.Check(letterhead).Errors)
            {
                reader.Error(row, reader.ColumnOf(error.Field) ?? "alamat", error);
            }

            rows.Add((row.Number, code, name, reader.Optional(row, "singkatan"), kind.Value, parent, letterhead));
        }

        var kinds = existing.Values.ToDictionary(a => a.Code, a => a.Kind, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            kinds[row.Code] = row.Kind;
        }

        foreach (var row in rows.Where(r => r.Parent is not null))
        {
            if (!kinds.TryGetValue(row.Parent!, out var parentKind) || parentKind != AgencyKind.Kecamatan)
            {
                reader.Error(row.Row, "induk", ImportErrors.ParentNotKecamatan);
            }
        }

        if (reader.Errors.Count > 0)
        {
            return (0, 0);
        }

        var ids = existing.Values.ToDictionary(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => !ids.ContainsKey(r.Code)))
        {
            ids[row.Code] = Guid.CreateVersion7();
        }

        var created = 0;
        foreach (var row in rows)
        {
            Guid? parentId = row.Parent is null ? null : ids[row.Parent];
            if (existing.TryGetValue(row.Code, out var agency))
            {
                agency.Update(row.Code, row.Name, row.ShortName ?? string.Empty, row.Kind, parentId);
            }
            else
            {
                agency = new Agency(ids[row.Code], row.Code, row.Name, row.ShortName ?? string.Empty, row.Kind, parentId);
                db.Agencies.Add(agency);
                created++;
            }

            // A column left out or a cell left blank keeps what the OPD already has.
            var given = row.Letterhead;
            var current = agency.Letterhead;
            agency.SetLetterhead(new AgencyLetterhead(given.Address ?? current.Address, given.PostalCode ?? current.PostalCode,
                given.Telephone ?? current.Telephone, given.Fax ?? current.Fax, given.Email ?? current.Email, given.Website ?? current.Website));
        }

        await db.SaveChangesAsync(cancellationToken);
        return (created, rows.Count - created);
    }

    private async Task<(int Created, int Updated)> ImportPositionsAsync(AdminScope scope, ImportRows reader, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).ToListAsync(cancellationToken);
        var positions = await db.Positions.Where(p => p.IsActive).ToListAsync(cancellationToken);
        var byKey = positions.GroupBy(p => Key(p.AgencyId, p.Title)).ToDictionary(g => g.Key, g => g.First());
        var reportsTo = await db.Positions.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ReportsToId, cancellationToken);

        var rows = new List<(TabularRow Row, Position Position, string? SuperiorAgency, string? SuperiorTitle)>();
        var seen = new Dictionary<string, int>();
        var created = 0;
        foreach (var row in reader.Rows)
        {
            var agencyCode = reader.Required(row, "kode_opd");
            var title = reader.Required(row, "jabatan");
            var levelText = reader.Required(row, "tingkat", numberAllowed: true);
            var agency = AgencyOf(reader, row, agencyCode, agencies, scope);

            var level = levelText is null ? null : ParseLevel(levelText);
            if (levelText is not null && level is null)
            {
                reader.Error(row, "tingkat", ImportErrors.UnknownLevel(levelText));
            }

            var isHead = ParseYesNo(reader, row);
            Guid? unitId = null;
            if (reader.Optional(row, "unit") is { } unitCode && agency is not null)
            {
                unitId = units.FirstOrDefault(u => u.AgencyId == agency.Id && string.Equals(u.Code, unitCode, StringComparison.OrdinalIgnoreCase))?.Id;
                if (unitId is null)
                {
                    reader.Error(row, "unit", ImportErrors.UnknownUnit(unitCode));
                }
            }

            if (agency is null || title is null || level is null)
            {
                continue;
            }

            var key = Key(agency.Id, title);
            if (!seen.TryAdd(key, row.Number))
            {
                reader.Error(row, "jabatan", ImportErrors.DuplicateInFile("jabatan", seen[key]));
                continue;
            }

            Position? position = null;
            reader.Check(row, () =>
            {
                if (byKey.TryGetValue(key, out position))
                {
                    position.Rename(title);
                    position.MoveTo(agency.Id, unitId, level.Value, isHead);
                }
                else
                {
                    position = new Position(Guid.CreateVersion7(), agency.Id, unitId, title, level.Value, reportsToId: null, isHead);
                    byKey[key] = position;
                    reportsTo[position.Id] = null;
                    db.Positions.Add(position);
                    created++;
                }
            });

            if (position is not null)
            {
                rows.Add((row, position, reader.Optional(row, "atasan_kode_opd") ?? agencyCode, reader.Optional(row, "atasan_jabatan")));
            }
        }

        // Superiors may be existing positions or rows of this file; resolve them all, then check the hierarchy as a whole.
        var superiors = new Dictionary<Position, Position?>();
        foreach (var (row, position, superiorAgency, superiorTitle) in rows)
        {
            Position? superior = null;
            if (superiorTitle is not null)
            {
                if (!agencies.TryGetValue(superiorAgency!, out var agency))
                {
                    reader.Error(row, "atasan_kode_opd", ImportErrors.UnknownAgency(superiorAgency!, "atasan_kode_opd"));
                    continue;
                }

                if (!byKey.TryGetValue(Key(agency.Id, superiorTitle), out superior))
                {
                    reader.Error(row, "atasan_jabatan", ImportErrors.UnknownPosition(superiorTitle, agency.Code, "atasan_jabatan"));
                    continue;
                }
            }

            superiors[position] = superior;
            reportsTo[position.Id] = superior?.Id;
        }

        foreach (var (row, position, _, _) in rows)
        {
            if (superiors.TryGetValue(position, out var superior))
            {
                reader.Check(row, () => Hierarchy.CheckReportsTo(position, superior, reportsTo), "atasan_jabatan");
                position.ReportTo(superior?.Id);
            }
        }

        if (reader.Errors.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return (created, rows.Count - created);
    }

    private async Task<(int Created, int Updated)> ImportEmployeesAsync(AdminScope scope, ImportRows reader, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var positions = (await db.Positions.AsNoTracking().Where(p => p.IsActive).ToListAsync(cancellationToken))
            .GroupBy(p => Key(p.AgencyId, p.Title)).ToDictionary(g => g.Key, g => g.First());
        var employees = await db.Employees.ToListAsync(cancellationToken);
        var byNip = employees.Where(e => e.Nip is not null).ToDictionary(e => e.Nip!);
        var byEmail = employees.Where(e => e.Email is not null).ToDictionary(e => e.Email!, StringComparer.OrdinalIgnoreCase);
        var holders = employees.Where(e => e.PositionId is not null).ToDictionary(e => e.PositionId!.Value);

        var seenNip = new Dictionary<string, int>();
        var seenEmail = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var claimed = new Dictionary<Guid, int>();
        var assignments = new List<(int Row, Employee Employee, Guid? PositionId)>();
        var created = 0;
        foreach (var row in reader.Rows)
        {
            var nipText = reader.Optional(row, "nip");
            var name = reader.Required(row, "nama");
            var agencyCode = reader.Required(row, "kode_opd");
            var email = reader.Optional(row, "email");
            Nip? nip = null;
            if (nipText is null && email is null && !reader.HasError(row, "nip"))
            {
                reader.Error(row, "nip", ImportErrors.EmailNeedsNoNip);
            }
            else if (nipText is not null)
            {
                if (Nip.TryParse(nipText, out var parsed, out var nipError))
                {
                    nip = parsed;
                    if (!seenNip.TryAdd(parsed!.Value, row.Number))
                    {
                        reader.Error(row, "nip", ImportErrors.DuplicateInFile("nip", seenNip[parsed.Value]));
                    }
                }
                else
                {
                    reader.Error(row, "nip", nipError!);
                }
            }

            if (email is not null && !seenEmail.TryAdd(email, row.Number))
            {
                reader.Error(row, "email", ImportErrors.DuplicateInFile("email", seenEmail[email]));
            }

            var agency = AgencyOf(reader, row, agencyCode, agencies, scope);

            if (agency is null || name is null || (nip is null && nipText is not null))
            {
                continue;
            }

            var employee = nip is not null ? byNip.GetValueOrDefault(nip.Value) : (email is null ? null : byEmail.GetValueOrDefault(email));
            if (employee is not null && !scope.Covers(employee.AgencyId))
            {
                reader.Error(row, "nip", ImportErrors.OutsideScope with { Field = "nip" });
                continue;
            }

            if (email is not null && byEmail.TryGetValue(email, out var emailOwner) && emailOwner != employee)
            {
                reader.Error(row, "email", OrganizationErrors.EmailTaken);
            }

            Guid? positionId = null;
            if (reader.Optional(row, "jabatan") is { } title)
            {
                if (!positions.TryGetValue(Key(agency.Id, title), out var position))
                {
                    reader.Error(row, "jabatan", ImportErrors.UnknownPosition(title, agency.Code, "jabatan"));
                }
                else if (!claimed.TryAdd(position.Id, row.Number))
                {
                    reader.Error(row, "jabatan", ImportErrors.PositionClaimedTwice(claimed[position.Id]));
                }
                else
                {
                    positionId = position.Id;
                }
            }

            var isNew = employee is null;
            reader.Check(row, () =>
            {
                employee ??= new Employee(Guid.CreateVersion7(), nip, name, agency.Id);
                employee.Rename(name);
                employee.MoveToAgency(agency.Id);
                employee.SetNik(reader.Optional(row, "nik"));
                employee.SetEmail(email);
                employee.Phone = reader.Optional(row, "telepon") ?? employee.Phone;
                var rank = reader.Optional(row, "pangkat");
                var grade = reader.Optional(row, "golongan");
                if (rank is not null || grade is not null)
                {
                    // Either given: both are taken from the row (a blank pangkat follows the golongan); neither: both are kept.
                    employee.SetRank(rank, grade);
                }
                employee.Activate();
            });

            if (employee is null)
            {
                continue;
            }

            if (isNew)
            {
                db.Employees.Add(employee);
                created++;
            }

            assignments.Add((row.Number, employee, positionId ?? employee.PositionId));
        }

        // A position may change hands inside one file; it must not end up with two holders.
        var moving = assignments.Where(a => a.Employee.PositionId != a.PositionId).Select(a => a.Employee).ToHashSet();
        foreach (var (row, employee, positionId) in assignments)
        {
            if (positionId is { } id && holders.TryGetValue(id, out var holder) && holder != employee && !moving.Contains(holder))
            {
                reader.Error(row, "jabatan", ImportErrors.PositionHeldBy(holder.Name));
            }
        }

        if (reader.Errors.Count > 0)
        {
            return (0, 0);
        }

        // Positions are released first and assigned second, so that swaps never break the one-holder rule mid-way.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (_, employee, _) in assignments.Where(a => a.Employee.PositionId != a.PositionId))
        {
            employee.AssignPosition(null);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (_, employee, positionId) in assignments)
        {
            employee.AssignPosition(positionId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (created, assignments.Count - created);
    }

    /// <summary>The row's OPD by code, if it exists and lies within the importer's scope; otherwise the row gets the error.</summary>
    private static Agency? AgencyOf(ImportRows reader, TabularRow row, string? code, Dictionary<string, Agency> agencies, AdminScope scope)
    {
        if (code is null)
        {
            return null;
        }

        if (!agencies.TryGetValue(code, out var agency))
        {
            reader.Error(row, "kode_opd", ImportErrors.UnknownAgency(code, "kode_opd"));
            return null;
        }

        if (!scope.Covers(agency.Id))
        {
            reader.Error(row, "kode_opd", ImportErrors.OutsideScope);
            return null;
        }

        return agency;
    }

    private static string Key(Guid agencyId, string title) => $"{agencyId:N}|{title.Trim().ToUpperInvariant()}";

    private static bool ParseYesNo(ImportRows reader, TabularRow row)
    {
        switch (reader.Optional(row, "kepala_opd")?.ToLowerInvariant())
        {
            case null or "tidak" or "t" or "no" or "n" or "0" or "false":
                return false;
            case "ya" or "y" or "yes" or "1" or "true":
                return true;
            default:
                reader.Error(row, "kepala_opd", ImportErrors.YesNo);
                return false;
        }
    }

    internal static AgencyKind? ParseAgencyKind(string text) =>
        Normalize(text) switch
        {
            "kepaladaerah" => AgencyKind.KepalaDaerah,
            "sekretariatdaerah" or "setda" => AgencyKind.SekretariatDaerah,
            "sekretariat" or "sekretariatdprd" or "setwan" => AgencyKind.Sekretariat,
            "inspektorat" => AgencyKind.Inspektorat,
            "dinas" => AgencyKind.Dinas,
            "badan" => AgencyKind.Badan,
            "kecamatan" => AgencyKind.Kecamatan,
            "kelurahan" => AgencyKind.Kelurahan,
            _ => null,
        };

    internal static PositionLevel? ParseLevel(string text) =>
        int.TryParse(text, out var number) && Enum.IsDefined((PositionLevel)number)
            ? (PositionLevel)number
            : Normalize(text) switch
            {
                "walikota" => PositionLevel.Walikota,
                "wakilwalikota" => PositionLevel.WakilWalikota,
                "sekda" or "sekretarisdaerah" => PositionLevel.Sekda,
                "kepalaopd" or "kepaladinas" or "kepalabadan" or "inspektur" or "camat" or "eselon2" => PositionLevel.KepalaOpd,
                "kabid" or "kepalabidang" or "sekretaris" or "kabag" or "kepalabagian" or "eselon3" => PositionLevel.Kabid,
                "kasi" or "kepalaseksi" or "kasubag" or "kepalasubbagian" or "lurah" or "eselon4" => PositionLevel.Kasi,
                "staf" or "pelaksana" or "fungsional" => PositionLevel.Staf,
                _ => null,
            };

    private static string Normalize(string text) => new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>Where the organisation's domain errors belong in an import file, by their field.</summary>
    private static readonly Dictionary<string, string> FieldColumns = new()
    {
        ["address"] = "alamat",
        ["postalCode"] = "kode_pos",
        ["telephone"] = "telepon",
        ["fax"] = "faksimile",
        ["website"] = "laman",
        ["rank"] = "pangkat",
        ["grade"] = "golongan",
        ["code"] = "kode",
        ["name"] = "nama",
        ["title"] = "jabatan",
        ["parent"] = "induk",
        ["reportsTo"] = "atasan_jabatan",
    };
}
