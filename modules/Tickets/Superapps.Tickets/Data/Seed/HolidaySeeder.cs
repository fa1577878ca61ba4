using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Superapps.Modularity;
using Superapps.Tickets.Domain.Calendar;

namespace Superapps.Tickets.Data.Seed;

/// <summary>One line of <c>holidays.json</c>.</summary>
internal sealed record HolidaySeed(DateOnly First, DateOnly Last, CalendarEntryKind Kind, string Name, bool Provisional);

/// <summary>The file's shape: its source note and its lines.</summary>
internal sealed record HolidayFile(string Source, IReadOnlyList<HolidaySeed> Entries);

/// <summary>
/// Reference data: Indonesian public holidays and cuti bersama (Data/Seed/holidays.json), seeded at every start. A line is added
/// only when no entry shares one of its days, so what the city has entered, changed or removed by hand is kept (a line it
/// removed and that is still in the file comes back; remove it from the file too). The list must be checked against each
/// year's SKB (Surat Keputusan Bersama of the Ministers of Religious Affairs, Manpower and Administrative Reform); lines marked
/// provisional were not yet checked.
/// </summary>
internal sealed class HolidaySeeder(ILogger<HolidaySeeder> logger) : IDatabaseInitializer
{
    public const string ResourceName = "Superapps.Tickets.holidays.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public int Order => 140;

    public string Name => "reference:tickets-holidays";

    public static async Task<HolidayFile> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(HolidaySeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The holiday list is missing from the Tickets assembly.");
        return await JsonSerializer.DeserializeAsync<HolidayFile>(stream, Json, cancellationToken)
            ?? throw new InvalidOperationException("The holiday list is empty.");
    }

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TicketsDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var file = await ReadAsync(cancellationToken);
        var existing = await db.CalendarEntries.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var line in file.Entries)
        {
            var entry = CalendarEntry.Create(Guid.CreateVersion7(), line.Kind, line.Name, line.First, line.Last, line.Provisional, "seed", clock.GetUtcNow());
            if (existing.Any(e => e.Overlaps(entry)))
            {
                continue;
            }

            db.CalendarEntries.Add(entry);
            existing.Add(entry);
        }

        var added = await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Added {Count} days off to the SLA calendar", added);
        }
    }
}
