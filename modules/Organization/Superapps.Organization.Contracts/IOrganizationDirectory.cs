namespace Superapps.Organization.Contracts;

/// <summary>
/// Reads of the organisation for other modules and for the identity server: who a person is,
/// where they sit, which positions they hold (Plt/Plh included) and who reports to whom.
/// </summary>
public interface IOrganizationDirectory
{
    Task<EmployeeProfile?> GetEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default);

    Task<EmployeeProfile?> FindByNipAsync(string nip, CancellationToken cancellationToken = default);

    /// <summary>The active employee with this e-mail address (compared without case), or null when none or several have it.</summary>
    Task<EmployeeProfile?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

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

    /// <summary>An OPD, kecamatan or kelurahan with the facts printed on its letterhead (kop surat); null when unknown.</summary>
    Task<AgencyProfile?> GetAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default);

    /// <summary>The active OPDs, kecamatan and kelurahan of the city, by name: for pickers that choose one.</summary>
    Task<IReadOnlyList<AgencyProfile>> ListAgenciesAsync(CancellationToken cancellationToken = default);
}

/// <summary>An OPD as other modules see it: its code (the unit code of letter numbers), names and letterhead facts.</summary>
/// <param name="Address">The street address as printed, e.g. "Jalan Jenderal Basuki Rahmat Nomor 1, Kotabaru, Jambi".</param>
/// <param name="PostalCode">Kode pos, e.g. "36128".</param>
/// <param name="Telephone">Telepon as printed, e.g. "(0741) 555-0101".</param>
/// <param name="Fax">Faksimile, if the office has one.</param>
/// <param name="Email">Pos-el (the office's e-mail address).</param>
/// <param name="Website">Laman (the office's website), e.g. "diskominfo.jambikota.go.id".</param>
/// <param name="ParentAgencyId">The agency it belongs under, e.g. a kelurahan's kecamatan; null for a top-level OPD.</param>
public sealed record AgencyProfile(
    Guid AgencyId,
    string Code,
    string Name,
    string ShortName,
    AgencyKind Kind,
    bool IsActive,
    string? Address,
    string? PostalCode,
    string? Telephone,
    string? Fax,
    string? Email,
    string? Website,
    Guid? ParentAgencyId = null)
{
    /// <summary>The letterhead's address line: the address with its postal code ("…, Kode Pos 36128"); empty when neither is known.</summary>
    public string AddressLine => (Address, PostalCode) switch
    {
        ({ Length: > 0 } address, { Length: > 0 } postal) => $"{address}, Kode Pos {postal}",
        ({ Length: > 0 } address, _) => address,
        (_, { Length: > 0 } postal) => $"Kode Pos {postal}",
        _ => string.Empty,
    };

    /// <summary>The letterhead's contact line ("Telepon …, Faksimile …, Pos-el …, Laman …"), or null when none is known.</summary>
    public string? ContactLine
    {
        get
        {
            var parts = new[] { ("Telepon", Telephone), ("Faksimile", Fax), ("Pos-el", Email), ("Laman", Website) }
                .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1} {p.Item2}").ToList();
            return parts.Count == 0 ? null : string.Join(", ", parts);
        }
    }
}

/// <summary>Pangkat and golongan of a civil servant as Indonesian official letters print them under the name.</summary>
public static class CivilServiceRank
{
    /// <summary>"Pembina Utama Muda (IV/c)", "Pembina Utama Muda", "IV/c", or null when neither is known.</summary>
    public static string? Format(string? rank, string? grade) => (rank, grade) switch
    {
        ({ Length: > 0 } r, { Length: > 0 } g) => $"{r} ({g})",
        ({ Length: > 0 } r, _) => r,
        (_, { Length: > 0 } g) => g,
        _ => null,
    };
}

/// <summary>A civil servant as other modules see them, at the moment of the query.</summary>
/// <param name="Rank">Pangkat, e.g. "Pembina Utama Muda"; null when not recorded (and for elected officials).</param>
/// <param name="Grade">Golongan/ruang, e.g. "IV/c"; null when not recorded.</param>
public sealed record EmployeeProfile(
    Guid EmployeeId,
    string? Nip,
    string Name,
    string? Email,
    Guid AgencyId,
    string AgencyName,
    bool IsActive,
    IReadOnlyList<HeldPosition> Positions,
    string? Rank = null,
    string? Grade = null)
{
    /// <summary>Pangkat and golongan as printed under the name, e.g. "Pembina Utama Muda (IV/c)"; null when unknown.</summary>
    public string? RankLine => CivilServiceRank.Format(Rank, Grade);

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

/// <summary>Someone holding a position today, definitively or as Plt/Plh, with what a signature block prints under the name.</summary>
public sealed record PositionHolder(Guid EmployeeId, string Name, HoldingKind Kind, string? Nip = null, string? Rank = null, string? Grade = null)
{
    /// <summary>Pangkat and golongan as printed under the name; null when unknown.</summary>
    public string? RankLine => CivilServiceRank.Format(Rank, Grade);
}

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
