using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Modularity;
using Superapps.Organization.Contracts;
using Superapps.Organization.Domain;
using Superapps.SharedKernel;

namespace Superapps.Organization.Data.Seed;

/// <summary>
/// Seeds the demo city once: about 110 OPDs, kecamatan and kelurahan, their units, a position
/// hierarchy from the Walikota down, 400 employees with valid NIPs, and a Plt and a Plh.
/// Runs only when demo data is asked for, and does nothing when the directory already has OPDs.
/// </summary>
internal sealed class DemoCitySeeder : IDatabaseInitializer
{
    /// <summary>Demo e-mail domain; demo logins are listed in docs/demo-logins.md.</summary>
    public const string EmailDomain = "kotademo.go.id";

    public int Order => 200;

    public string Name => "demo:organization";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OrganizationDbContext>();
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var city = Build(Wib.Today(clock));
        db.Agencies.AddRange(city.Agencies);
        db.Units.AddRange(city.Units);
        db.Positions.AddRange(city.Positions);
        db.Employees.AddRange(city.Employees);
        db.ActingAssignments.AddRange(city.Acting);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal sealed record DemoCity(
        List<Agency> Agencies, List<OrganizationUnit> Units, List<Position> Positions, List<Employee> Employees, List<ActingAssignment> Acting);

    internal static DemoCity Build(DateOnly today)
    {
        var agencyRows = Read<AgencyRow>("agencies.json");
        var unitRows = Read<UnitRow>("units.json");
        var people = new Queue<PersonRow>(Read<PersonRow>("people.json").OrderBy(p => p.BirthDate));

        var agencies = new List<Agency>();
        var byCode = new Dictionary<string, Agency>(StringComparer.Ordinal);
        var pemkot = new Agency(Id("agency:PEMKOT"), "PEMKOT", "Kepala Daerah", "Kepala Daerah", AgencyKind.KepalaDaerah, null);
        agencies.Add(pemkot);
        byCode[pemkot.Code] = pemkot;
        foreach (var row in agencyRows)
        {
            var kind = Enum.Parse<AgencyKind>(row.Kind);
            var agency = new Agency(Id("agency:" + row.Code), row.Code, row.Name, row.ShortName, kind,
                row.ParentCode is null ? null : byCode[row.ParentCode].Id);
            agencies.Add(agency);
            byCode[row.Code] = agency;
        }

        for (var i = 0; i < agencies.Count; i++)
        {
            agencies[i].SetLetterhead(DemoLetterhead(agencies[i], i, byCode));
        }

        var units = new List<OrganizationUnit>();
        var unitByKey = new Dictionary<string, OrganizationUnit>(StringComparer.Ordinal);
        foreach (var row in unitRows)
        {
            var agency = byCode[row.AgencyCode];
            var unit = new OrganizationUnit(Id($"unit:{row.AgencyCode}:{row.Code}"), agency.Id, row.Code, row.Name,
                row.ParentCode is null ? null : unitByKey[$"{row.AgencyCode}:{row.ParentCode}"].Id);
            units.Add(unit);
            unitByKey[$"{row.AgencyCode}:{row.Code}"] = unit;
        }

        var positions = new List<Position>();
        Position Add(string key, Agency agency, OrganizationUnit? unit, string title, PositionLevel level, Position? superior, bool head = false)
        {
            var position = new Position(Id("position:" + key), agency.Id, unit?.Id, title, level, null, head);
            position.ReportTo(superior?.Id);
            positions.Add(position);
            return position;
        }

        var walikota = Add("WALIKOTA", pemkot, null, "Walikota", PositionLevel.Walikota, null, head: true);
        var wakil = Add("WAKIL", pemkot, null, "Wakil Walikota", PositionLevel.WakilWalikota, walikota);
        var setda = byCode["SETDA"];
        var sekda = Add("SEKDA", setda, null, "Sekretaris Daerah", PositionLevel.Sekda, wakil, head: true);

        var heads = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var agency in agencies.Where(a => a.Kind is not (AgencyKind.KepalaDaerah or AgencyKind.SekretariatDaerah or AgencyKind.Kelurahan)))
        {
            heads[agency.Code] = Add("HEAD:" + agency.Code, agency, null, HeadTitle(agency), PositionLevel.KepalaOpd, sekda, head: true);
        }

