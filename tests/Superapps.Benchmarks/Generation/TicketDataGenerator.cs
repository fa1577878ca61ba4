using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Superapps.Tickets.Contracts;

namespace Superapps.Benchmarks.Generation;

/// <summary>What the tickets generator makes; the marker names the data set in the database.</summary>
internal sealed record TicketGeneratorOptions(int Tickets, int Seed)
{
    /// <summary>The generated city's "now": Monday 23 November 2026, 10.00 WIB. Tickets reach two years back from here.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    public string Marker => string.Create(CultureInfo.InvariantCulture, $"tickets={Tickets};seed={Seed};v=1");
}

/// <summary>
/// 200,000 tickets over two years on a demo-like network, loaded with binary COPY: one core, the city hall's distribution node
/// with 60 OPD offices, 12 kecamatan nodes each with its kecamatan office, 6 kelurahan offices and a school; 12 technicians
/// and 3 teams; two reporters per site. The status mix follows age: everything older than two weeks is closed (a few
/// reopened once on the way); the last two weeks hold the open, waiting and resolved tickets, as a real queue does. Every
/// ticket has its history (report, assignment, start, waits, resolution, close), about five events each.
/// </summary>
internal static class TicketDataGenerator
{
    public static readonly string[] Teams = ["Tim Jaringan", "Tim Data Center", "Tim Aplikasi"];

    private static readonly string[] Faults =
    [
        "Internet tidak terkoneksi sejak pagi", "Koneksi internet sangat lambat", "Kabel fiber optik putus", "Wi-Fi ruang pelayanan tidak bisa dipakai",
        "Jaringan LAN lantai dua mati", "Server aplikasi tidak bisa diakses", "Aplikasi kepegawaian error saat login", "Switch di ruang server mati",
        "Access point berkedip merah", "Internet putus nyambung", "Tidak bisa membuka situs pemerintah", "Printer jaringan tidak terdeteksi",
    ];

    private static readonly string[] Details =
    [
        "mohon segera ditangani karena pelayanan warga terganggu", "sudah dicoba restart modem", "terjadi setelah hujan deras",
        "lampu indikator ONT merah", "hanya di ruang sekretariat", "seluruh pegawai terdampak", "sejak kemarin sore", "terjadi berulang kali minggu ini",
    ];

    /// <summary>A word in about one ticket in two thousand: a rare search term.</summary>
    public const string RareTerm = "tersambar petir";

    /// <summary>A word in a large share of the descriptions: a common search term.</summary>
    public const string CommonTerm = "internet";

    public sealed record Summary(int Sites, long Tickets, long Events, TimeSpan Took);

    /// <summary>
    /// The SLA state the reports read (ADR 0012), filled in after the load in one statement. Due instants and the business time to
    /// resolve are approximated from wall-clock time with the default targets: the benchmark measures the report queries over
    /// realistic shares of met, missed and open tickets, not the business clock itself (its rules have their own tests).
    /// </summary>
    public const string ApproximateSlaState = """
        UPDATE tickets.tickets t SET
          sla_priority = t.priority,
          response_due_at = t.created_at + d.response, response_warn_at = t.created_at + d.response * 0.75,
          resolution_due_at = t.created_at + d.resolution, resolution_warn_at = t.created_at + d.resolution * 0.75,
          response_met = CASE WHEN t.first_response_at IS NULL THEN NULL ELSE t.first_response_at <= t.created_at + d.response END,
          resolution_met = CASE WHEN t.resolved_at IS NULL THEN NULL ELSE (t.resolved_at - t.created_at) * 0.35 <= d.resolution END,
          resolution_business_time = CASE WHEN t.resolved_at IS NULL THEN NULL ELSE (t.resolved_at - t.created_at) * 0.35 END
        FROM (VALUES ('P1', interval '1 hour', interval '4 hours'), ('P2', interval '2 hours', interval '8 hours'),
                     ('P3', interval '4 hours', interval '25 hours 30 minutes'), ('P4', interval '8 hours 30 minutes', interval '42 hours 30 minutes'))
             AS d(priority, response, resolution)
        WHERE d.priority = t.priority
        """;

