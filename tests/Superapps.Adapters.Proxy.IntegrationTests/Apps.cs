using System.Security.Claims;
using Superapps.AppCatalog.Contracts;

namespace Superapps.Adapters.Proxy.IntegrationTests;

/// <summary>Apps and users of the tests.</summary>
internal static class Apps
{
    public static readonly Guid Bkpsdm = Guid.Parse("5d3e7b1a-2c4f-4a8e-9b6d-1f0a2e3c4d5e");
    public static readonly Guid Dinkes = Guid.Parse("7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d");

    public static PublishedApp Simpeg(Uri upstream, IdentityMode mode = IdentityMode.SignedHeaders, AppAccess? access = null, long maxBody = 1024 * 1024) =>
        App("simpeg", "SIMPEG Lama", upstream, mode, access ?? new AppAccess(false, [], [Bkpsdm]), maxBody);

    public static PublishedApp App(string slug, string name, Uri? upstream, IdentityMode mode, AppAccess access, long maxBody = 1024 * 1024,
        AppStatus status = AppStatus.Proxied, AppRetirement? retirement = null) =>
        new(Guid.NewGuid(), slug, name, status, upstream, mode, access, "/health", maxBody, retirement);

    /// <summary>Rina, staff of BKPSDM with a NIP and a name that needs encoding.</summary>
    public static Claim[] Rina =>
    [
        new("sub", "sub-rina"),
        new("preferred_username", "rina.wulandari"),
        new("name", "Rina Wulandari, S.Kom. — Bagian Kepegawaian"),
        new("nip", "198703122010012001"),
        new("opd_id", Bkpsdm.ToString()),
        new(ClaimTypes.Role, "admin-opd"),
    ];

    /// <summary>Budi of Dinkes: outside BKPSDM.</summary>
    public static Claim[] Budi =>
    [
        new("sub", "sub-budi"),
        new("preferred_username", "budi.santoso"),
        new("name", "Budi Santoso"),
        new("opd_id", Dinkes.ToString()),
    ];

    /// <summary>Budi while he is Plt of a BKPSDM position.</summary>
    public static Claim[] BudiAsPltInBkpsdm =>
    [
        .. Budi,
        new("position", $$"""{"id":"{{Guid.NewGuid()}}","title":"Kepala Bidang Mutasi","agencyId":"{{Bkpsdm}}","agency":"BKPSDM","kind":"Plt"}"""),
    ];
}
