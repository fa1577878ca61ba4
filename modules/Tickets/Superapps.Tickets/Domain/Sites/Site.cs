using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;

namespace Superapps.Tickets.Domain.Sites;

/// <summary>What describes a site; checked as a whole so a form or an import line reports every problem at once.</summary>
/// <param name="Code">Unique short code, letters, digits and dashes, e.g. <c>KEL-TELANAI</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">OPD office, kecamatan, kelurahan, school, data centre or other.</param>
/// <param name="AgencyId">The owning OPD (Organization module).</param>
/// <param name="AgencyName">The owning OPD's name, as a snapshot.</param>
/// <param name="Address">Street address.</param>
/// <param name="Latitude">Degrees north (negative south), −90 to 90; optional with <paramref name="Longitude"/>.</param>
/// <param name="Longitude">Degrees east, −180 to 180.</param>
public sealed record SiteDetails(string Code, string Name, SiteKind Kind, Guid AgencyId, string AgencyName, string? Address, double? Latitude, double? Longitude);

/// <summary>A network site: an office, kecamatan, kelurahan, school or the data centre, hanging off a network node.</summary>
public sealed class Site
{
    private Site()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public SiteKind Kind { get; private set; }

    public Guid AgencyId { get; private set; }

    public string AgencyName { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>The node whose uplink the site uses.</summary>
    public Guid NetworkNodeId { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>What the network monitoring last reported (<see cref="ISiteMonitoring"/>); null when it never did.</summary>
    public MonitoredStatus? MonitoredStatus { get; private set; }

    /// <summary>When the monitoring last reached the site's device.</summary>
    public DateTimeOffset? MonitoredLastSeen { get; private set; }

    public double? MonitoredLatencyMs { get; private set; }

    public double? MonitoredPacketLossPercent { get; private set; }

    /// <summary>When the monitoring produced its last report of the site.</summary>
    public DateTimeOffset? MonitoredAt { get; private set; }

    public static Site Create(Guid id, SiteDetails details, NetworkNode node, DateTimeOffset now)
    {
        var site = new Site { Id = id, IsActive = true };
        site.Update(details, node, now);
        return site;
    }

    /// <summary>Changes the details and the node the site hangs off.</summary>
    public void Update(SiteDetails details, NetworkNode node, DateTimeOffset now)
    {
        var clean = SiteRules.Check(details);
        Code = clean.Code;
        Name = clean.Name;
        Kind = clean.Kind;
        AgencyId = clean.AgencyId;
        AgencyName = clean.AgencyName;
        Address = clean.Address;
        Latitude = clean.Latitude;
        Longitude = clean.Longitude;
        NetworkNodeId = node.Id;
        UpdatedAt = now;
    }

    public void Deactivate(DateTimeOffset now)
    {
        IsActive = false;
        UpdatedAt = now;
    }

    public SiteSummary ToSummary() => new(Id, Code, Name, Kind, AgencyId, AgencyName, NetworkNodeId);
}

/// <summary>The rules of sites and nodes.</summary>
public static class SiteRules
{
    public static bool IsCode(string code) =>
        code.Length is >= 2 and <= 40 && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.');

    /// <summary>The details trimmed, or every problem as bilingual field-tagged errors.</summary>
    public static SiteDetails Check(SiteDetails details)
    {
        var errors = new List<UserError>();
        var code = details.Code?.Trim().ToUpperInvariant() ?? string.Empty;
        var name = details.Name?.Trim() ?? string.Empty;
        var agencyName = details.AgencyName?.Trim() ?? string.Empty;
        var address = string.IsNullOrWhiteSpace(details.Address) ? null : details.Address.Trim();
        if (!IsCode(code))
        {
            errors.Add(SiteErrors.Code);
        }

        if (name.Length is 0 or > 200)
        {
            errors.Add(SiteErrors.Name);
        }

        if (!Enum.IsDefined(details.Kind))
        {
            errors.Add(SiteErrors.Kind);
        }

        if (details.AgencyId == Guid.Empty || agencyName.Length is 0 or > 300)
        {
            errors.Add(SiteErrors.Agency);
        }

        if (address is { Length: > 500 })
        {
            errors.Add(SiteErrors.Address);
        }

        if (details.Latitude.HasValue != details.Longitude.HasValue)
        {
            errors.Add(SiteErrors.CoordinatesPair);
        }

        if (details.Latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            errors.Add(SiteErrors.Latitude);
        }

        if (details.Longitude is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
        {
            errors.Add(SiteErrors.Longitude);
        }

        return errors.Count > 0
            ? throw new DomainRuleException(errors)
            : details with { Code = code, Name = name, AgencyName = agencyName, Address = address };
    }
}

/// <summary>The sites register's errors, in Indonesian and English.</summary>
public static class SiteErrors
{
    public static readonly UserError Code = new("tickets.site.code",
        "Kode lokasi 2–40 karakter: huruf, angka, tanda hubung.", "A site code has 2–40 characters: letters, digits, dashes.", "code");

    public static readonly UserError DuplicateCode = new("tickets.site.code-taken",
        "Kode lokasi sudah dipakai lokasi lain.", "This site code is already used by another site.", "code");

    public static readonly UserError Name = new("tickets.site.name",
        "Nama lokasi wajib diisi (paling banyak 200 karakter).", "A site name is required (at most 200 characters).", "name");

    public static readonly UserError Kind = new("tickets.site.kind",
        "Pilih jenis lokasi.", "Choose the kind of site.", "kind");

    public static readonly UserError Agency = new("tickets.site.agency",
        "Pilih OPD pemilik lokasi.", "Choose the OPD that owns the site.", "agency");

    public static readonly UserError Address = new("tickets.site.address",
        "Alamat paling banyak 500 karakter.", "An address has at most 500 characters.", "address");

    public static readonly UserError CoordinatesPair = new("tickets.site.coordinates",
        "Isi garis lintang dan garis bujur bersama-sama, atau kosongkan keduanya.", "Give both latitude and longitude, or neither.", "latitude");

    public static readonly UserError Latitude = new("tickets.site.latitude",
        "Garis lintang harus antara -90 dan 90 derajat (contoh: -1.6101).", "Latitude must be between -90 and 90 degrees (e.g. -1.6101).", "latitude");

    public static readonly UserError Longitude = new("tickets.site.longitude",
        "Garis bujur harus antara -180 dan 180 derajat (contoh: 103.6131).", "Longitude must be between -180 and 180 degrees (e.g. 103.6131).", "longitude");

    public static readonly UserError NodeCode = new("tickets.node.code",
        "Kode simpul jaringan 2–40 karakter: huruf, angka, tanda hubung.", "A network node code has 2–40 characters: letters, digits, dashes.", "code");

    public static readonly UserError DuplicateNodeCode = new("tickets.node.code-taken",
        "Kode simpul jaringan sudah dipakai simpul lain.", "This network node code is already used by another node.", "code");

    public static readonly UserError NodeName = new("tickets.node.name",
        "Nama simpul jaringan wajib diisi (paling banyak 200 karakter).", "A network node name is required (at most 200 characters).", "name");

    public static readonly UserError NodeNotFound = new("tickets.node.not-found",
        "Simpul jaringan tidak ditemukan.", "Network node not found.", "node");

    public static readonly UserError SiteNotFound = new("tickets.site.not-found",
        "Lokasi tidak ditemukan.", "Site not found.");

    public const string NodeCycleCode = "tickets.node.cycle";

    public static UserError NodeCycle(string code) => new(NodeCycleCode,
        $"Simpul {code} tidak dapat dipindahkan ke bawah dirinya sendiri atau ke bawah simpul yang berada di bawahnya.",
        $"Node {code} cannot move under itself or under a node below it.", "parent");

    public static readonly UserError CoreCannotMove = new("tickets.node.core-root",
        "Simpul inti selalu berada di puncak jaringan dan tidak dapat dipindahkan.", "A core node is always at the top of the network and cannot move.", "parent");

    public static readonly UserError SiteInactive = new("tickets.site.inactive",
        "Lokasi ini sudah dinonaktifkan.", "This site is already deactivated.");

    public static readonly UserError Changed = new("tickets.site.changed",
        "Data ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi.", "Someone else has just changed this. Reload the page and try again.");
}
