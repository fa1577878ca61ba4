using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Features.Archive;
using Superapps.Letters.Features.Retention;
using Superapps.Modularity;

namespace Superapps.Letters.Data.Seed;

/// <summary>
/// Reference data: a default retention schedule (JRA) per primary class and a few secondary ones, inherited by every sub-code.
/// The lines are EXAMPLES to be replaced by the city's own JRA (Peraturan Wali Kota on its records retention schedule); a line
/// the city has changed or added is never overwritten. After seeding, archived letters indexed before a line matched their
/// code get their retention dates.
/// </summary>
internal sealed class RetentionScheduleSeeder : IDatabaseInitializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public int Order => 131;

    public string Name => "reference:letters-retention";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LettersDbContext>();
        await using var stream = typeof(RetentionScheduleSeeder).Assembly.GetManifestResourceStream("Superapps.Letters.Data.Seed.retention-schedules.json")
            ?? throw new InvalidOperationException("The retention schedule seed is missing.");
        var rows = await JsonSerializer.DeserializeAsync<List<RetentionSchedule>>(stream, Json, cancellationToken) ?? [];
        var existing = await db.RetentionSchedules.Select(s => s.Code).ToHashSetAsync(cancellationToken);
        db.RetentionSchedules.AddRange(rows.Where(r => !existing.Contains(r.Code)));
        await db.SaveChangesAsync(cancellationToken);
        await ArchiveIndex.ApplyMissingRetentionAsync(db, cancellationToken);
    }
}
