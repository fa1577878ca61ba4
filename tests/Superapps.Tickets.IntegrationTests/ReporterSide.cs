using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Attachments;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// A small network for the reporter's side: CORE ── DIST-TELANAI (kecamatan office, kelurahan Buluran, kelurahan Simpang) and
/// CORE ── DIST-KOTABARU (kecamatan office Kota Baru, another OPD); employees as the portal sees them.
/// </summary>
internal sealed record ReporterSide(NetworkNode Core, NetworkNode Telanai, NetworkNode KotaBaru, Site KantorCamat, Site Buluran, Site Simpang, Site KotaBaruOffice)
{
    public static readonly Guid KecamatanKotaBaru = Guid.Parse("0195d0a0-0000-7000-8000-0000000000d3");

    /// <summary>Rina, staff of Kecamatan Telanaipura (which owns the three Telanai sites).</summary>
    public static readonly TicketPrincipal Rina = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000e001"), "Rina", TicketsHarness.KecamatanTelanai, false, false);

    /// <summary>Sari, staff of Kecamatan Telanaipura too: another reporter behind the same node.</summary>
    public static readonly TicketPrincipal Sari = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000e002"), "Sari", TicketsHarness.KecamatanTelanai, false, false);

    /// <summary>Dedi, staff of Kecamatan Kota Baru.</summary>
    public static readonly TicketPrincipal Dedi = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000e003"), "Dedi", KecamatanKotaBaru, false, false);

    public static readonly TicketPrincipal Lead = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000e004"), "Budi (Koordinator Helpdesk)", TicketsHarness.Diskominfo, false, true);

    public static readonly TicketPrincipal Technician = new(Guid.Parse("0195d0a0-0000-7000-8000-00000000e005"), "Andi (Teknisi)", TicketsHarness.Diskominfo, true, false);

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static async Task<ReporterSide> CreateAsync(TicketsHarness harness)
    {
        var ct = TestContext.Current.CancellationToken;
        var register = harness.Get<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-DC", "Core Data Center", ct);
        var telanai = await register.AddDistributionAsync("DIST-TELANAI", "Distribusi Telanaipura", core.Id, ct);
        var kotaBaru = await register.AddDistributionAsync("DIST-KOTABARU", "Distribusi Kota Baru", core.Id, ct);

        Task<Site> Add(string code, string name, SiteKind kind, Guid agency, NetworkNode node) =>
            register.AddSiteAsync(new SiteDetails(code, name, kind, agency, agency == KecamatanKotaBaru ? "Kecamatan Kota Baru" : "Kecamatan Telanaipura", null, null, null), node.Id, ct);
        return new ReporterSide(core, telanai, kotaBaru,
            await Add("KEC-TELANAI", "Kantor Camat Telanaipura", SiteKind.Kecamatan, TicketsHarness.KecamatanTelanai, telanai),
            await Add("KEL-BULURAN", "Kantor Lurah Buluran Kenali", SiteKind.Kelurahan, TicketsHarness.KecamatanTelanai, telanai),
            await Add("KEL-SIMPANG", "Kantor Lurah Simpang IV Sipin", SiteKind.Kelurahan, TicketsHarness.KecamatanTelanai, telanai),
            await Add("KEC-KOTABARU", "Kantor Camat Kota Baru", SiteKind.Kecamatan, KecamatanKotaBaru, kotaBaru));
    }

    public static TicketUpload Upload(string name, string? type, byte[] content) =>
        new(name, type, content.LongLength, _ => Task.FromResult<Stream>(new MemoryStream(content)));
}
