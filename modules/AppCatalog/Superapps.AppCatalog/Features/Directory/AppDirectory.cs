using Microsoft.EntityFrameworkCore;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;

namespace Superapps.AppCatalog.Features.Directory;

/// <summary>
/// The catalogue as the proxy reads it. The stamp is one row bumped by a statement trigger on the apps table, in the same transaction as
/// the change (migration <c>InitialAppCatalog</c>), so every portal instance sees it change with the data and never before it.
/// </summary>
internal sealed class AppDirectory(IDbContextFactory<AppCatalogDbContext> contexts) : IAppDirectory
{
    private static readonly AppStatus[] Published = [AppStatus.Proxied, AppStatus.Adapted, AppStatus.Retiring, AppStatus.Retired];

    public async Task<AppDirectorySnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One snapshot: the stamp and the apps read in one repeatable-read transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var stamp = await db.Stamps.AsNoTracking().Select(s => s.Value).SingleAsync(cancellationToken);
        var apps = await db.Apps.AsNoTracking().Where(a => Published.Contains(a.Status)).OrderBy(a => a.Slug).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AppDirectorySnapshot(stamp, [.. apps.Select(a => new PublishedApp(a.Id, a.Slug, a.Name, a.Status,
            a.Status != AppStatus.Retired && a.Upstream is { } upstream ? new Uri(upstream, UriKind.Absolute) : null,
            a.Identity, a.Access, a.HealthPath, a.MaxRequestBodyBytes, a.Retirement)
        {
            OriginalUrl = Uri.TryCreate(a.Url, UriKind.Absolute, out var url) ? url : null,
        })]);
    }

    public async Task<long> StampAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Stamps.AsNoTracking().Select(s => s.Value).SingleAsync(cancellationToken);
    }
}