        heads[setda.Code] = sekda;
        foreach (var kelurahan in agencies.Where(a => a.Kind == AgencyKind.Kelurahan))
        {
            var camat = heads[agencies.First(a => a.Id == kelurahan.ParentId).Code];
            heads[kelurahan.Code] = Add("HEAD:" + kelurahan.Code, kelurahan, null, "Lurah " + Strip(kelurahan.Name, "Kelurahan "), PositionLevel.Kabid, camat, head: true);
        }

        var unitHeads = new Dictionary<Guid, Position>();
        foreach (var row in unitRows.Where(u => u.ParentCode is null).Concat(unitRows.Where(u => u.ParentCode is not null)))
        {
            var agency = byCode[row.AgencyCode];
            var unit = unitByKey[$"{row.AgencyCode}:{row.Code}"];
            var superior = unit.ParentId is { } parent ? unitHeads[parent] : heads[agency.Code];
            var level = unit.ParentId is null && !row.Name.StartsWith("Seksi", StringComparison.Ordinal) ? PositionLevel.Kabid : PositionLevel.Kasi;
            if (superior.Level >= level)
            {
                level = superior.Level + 1;
            }

            unitHeads[unit.Id] = Add($"UNIT:{row.AgencyCode}:{row.Code}", agency, unit, UnitHeadTitle(unit.Name, agency), level, superior);
        }

        // Who holds what: the most senior people take the highest positions.
        var employees = new List<Employee>();
        var acting = new List<ActingAssignment>();
        var nips = new HashSet<string>(StringComparer.Ordinal);
        Employee Hire(Position? position, Agency agency, bool civilServant = true)
        {
            var person = people.Dequeue();
            Nip? nip = null;
            if (civilServant)
            {
                var sequence = 1;
                do
                {
                    nip = Nip.Compose(person.BirthDate, person.AppointedMonth, person.Sex == "L" ? Sex.Male : Sex.Female, sequence++);
                }
                while (!nips.Add(nip.Value));
            }

            var employee = new Employee(Id("employee:" + person.Name), nip, person.Name, agency.Id);
            employee.SetEmail(EmailFor(person.Name, employees));
            if (civilServant)
            {
                employee.SetRank(null, DemoGrade(position, person.AppointedMonth));
            }

            if (position is not null)
            {
                employee.AssignPosition(position.Id);
            }

            employees.Add(employee);
            return employee;
        }

        Hire(walikota, pemkot, civilServant: false);
        Hire(wakil, pemkot, civilServant: false);
        Hire(sekda, setda);

        // One OPD head is vacant (a Plt acts for it), one is away (a Plh stands in).
        const string vacantHead = "DISPARBUD";
        const string awayHead = "DISDIK";
        foreach (var (code, head) in heads.Where(h => h.Key != vacantHead && h.Value != sekda && byCode[h.Key].Kind != AgencyKind.Kelurahan))
        {
            Hire(head, byCode[code]);
        }

        var topUnitHeads = unitHeads.Values.Where(p => p.Level == PositionLevel.Kabid).ToList();
        foreach (var position in topUnitHeads)
        {
            Hire(position, agencies.First(a => a.Id == position.AgencyId));
        }

        foreach (var (code, head) in heads.Where(h => byCode[h.Key].Kind == AgencyKind.Kelurahan))
        {
            Hire(head, byCode[code]);
        }

        // Diskominfo and the Sekretariat Daerah are fully staffed down to Kasi/Kasubbag.
        foreach (var position in unitHeads.Values.Where(p => p.Level == PositionLevel.Kasi && (p.AgencyId == byCode["DISKOMINFO"].Id || p.AgencyId == setda.Id)))
        {
            Hire(position, agencies.First(a => a.Id == position.AgencyId));
        }

        // Named staff roles the demo logins use.
        var diskominfo = byCode["DISKOMINFO"];
        Position Staff(Agency agency, string unitCode, string title)
        {
            var unit = unitByKey.GetValueOrDefault($"{agency.Code}:{unitCode}");
            var superior = unit is null ? heads[agency.Code] : unitHeads[unit.Id];
            var key = $"STAFF:{agency.Code}:{unitCode}:{title}:{positions.Count}";
            return Add(key, agency, unit, title, PositionLevel.Staf, superior);
        }

        Hire(Staff(diskominfo, "APLIKASI", "Pranata Komputer Ahli Muda (Administrator Sistem)"), diskominfo);
        for (var i = 1; i <= 3; i++)
        {
            Hire(Staff(diskominfo, "JARINGAN", $"Teknisi Jaringan {i}"), diskominfo);
        }