    public static async Task<Summary> LoadAsync(string connectionString, TicketGeneratorOptions options, TextWriter log)
    {
        var started = DateTime.UtcNow;
        var random = new Random(options.Seed);
        var (nodes, sites) = Network(random);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using (var writer = await connection.BeginBinaryImportAsync("COPY tickets.network_nodes (id, code, name, kind, parent_id, created_at) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var node in nodes)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(node.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(node.Code, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(node.Name, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(node.ParentId is null ? "Core" : "Distribution", NpgsqlDbType.Varchar);
                    if (node.ParentId is { } parent)
                    {
                        await writer.WriteAsync(parent, NpgsqlDbType.Uuid);
                    }
                    else
                    {
                        await writer.WriteNullAsync();
                    }

                    await writer.WriteAsync(TicketGeneratorOptions.Now.AddYears(-3), NpgsqlDbType.TimestampTz);
                }

                await writer.CompleteAsync();
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY tickets.sites (id, code, name, kind, agency_id, agency_name, network_node_id, is_active, updated_at) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var site in sites)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(site.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(site.Code, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(site.Name, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(site.Kind.ToString(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(site.AgencyId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(site.AgencyName, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(site.NodeId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(TicketGeneratorOptions.Now.AddYears(-3), NpgsqlDbType.TimestampTz);
                }

                await writer.CompleteAsync();
            }
        }

        // Tickets and their events on two connections at once.
        await using var ticketConnection = new NpgsqlConnection(connectionString);
        await using var eventConnection = new NpgsqlConnection(connectionString);
        await ticketConnection.OpenAsync();
        await eventConnection.OpenAsync();
        await using var tickets = await ticketConnection.BeginBinaryImportAsync("""
            COPY tickets.tickets (id, number, year, sequence, site_id, site_name, agency_id, agency_name, network_node_id, category, description,
              impact, urgency, priority, status, reporter_user_id, reporter_name, assignee_user_id, assignee_name, assigned_team,
              created_at, updated_at, first_response_at, resolved_at, closed_at, reopen_count) FROM STDIN (FORMAT BINARY)
            """);
        await using var events = await eventConnection.BeginBinaryImportAsync("""
            COPY tickets.ticket_events (ticket_id, action, from_status, to_status, actor_user_id, actor_name, actor_role, note, at) FROM STDIN (FORMAT BINARY)
            """);

        var technicians = Enumerable.Range(1, 12).Select(i => (Id: Id(random).ToString(), Name: $"Teknisi Jaringan {i}")).ToArray();
        var lead = (Id: Id(random).ToString(), Name: "Kepala Seksi Infrastruktur Jaringan");
        var span = TimeSpan.FromDays(730);
        var times = Enumerable.Range(0, options.Tickets).Select(_ => TicketGeneratorOptions.Now - TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks)))
            .Order().ToArray();
        var sequences = new Dictionary<int, int>();
        long eventCount = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var created = times[i];
            var year = created.ToOffset(TimeSpan.FromHours(7)).Year;
            var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
            var site = sites[random.Next(sites.Count)];
            var reporter = (Id: site.Reporters[random.Next(2)], Name: $"Pelapor {site.Code}");
            var category = (TicketCategory)random.Next(8);
            var roll = random.NextDouble();
            var priority = roll < 0.03 ? TicketPriority.P1 : roll < 0.28 ? TicketPriority.P2 : roll < 0.68 ? TicketPriority.P3 : TicketPriority.P4;
            var description = $"{Faults[random.Next(Faults.Length)]}, {Details[random.Next(Details.Length)]}."
                + (random.Next(2000) == 0 ? $" Perangkat {RareTerm} semalam." : string.Empty);
            var status = StatusFor(TicketGeneratorOptions.Now - created, random);
            var technician = technicians[random.Next(technicians.Length)];
            var team = random.Next(3) == 0 ? Teams[random.Next(Teams.Length)] : null;

            // The history, and from it the ticket's times.
            var at = created;
            var history = new List<(string Action, TicketStatus From, TicketStatus To, (string Id, string Name) Actor, string Role, string? Note, DateTimeOffset At)>
            {
                ("Report", TicketStatus.New, TicketStatus.New, reporter, "Reporter", null, at),
            };
            var current = TicketStatus.New;
            DateTimeOffset? firstResponse = null, resolved = null, closed = null;
            var reopens = 0;
            void Step(string action, TicketStatus to, (string Id, string Name) actor, string role, string? note, TimeSpan after)
            {
                at = Min(at + after, TicketGeneratorOptions.Now);
                history.Add((action, current, to, actor, role, note, at));
                current = to;
            }

            if (status != TicketStatus.New)
            {
                var fromLead = random.Next(2) == 0;
                Step("Assign", TicketStatus.Assigned, fromLead ? lead : technician, fromLead ? "HelpdeskAgent" : "Technician", technician.Name, Minutes(random, 5, 90));
                firstResponse = at;
                if (status != TicketStatus.Assigned)
                {
                    Step("Start", TicketStatus.InProgress, technician, "Technician", null, Minutes(random, 5, 60));
                    var wait = status is TicketStatus.WaitingForOpd or TicketStatus.WaitingForVendor ? status
                        : random.Next(8) == 0 ? (random.Next(2) == 0 ? TicketStatus.WaitingForOpd : TicketStatus.WaitingForVendor) : (TicketStatus?)null;
                    if (wait is { } waiting)
                    {
                        Step(waiting == TicketStatus.WaitingForOpd ? "WaitForOpd" : "WaitForVendor", waiting, technician, "Technician",
                            waiting == TicketStatus.WaitingForOpd ? "Ruang server dikunci." : "Tiket ISP dibuka.", Minutes(random, 10, 120));
                        if (status != waiting)
                        {
                            Step("Resume", TicketStatus.InProgress, technician, "Technician", null, Minutes(random, 60, 1440));
                        }
                    }

                    if (status is TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Reopened)
                    {
                        Step("Resolve", TicketStatus.Resolved, technician, "Technician", "Perangkat diganti, koneksi normal.", Minutes(random, 30, 2880));
                        resolved = at;
                        if (status == TicketStatus.Reopened || (status == TicketStatus.Closed && random.Next(50) == 0))
                        {
                            Step("Reopen", TicketStatus.Reopened, reporter, "Reporter", "Masih terputus.", Minutes(random, 60, 1440));
                            reopens = 1;
                            if (status == TicketStatus.Closed)
                            {
                                Step("Start", TicketStatus.InProgress, technician, "Technician", null, Minutes(random, 10, 120));
                                Step("Resolve", TicketStatus.Resolved, technician, "Technician", "Perangkat diganti ulang.", Minutes(random, 30, 600));
                                resolved = at;
                            }
                        }

                        if (status == TicketStatus.Closed)
                        {
                            var confirmed = random.Next(3) > 0;
                            Step(confirmed ? "Confirm" : "AutoClose", TicketStatus.Closed, confirmed ? reporter : ("system", "Sistem"), confirmed ? "Reporter" : "System", null,
                                confirmed ? Minutes(random, 30, 1440) : TimeSpan.FromDays(3));
                            closed = at;
                        }
                    }
                }
            }

            var id = Id(random);
            await tickets.StartRowAsync();
            await tickets.WriteAsync(id, NpgsqlDbType.Uuid);
            await tickets.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"TIK-{year}-{sequence:000000}"), NpgsqlDbType.Varchar);
            await tickets.WriteAsync(year, NpgsqlDbType.Integer);
            await tickets.WriteAsync(sequence, NpgsqlDbType.Integer);
            await tickets.WriteAsync(site.Id, NpgsqlDbType.Uuid);
            await tickets.WriteAsync(site.Name, NpgsqlDbType.Varchar);
            await tickets.WriteAsync(site.AgencyId, NpgsqlDbType.Uuid);
            await tickets.WriteAsync(site.AgencyName, NpgsqlDbType.Varchar);
            await tickets.WriteAsync(site.NodeId, NpgsqlDbType.Uuid);
            await tickets.WriteAsync(category.ToString(), NpgsqlDbType.Varchar);
            await tickets.WriteAsync(description, NpgsqlDbType.Varchar);
            await tickets.WriteAsync(nameof(TicketImpact.OneSite), NpgsqlDbType.Varchar);
            await tickets.WriteAsync(nameof(TicketUrgency.Medium), NpgsqlDbType.Varchar);
            await tickets.WriteAsync(priority.ToString(), NpgsqlDbType.Varchar);
            await tickets.WriteAsync(current.ToString(), NpgsqlDbType.Varchar);
            await tickets.WriteAsync(reporter.Id, NpgsqlDbType.Varchar);
            await tickets.WriteAsync(reporter.Name, NpgsqlDbType.Varchar);
            await Text(tickets, status == TicketStatus.New ? null : technician.Id);
            await Text(tickets, status == TicketStatus.New ? null : technician.Name);
            await Text(tickets, status == TicketStatus.New ? null : team);
            await tickets.WriteAsync(created, NpgsqlDbType.TimestampTz);
            await tickets.WriteAsync(at, NpgsqlDbType.TimestampTz);
            await Time(tickets, firstResponse);
            await Time(tickets, resolved);
            await Time(tickets, closed);
            await tickets.WriteAsync(reopens, NpgsqlDbType.Integer);

            foreach (var e in history)
            {
                await events.StartRowAsync();
                await events.WriteAsync(id, NpgsqlDbType.Uuid);
                await events.WriteAsync(e.Action, NpgsqlDbType.Varchar);
                await events.WriteAsync(e.From.ToString(), NpgsqlDbType.Varchar);
                await events.WriteAsync(e.To.ToString(), NpgsqlDbType.Varchar);
                await events.WriteAsync(e.Actor.Id, NpgsqlDbType.Varchar);
                await events.WriteAsync(e.Actor.Name, NpgsqlDbType.Varchar);
                await events.WriteAsync(e.Role, NpgsqlDbType.Varchar);
                await Text(events, e.Note);
                await events.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
                eventCount++;
            }

            if ((i + 1) % 50_000 == 0)
            {
                await log.WriteLineAsync($"  {i + 1:N0} tickets");
            }
        }

        await tickets.CompleteAsync();
        await events.CompleteAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var counters = new NpgsqlCommand(
                "INSERT INTO tickets.ticket_number_counters (year, last_sequence) SELECT year, max(sequence) FROM tickets.tickets GROUP BY year", connection);
            await counters.ExecuteNonQueryAsync();
        }

