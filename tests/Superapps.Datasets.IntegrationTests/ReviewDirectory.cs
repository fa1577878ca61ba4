using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// A small organisation for the review's tests: Diskominfo with a walidata position (held by Rina, with Bayu standing in as Plh) and
/// its head, and two producing OPDs with a data operator each.
/// </summary>
public sealed class ReviewDirectory() : TestOrganizationDirectory(Agencies, positions: DiskominfoPositions)
{
    public static readonly AgencyProfile Diskominfo = Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika");
    public static readonly AgencyProfile Disdik = Agency("DISDIK", "Dinas Pendidikan");
    public static readonly AgencyProfile Dukcapil = Agency("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil");

    public static readonly Guid Rina = Guid.Parse("0195d0a0-0000-7000-8000-0000000000a1");
    public static readonly Guid Bayu = Guid.Parse("0195d0a0-0000-7000-8000-0000000000a2");
    public static readonly Guid Kadis = Guid.Parse("0195d0a0-0000-7000-8000-0000000000a3");
    public static readonly Guid Sari = Guid.Parse("0195d0a0-0000-7000-8000-0000000000a4");
    public static readonly Guid Joko = Guid.Parse("0195d0a0-0000-7000-8000-0000000000a5");

    private static readonly IReadOnlyList<AgencyProfile> Agencies = [Diskominfo, Disdik, Dukcapil];

    private static readonly IReadOnlyList<PositionInfo> DiskominfoPositions =
    [
        new(Guid.CreateVersion7(), "Kepala Dinas Komunikasi dan Informatika", PositionLevel.KepalaOpd, Diskominfo.AgencyId, Diskominfo.Name, true, true,
            [new PositionHolder(Kadis, "Hendra", HoldingKind.Definitive)]),
        new(Guid.CreateVersion7(), "Statistisi Ahli Muda (Walidata)", PositionLevel.Kabid, Diskominfo.AgencyId, Diskominfo.Name, false, true,
            [new PositionHolder(Rina, "Rina", HoldingKind.Definitive), new PositionHolder(Bayu, "Bayu", HoldingKind.Plh)]),
    ];
}