        Hire(Staff(diskominfo, "STATSEK", "Statistisi Ahli Muda (Walidata)"), diskominfo);
        Hire(Staff(diskominfo, "UMPEG", "Pengadministrasi Persuratan (Pencatat Surat)"), diskominfo);
        Hire(Staff(diskominfo, "APLIKASI", "Pranata Komputer Ahli Pertama"), diskominfo);

        foreach (var agency in agencies.Where(a => a.Kind is AgencyKind.Dinas or AgencyKind.Badan or AgencyKind.Inspektorat or AgencyKind.Sekretariat or AgencyKind.Kecamatan or AgencyKind.SekretariatDaerah)
                     .Where(a => a != diskominfo))
        {
            var clerkUnit = agency == setda ? "UMUM" : "SEKRE";
            Hire(Staff(agency, clerkUnit, "Pengadministrasi Persuratan (Pencatat Surat)"), agency);
        }

        var disdik = byCode["DISDIK"];
        Hire(Staff(disdik, "SEKRE", "Pengelola Data (Operator Data)"), disdik);
        Hire(Staff(disdik, "SEKRE", "Analis Kepegawaian (Admin OPD)"), disdik);

        // A kelurahan's front office: reports network faults of its office (the Tickets demo).
        var beringin = byCode["KEL-BERINGIN"];
        Hire(Staff(beringin, "-", "Pengadministrasi Umum"), beringin);

        // The rest are staff spread across the Bidang of every OPD.
        var staffUnits = topUnitHeads.Where(p => p.UnitId is not null).ToList();
        var next = 0;
        while (people.Count > 0)
        {
            var lead = staffUnits[next++ % staffUnits.Count];
            var unit = units.First(u => u.Id == lead.UnitId);
            var agency = agencies.First(a => a.Id == lead.AgencyId);
            Hire(Staff(agency, unit.Code, "Staf " + Strip(unit.Name, "Bidang ", "Bagian ")), agency);
        }

        // Plt Kepala Dinas Pariwisata dan Kebudayaan: its Sekretaris acts while the post is vacant.
        var vacant = heads[vacantHead];
        var sekretaris = unitHeads.Values.First(p => p.AgencyId == vacant.AgencyId && p.Title.StartsWith("Sekretaris", StringComparison.Ordinal));
        var pltHolder = employees.First(e => e.PositionId == sekretaris.Id);
        acting.Add(ActingAssignment.Create(Id("acting:plt"), pltHolder.Id, sekretaris.Level, vacant, null, HoldingKind.Plt,
            today.AddDays(-20), today.AddDays(70), "800.1.3.3/012/BKPSDM/" + today.Year.ToString(CultureInfo.InvariantCulture), acting));

        // Plh Kepala Dinas Pendidikan: its Sekretaris stands in while the Kepala Dinas is away.
        var away = heads[awayHead];
        var awayHolder = employees.First(e => e.PositionId == away.Id);
        var plhPosition = unitHeads.Values.First(p => p.AgencyId == away.AgencyId && p.Title.StartsWith("Sekretaris", StringComparison.Ordinal));
        var plhHolder = employees.First(e => e.PositionId == plhPosition.Id);
        acting.Add(ActingAssignment.Create(Id("acting:plh"), plhHolder.Id, plhPosition.Level, away, awayHolder.Id, HoldingKind.Plh,
            today.AddDays(-1), today.AddDays(6), null, acting));