        return new Summary(sites.Count, times.Length, eventCount, DateTime.UtcNow - started);
    }

    /// <summary>The status a ticket of this age has now.</summary>
    private static TicketStatus StatusFor(TimeSpan age, Random random)
    {
        var roll = random.NextDouble();
        if (age > TimeSpan.FromDays(14))
        {
            return TicketStatus.Closed;
        }

        if (age > TimeSpan.FromDays(3))
        {
            return roll < 0.88 ? TicketStatus.Closed : roll < 0.92 ? TicketStatus.InProgress : roll < 0.96 ? TicketStatus.WaitingForVendor : TicketStatus.WaitingForOpd;
        }

        return roll < 0.25 ? TicketStatus.New : roll < 0.45 ? TicketStatus.Assigned : roll < 0.65 ? TicketStatus.InProgress
            : roll < 0.70 ? TicketStatus.WaitingForOpd : roll < 0.75 ? TicketStatus.WaitingForVendor : roll < 0.97 ? TicketStatus.Resolved : TicketStatus.Reopened;
    }

    private sealed record NodeRow(Guid Id, string Code, string Name, Guid? ParentId);

    private sealed record SiteRow(Guid Id, string Code, string Name, SiteKind Kind, Guid AgencyId, string AgencyName, Guid NodeId, string[] Reporters);

    /// <summary>The demo-like network (Data/Seed/DemoSitesSeeder.cs in the module): OPD offices at the city hall, kecamatan areas with their kelurahan and a school.</summary>
    private static (List<NodeRow> Nodes, List<SiteRow> Sites) Network(Random random)
    {
        var core = new NodeRow(Id(random), "CORE-DC", "Core Data Center Pemkot", null);
        var cityHall = new NodeRow(Id(random), "DIST-PEMKOT", "Distribusi Kompleks Perkantoran Pemkot", core.Id);
        var nodes = new List<NodeRow> { core, cityHall };
        var sites = new List<SiteRow>();
        string[] Reporters() => [Id(random).ToString(), Id(random).ToString()];
        var disdik = Id(random);
        for (var o = 1; o <= 60; o++)
        {
            var agency = o == 1 ? disdik : Id(random);
            var name = o == 1 ? "Dinas Pendidikan" : $"OPD {o:00}";
            sites.Add(new SiteRow(Id(random), $"OPD-{o:00}", "Kantor " + name, SiteKind.OpdOffice, agency, name, cityHall.Id, Reporters()));
        }

        for (var k = 1; k <= 12; k++)
        {
            var node = new NodeRow(Id(random), $"DIST-KEC{k:00}", $"Distribusi Kecamatan {k:00}", core.Id);
            nodes.Add(node);
            var kecamatan = Id(random);
            sites.Add(new SiteRow(Id(random), $"KEC-{k:00}", $"Kantor Kecamatan {k:00}", SiteKind.Kecamatan, kecamatan, $"Kecamatan {k:00}", node.Id, Reporters()));
            for (var l = 1; l <= 6; l++)
            {
                sites.Add(new SiteRow(Id(random), $"KEL-{k:00}-{l}", $"Kantor Kelurahan {k:00}-{l}", SiteKind.Kelurahan, Id(random), $"Kelurahan {k:00}-{l}", node.Id, Reporters()));
            }

            sites.Add(new SiteRow(Id(random), $"SMPN-{k:00}", $"SMP Negeri Kecamatan {k:00}", SiteKind.School, disdik, "Dinas Pendidikan", node.Id, Reporters()));
        }

        return (nodes, sites);
    }

    private static Guid Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes);
    }

    private static TimeSpan Minutes(Random random, int min, int max) => TimeSpan.FromMinutes(random.Next(min, max));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task Text(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            await writer.WriteNullAsync();
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Varchar);
        }
    }

    private static async Task Time(NpgsqlBinaryImporter writer, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.TimestampTz);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }
}
