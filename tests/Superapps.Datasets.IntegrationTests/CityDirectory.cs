using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// A small city for the Datasets module's tests: three OPDs with a head position each. Dinas Kesehatan's head position is vacant,
/// held by a Plt.
/// </summary>
public sealed class CityDirectory() : TestOrganizationDirectory(Agencies, positions: Heads)
{
    public static readonly AgencyProfile Disdik = Agency("DISDIK", "Dinas Pendidikan");
    public static readonly AgencyProfile Dinkes = Agency("DINKES", "Dinas Kesehatan");
    public static readonly AgencyProfile Dukcapil = Agency("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil");

    /// <summary>Kepala Dinas Pendidikan (definitive).</summary>
    public static readonly PositionHolder DisdikHead = new(Guid.Parse("0195d0a0-0000-7000-8000-0000000000a1"), "Dr. Hendra Gunawan", HoldingKind.Definitive);

    /// <summary>Plt. Kepala Dinas Kesehatan: the position has no definitive holder.</summary>
    public static readonly PositionHolder DinkesActingHead = new(Guid.Parse("0195d0a0-0000-7000-8000-0000000000a2"), "dr. Lestari", HoldingKind.Plt);

    public static readonly PositionHolder DukcapilHead = new(Guid.Parse("0195d0a0-0000-7000-8000-0000000000a3"), "Bambang Sutrisno", HoldingKind.Definitive);

    private static readonly IReadOnlyList<AgencyProfile> Agencies = [Disdik, Dinkes, Dukcapil];

    private static readonly IReadOnlyList<PositionInfo> Heads =
    [
        Head(Disdik, "Kepala Dinas Pendidikan", DisdikHead),
        Head(Dinkes, "Kepala Dinas Kesehatan", DinkesActingHead),
        Head(Dukcapil, "Kepala Dinas Kependudukan dan Pencatatan Sipil", DukcapilHead),
    ];

    private static PositionInfo Head(AgencyProfile agency, string title, PositionHolder holder) =>
        new(Guid.CreateVersion7(), title, PositionLevel.KepalaOpd, agency.AgencyId, agency.Name, true, true, [holder]);
}
