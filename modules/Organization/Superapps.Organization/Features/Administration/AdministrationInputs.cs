using Superapps.Organization.Contracts;

namespace Superapps.Organization.Features.Administration;

/// <summary>What an administrator types for an OPD, kecamatan or kelurahan.</summary>
public sealed record AgencyInput(string Code, string Name, string? ShortName, AgencyKind Kind, Guid? ParentId, string? Address);

/// <summary>What an administrator types for a unit inside an OPD.</summary>
public sealed record UnitInput(Guid AgencyId, string Code, string Name, Guid? ParentId);

/// <summary>What an administrator types for a position.</summary>
public sealed record PositionInput(Guid AgencyId, Guid? UnitId, string Title, PositionLevel Level, Guid? ReportsToId, bool IsHeadOfAgency);

/// <summary>What an administrator types for an employee. <see cref="Nip"/> is empty only for elected officials.</summary>
public sealed record EmployeeInput(string? Nip, string? Nik, string Name, string? Email, string? Phone, Guid AgencyId, Guid? PositionId);

/// <summary>A Plt/Plh assignment as the decree (surat perintah) states it.</summary>
public sealed record ActingInput(Guid EmployeeId, Guid PositionId, HoldingKind Kind, DateOnly Start, DateOnly End, string? DecreeNumber);
