using Superapps.Organization.Contracts;
using Superapps.Organization.Domain;

namespace Superapps.Organization.Features.Administration;

/// <summary>What an administrator types for an OPD, kecamatan or kelurahan; the letterhead facts are optional.</summary>
public sealed record AgencyInput(string Code, string Name, string? ShortName, AgencyKind Kind, Guid? ParentId, string? Address,
    string? PostalCode = null, string? Telephone = null, string? Fax = null, string? Email = null, string? Website = null)
{
    internal AgencyLetterhead Letterhead => new(Address, PostalCode, Telephone, Fax, Email, Website);
}

/// <summary>What an administrator types for a unit inside an OPD.</summary>
public sealed record UnitInput(Guid AgencyId, string Code, string Name, Guid? ParentId);

/// <summary>What an administrator types for a position.</summary>
public sealed record PositionInput(Guid AgencyId, Guid? UnitId, string Title, PositionLevel Level, Guid? ReportsToId, bool IsHeadOfAgency);

/// <summary>What an administrator types for an employee. <see cref="Nip"/> is empty only for elected officials.</summary>
/// <param name="Rank">Pangkat, e.g. "Pembina Utama Muda"; optional (filled from the golongan when blank).</param>
/// <param name="Grade">Golongan, e.g. "IV/c"; optional.</param>
public sealed record EmployeeInput(string? Nip, string? Nik, string Name, string? Email, string? Phone, Guid AgencyId, Guid? PositionId,
    string? Rank = null, string? Grade = null);

/// <summary>A Plt/Plh assignment as the decree (surat perintah) states it.</summary>
public sealed record ActingInput(Guid EmployeeId, Guid PositionId, HoldingKind Kind, DateOnly Start, DateOnly End, string? DecreeNumber);
