using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Domain;
using Superapps.Modularity;

namespace Superapps.Letters.Data.Seed;

/// <summary>
/// Reference data: the archive classification codes after Permendagri 83/2022 (the regional government part),
/// the primary and secondary classes and the tertiary ones a city uses most. Adds missing codes; never removes a city's own.
/// </summary>
internal sealed class ClassificationSeeder : IDatabaseInitializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Order => 130;

    public string Name => "reference:letters-classification";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LettersDbContext>();
        await using var stream = typeof(ClassificationSeeder).Assembly.GetManifestResourceStream("Superapps.Letters.Data.Seed.classification-codes.json")
            ?? throw new InvalidOperationException("The classification seed is missing.");
        var rows = await JsonSerializer.DeserializeAsync<List<Row>>(stream, Json, cancellationToken) ?? [];
        var existing = await db.ClassificationCodes.Select(c => c.Code).ToHashSetAsync(cancellationToken);
        db.ClassificationCodes.AddRange(rows.Where(r => !existing.Contains(r.Code))
            .Select(r => new ClassificationCode { Code = r.Code, Name = r.Name, ParentCode = r.Parent, Level = r.Level }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Row(string Code, string Name, string? Parent, int Level);
}
