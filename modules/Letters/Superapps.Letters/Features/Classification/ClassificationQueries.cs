using Microsoft.EntityFrameworkCore;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Classification;

/// <summary>Finds archive classification codes by code or name, for pickers.</summary>
public sealed class ClassificationQueries(IDbContextFactory<LettersDbContext> contexts)
{
    public async Task<List<ClassificationCode>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ClassificationCodes.AsNoTracking().Where(c => c.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var value = text.Trim();
            var pattern = LikePattern.Contains(value);
            query = query.Where(c => c.Code.StartsWith(value) || EF.Functions.ILike(c.Name, pattern));
        }

        return await query.OrderBy(c => c.Code).Take(30).ToListAsync(cancellationToken);
    }
}
