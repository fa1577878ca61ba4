using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Modularity;
using Superapps.Organization.Contracts;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Tickets.Data.Seed;

/// <summary>
/// Demo data: the demo city's network, built from its organisation chart through the same register the pages use. One core at
/// the data centre; a distribution node for the city hall complex, where every OPD office hangs; and one per kecamatan, where
/// the kecamatan office, its kelurahan offices and a school of each kecamatan hang. So a cut uplink of a kecamatan takes down
/// every kelurahan behind it, as the incident journey needs. Runs once, on an empty register, with the demo data.
/// </summary>
internal sealed class DemoSitesSeeder : IDatabaseInitializer
{
    public int Order => 250;

    public string Name => "demo:tickets-sites";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TicketsDbContext>();
        if (await db.NetworkNodes.AnyAsync(cancellationToken))
        {
            return;
        }

        var agencies = await services.GetRequiredService<IOrganizationDirectory>().ListAgenciesAsync(cancellationToken);
        if (agencies.Count == 0)
        {
            return;
        }

        var register = services.GetRequiredService<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-DC", "Core Data Center Pemkot", cancellationToken);
        var cityHall = await register.AddDistributionAsync("DIST-PEMKOT", "Distribusi Kompleks Perkantoran Pemkot", core.Id, cancellationToken);
        var diskominfo = agencies.FirstOrDefault(a => a.Code == "DISKOMINFO");
        if (diskominfo is not null)
        {
            await register.AddSiteAsync(new SiteDetails("DC-PEMKOT", "Data Center Pemerintah Kota", SiteKind.DataCentre, diskominfo.AgencyId, diskominfo.Name,
                diskominfo.Address, -1.6101, 103.6131), core.Id, cancellationToken);
        }

        var disdik = agencies.FirstOrDefault(a => a.Code == "DISDIK");
        var index = 0;
        foreach (var kecamatan in agencies.Where(a => a.Kind == AgencyKind.Kecamatan).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            var area = Area(kecamatan.Code);
            var node = await register.AddDistributionAsync("DIST-" + area, "Distribusi " + Strip(kecamatan.Name), core.Id, cancellationToken);
            await register.AddSiteAsync(Office(kecamatan, SiteKind.Kecamatan, index++), node.Id, cancellationToken);
            foreach (var kelurahan in agencies.Where(a => a.Kind == AgencyKind.Kelurahan && a.ParentAgencyId == kecamatan.AgencyId).OrderBy(a => a.Code, StringComparer.Ordinal))
            {
                await register.AddSiteAsync(Office(kelurahan, SiteKind.Kelurahan, index++), node.Id, cancellationToken);
            }

            if (disdik is not null)
            {
                var (latitude, longitude) = Coordinates(index++);
                await register.AddSiteAsync(new SiteDetails("SMPN-" + area, "SMP Negeri " + Strip(kecamatan.Name), SiteKind.School, disdik.AgencyId, disdik.Name,
                    "Wilayah " + kecamatan.Name, latitude, longitude), node.Id, cancellationToken);
            }
        }

        foreach (var office in agencies.Where(a => a.Kind is not (AgencyKind.Kecamatan or AgencyKind.Kelurahan)).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            await register.AddSiteAsync(Office(office, SiteKind.OpdOffice, index++), cityHall.Id, cancellationToken);
        }
    }

    private static SiteDetails Office(AgencyProfile agency, SiteKind kind, int index)
    {
        var (latitude, longitude) = Coordinates(index);
        var code = agency.Code.Length > 40 ? agency.Code[..40] : agency.Code;
        return new SiteDetails(code, "Kantor " + agency.Name, kind, agency.AgencyId, agency.Name, agency.Address, latitude, longitude);
    }

    // Spread around the demo city's centre (Kota Jambi, about 1.61° S, 103.61° E), a few hundred metres apart.
    private static (double Latitude, double Longitude) Coordinates(int index) =>
        (Math.Round(-1.60 - (index % 12 * 0.004), 5), Math.Round(103.58 + (index / 12 * 0.005), 5));

    private static string Area(string kecamatanCode) => kecamatanCode.StartsWith("KEC-", StringComparison.Ordinal) ? kecamatanCode[4..] : kecamatanCode;

    private static string Strip(string name) => name.StartsWith("Kecamatan ", StringComparison.Ordinal) ? name["Kecamatan ".Length..] : name;
}
