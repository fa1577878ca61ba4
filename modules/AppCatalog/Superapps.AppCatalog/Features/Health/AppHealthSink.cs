using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Data;

namespace Superapps.AppCatalog.Features.Health;

/// <summary>
/// Stores the proxy's health reports in one statement: an upsert of <c>app_health</c> per app. The state and its change time are taken
/// from the report; a report that repeats the stored state keeps the stored change time (several portal instances report the same
/// change) and only moves the "last checked" time forward.
/// </summary>
internal sealed class AppHealthSink(IDbContextFactory<AppCatalogDbContext> contexts) : IAppHealthSink
{
    private const string Sql = """
        INSERT INTO appcatalog.app_health AS h (app_id, health, changed_at, checked_at)
        SELECT * FROM unnest(@apps, @health, @changed, @checked)
        ON CONFLICT (app_id) DO UPDATE SET
            health = excluded.health,
            changed_at = CASE WHEN h.health = excluded.health THEN h.changed_at ELSE excluded.changed_at END,
            checked_at = greatest(h.checked_at, excluded.checked_at)
        """;

    public async Task RecordAsync(IReadOnlyCollection<AppHealthReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        // One row per app (an upsert cannot touch a row twice in one statement): the latest report wins.
        var rows = reports.GroupBy(r => r.AppId).Select(g => g.MaxBy(r => r.CheckedAt)!).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(Sql, [
            new NpgsqlParameter("apps", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(r => r.AppId).ToArray() },
            new NpgsqlParameter("health", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Health.ToString()).ToArray() },
            new NpgsqlParameter("changed", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.ChangedAt.UtcDateTime).ToArray() },
            new NpgsqlParameter("checked", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.CheckedAt.UtcDateTime).ToArray() },
        ], cancellationToken);
    }
}
