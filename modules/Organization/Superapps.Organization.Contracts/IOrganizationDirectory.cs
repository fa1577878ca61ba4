namespace Superapps.Organization.Contracts;

/// <summary>
/// Reads of the organisation for other modules and for the identity server: who a person is,
/// where they sit, which positions they hold (Plt/Plh included) and who reports to whom.
/// </summary>
public interface IOrganizationDirectory
{
    Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default);

    Task<EmployeeProfile?> FindByNipAsync(string nip, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="subordinatePositionId"/> sits anywhere below <paramref name="superiorPositionId"/>.</summary>
    Task<bool> IsBelowAsync(Guid superiorPositionId, Guid subordinatePositionId, CancellationToken cancellationToken = default);

    /// <summary>A position with the people who hold it today: its definitive holder and any active Plt/Plh.</summary>
    Task<PositionInfo?> GetPositionAsync(Guid positionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Active positions anywhere below <paramref name="positionId"/> whose title, OPD or holder matches <paramref name="text"/>,
    /// nearest first: the people one may dispose to.
    /// </summary>
    Task<IReadOnlyList<PositionInfo>> SearchPositionsBelowAsync(Guid positionId, string? text, int take, CancellationToken cancellationToken = default);

    /// <summary>The active positions of one OPD, highest rank first.</summary>
    Task<IReadOnlyList<PositionInfo>> ListAgencyPositionsAsync(Guid agencyId, CancellationToken cancellationToken = default);

    /// <summary>The head position (Kepala) of every active OPD of the city, by OPD name: where letters to another OPD are addressed.</summary>
    Task<IReadOnlyList<PositionInfo>> ListAgencyHeadsAsync(CancellationToken cancellationToken = default);

    /// <summary>Employees that should have a login, for account provisioning.</summary>
    Task<IReadOnlyList<EmployeeProfile>> ListActiveEmployeesAsync(CancellationToken cancellationToken = default);
}

/// <summary>A civil servant as other modules see them, at the moment of the query.</summary>
public sealed record EmployeeProfile(
    Guid EmployeeId,
    string? Nip,
    string Name,
    string? Email,
    Guid AgencyId,
    string AgencyName,
    bool IsActive,
    IReadOnlyList<HeldPosition> Positions)
{
    /// <summary>The definitive position, if any.</summary>
    public HeldPosition? PrimaryPosition => Positions.FirstOrDefault(p => p.Kind == HoldingKind.Definitive) ?? (Positions.Count > 0 ? Positions[0] : null);
}

/// <summary>A position as other modules see it, with who holds it today.</summary>
public sealed record PositionInfo(
    Guid PositionId,
    string Title,
    PositionLevel Level,
    Guid AgencyId,
    string AgencyName,
    bool IsHeadOfAgency,
    bool IsActive,
    IReadOnlyList<PositionHolder> Holders);

/// <summary>Someone holding a position today, definitively or as Plt/Plh.</summary>
public sealed record PositionHolder(Guid EmployeeId, string Name, HoldingKind Kind);

/// <summary>A position a person holds now: their own, or one they act for as Plt or Plh.</summary>
public sealed record HeldPosition(
    Guid PositionId,
    string Title,
    PositionLevel Level,
    Guid AgencyId,
    string AgencyName,
    HoldingKind Kind,
    DateOnly? Until)
{
    /// <summary>"Plt. Kepala Dinas ..." for acting holders; the plain title otherwise.</summary>
    public string DisplayTitle => Kind switch
    {
        HoldingKind.Plt => $"Plt. {Title}",
        HoldingKind.Plh => $"Plh. {Title}",
        _ => Title,
    };
}

/// <summary>How a position is held.</summary>
public enum HoldingKind
{
    Definitive = 0,

    /// <summary>Pelaksana Tugas: acting while the position is vacant.</summary>
    Plt = 1,

    /// <summary>Pelaksana Harian: daily stand-in while the holder is away.</summary>
    Plh = 2,
}

/// <summary>Rank of a position in the city's hierarchy; a smaller number is higher.</summary>
public enum PositionLevel
{
    Walikota = 1,
    WakilWalikota = 2,
    Sekda = 3,

    /// <summary>Kepala OPD, Kepala Dinas/Badan, Inspektur, Camat; a Lurah heads a kelurahan at this level within it.</summary>
    KepalaOpd = 4,

    /// <summary>Sekretaris, Kepala Bidang, Kepala Bagian, Sekretaris Camat.</summary>
    Kabid = 5,

    /// <summary>Kepala Sub Bagian, Kepala Seksi.</summary>
    Kasi = 6,

    Staf = 7,
}