        return new DemoCity(agencies, units, positions, employees, acting);
    }

    /// <summary>
    /// Letterhead facts in the style of Kota Jambi's offices: street names of the city, postal codes 361xx, the area code 0741 with the
    /// reserved-looking exchange 555 (no real office's number), and addresses under the demo domain.
    /// </summary>
    private static AgencyLetterhead DemoLetterhead(Agency agency, int index, Dictionary<string, Agency> byCode)
    {
        string[] streets =
        [
            "Jalan Jenderal Basuki Rahmat", "Jalan Jenderal Sudirman", "Jalan Kapten A. Bakaruddin", "Jalan Slamet Riyadi",
            "Jalan H. M. Yusuf Singadekane", "Jalan Prof. Dr. Sri Soedewi", "Jalan Kolonel Abunjani", "Jalan R. M. Nur Atmadibrata",
        ];
        var slug = agency.Code.ToLowerInvariant().Replace("kec-", "kec", StringComparison.Ordinal).Replace("kel-", "kel", StringComparison.Ordinal);
        var number = 1 + (index % 40);
        var telephone = $"(0741) 555-{100 + index:D4}";
        var district = agency.Kind switch
        {
            AgencyKind.Kecamatan => Strip(agency.Name, "Kecamatan "),
            AgencyKind.Kelurahan when agency.ParentId is { } parent => Strip(byCode.Values.First(a => a.Id == parent).Name, "Kecamatan "),
            _ => "Kotabaru",
        };
        var address = agency.Code switch
        {
            "PEMKOT" or "SETDA" => "Jalan Jenderal Basuki Rahmat Nomor 1, Kotabaru, Kota Demo",
            "DISKOMINFO" => "Jalan Jenderal Basuki Rahmat Nomor 1A, Kotabaru, Kota Demo",
            _ => $"{streets[index % streets.Length]} Nomor {number}, {district}, Kota Demo",
        };
        var postalCode = (36111 + (index % 30)).ToString(CultureInfo.InvariantCulture);
        return agency.Kind == AgencyKind.Kelurahan
            ? new AgencyLetterhead(address, postalCode, telephone, null, $"{slug}@{EmailDomain}", null)
            : new AgencyLetterhead(address, postalCode, telephone, index % 3 == 0 ? $"(0741) 555-{600 + index:D4}" : null, $"{slug}@{EmailDomain}",
                $"{slug}.{EmailDomain}");
    }

    /// <summary>The golongan a civil servant of the demo city holds, from the rank of their position and their years of service.</summary>
    private static string DemoGrade(Position? position, DateOnly appointed) => position?.Level switch
    {
        PositionLevel.Sekda => "IV/d",
        PositionLevel.KepalaOpd => "IV/c",
        PositionLevel.Kabid => "IV/b",
        PositionLevel.Kasi => "III/d",
        _ when position?.Title.Contains("Ahli Muda", StringComparison.Ordinal) == true => "III/c",
        _ => appointed.Year switch
        {
            < 2005 => "III/d",
            < 2012 => "III/c",
            < 2018 => "III/b",
            _ => "III/a",
        },
    };

    private static string HeadTitle(Agency agency) => agency.Kind switch
    {
        AgencyKind.Inspektorat => "Inspektur",
        AgencyKind.Sekretariat => "Sekretaris DPRD",
        AgencyKind.Kecamatan => "Camat " + Strip(agency.Name, "Kecamatan "),
        _ => "Kepala " + agency.Name,
    };

    private static string UnitHeadTitle(string unitName, Agency agency)
    {
        if (unitName.StartsWith("Sekretariat", StringComparison.Ordinal))
        {
            return agency.Kind == AgencyKind.Kecamatan ? "Sekretaris Camat " + Strip(agency.Name, "Kecamatan ") : "Sekretaris " + agency.Name;
        }

        if (unitName.StartsWith("Inspektur", StringComparison.Ordinal) || unitName.StartsWith("Irban", StringComparison.Ordinal))
        {
            return unitName;
        }

        return "Kepala " + unitName;
    }

    private static string Strip(string value, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return value[prefix.Length..];
            }
        }

        return value;
    }

    private static string EmailFor(string name, List<Employee> existing)
    {
        var plain = name.Split(',')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.EndsWith('.') && w != "H." && w != "Hj.")
            .Select(w => new string(w.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToList();
        var local = plain.Count >= 2 ? $"{plain[0]}.{plain[^1]}" : plain.FirstOrDefault() ?? "pegawai";
        var candidate = local;
        for (var n = 2; existing.Any(e => e.Email == $"{candidate}@{EmailDomain}"); n++)
        {
            candidate = local + n.ToString(CultureInfo.InvariantCulture);
        }

        return $"{candidate}@{EmailDomain}";
    }

    /// <summary>A stable id from a key, so that the demo city is the same on every machine.</summary>
    internal static Guid Id(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("superapps-demo:" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static List<T> Read<T>(string file)
    {
        using var stream = typeof(DemoCitySeeder).Assembly.GetManifestResourceStream($"Superapps.Organization.Data.Seed.{file}")
            ?? throw new InvalidOperationException($"Missing embedded seed file {file}");
        return JsonSerializer.Deserialize<List<T>>(stream, JsonOptions) ?? [];
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record AgencyRow(string Code, string Name, string ShortName, string Kind, string? ParentCode);

    private sealed record UnitRow(string AgencyCode, string Code, string Name, string? ParentCode);

    private sealed record PersonRow(string Name, string Sex, DateOnly BirthDate, string AppointmentDate)
    {
        public DateOnly AppointedMonth => DateOnly.ParseExact(AppointmentDate + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
